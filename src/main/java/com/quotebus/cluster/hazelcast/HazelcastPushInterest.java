package com.quotebus.cluster.hazelcast;

import com.hazelcast.core.EntryAdapter;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.multimap.MultiMap;
import com.quotebus.cluster.PushInterest;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * {@link PushInterest} from the cluster's own registry of event-bus consumers: Vert.x's Hazelcast cluster manager
 * keeps every consumer registration in the multimap {@value #SUBS} (address → registrations). This view holds
 * the set of push addresses with at least one registration, loaded at start and kept current by an entry listener
 * (added/removed events re-check the address; Hazelcast delivers them on its event threads, never an event loop),
 * and reloaded whole after a cluster merge and every {@value #RELOAD_SECONDS} s (a member frozen by a GC pause or
 * SIGSTOP misses events).
 * A gateway that subscribes is seen within the listener's delay (milliseconds); what was published before that
 * is what the gateway's first-value-on-subscribe ({@code svc.last}) covers. Only addresses {@code pushes} accepts
 * are tracked, so memory is bounded by the subscribed push addresses.
 */
public final class HazelcastPushInterest implements PushInterest, AutoCloseable {
    /** Vert.x-hazelcast's consumer registry (SubsMapHelper). */
    static final String SUBS = "__vertx.subs";

    private final MultiMap<String, Object> subs;
    private final Predicate<String> pushes;
    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
    private final UUID listener;
    private final UUID lifecycle;
    private final com.hazelcast.core.LifecycleService hzLifecycle;
    private final java.util.concurrent.ScheduledExecutorService reloader =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "quotebus-push-interest");
                t.setDaemon(true);
                return t;
            });
    /** How often the whole view is reloaded from the registry (a safety net under the listener). */
    static final long RELOAD_SECONDS = 5;
    private static final System.Logger LOG = System.getLogger(HazelcastPushInterest.class.getName());

    public HazelcastPushInterest(HazelcastInstance hz, Predicate<String> pushes) {
        this.subs = hz.getMultiMap(SUBS);
        this.hzLifecycle = hz.getLifecycleService();
        this.pushes = pushes;
        this.listener = subs.addEntryListener(new EntryAdapter<String, Object>() {
            @Override
            public void entryAdded(EntryEvent<String, Object> event) {
                recheck(event.getKey());
            }

            @Override
            public void entryRemoved(EntryEvent<String, Object> event) {
                recheck(event.getKey());
            }
        }, false);
        reload();
        // a listener can miss events: a member frozen (GC, SIGSTOP) and merged back, a listener lost in a merge;
        // so the whole view is also reloaded after a merge and every RELOAD_SECONDS
        this.lifecycle = hz.getLifecycleService().addLifecycleListener(event -> {
            if (event.getState() == com.hazelcast.core.LifecycleEvent.LifecycleState.MERGED) {
                reloader.execute(this::reloadQuietly);
            }
        });
        reloader.scheduleWithFixedDelay(this::reloadQuietly, RELOAD_SECONDS, RELOAD_SECONDS,
                java.util.concurrent.TimeUnit.SECONDS);
    }

    /** Brings the view in line with the registry: adds what is registered, drops what is not (re-checked). */
    private void reload() {
        Set<String> registered = new java.util.HashSet<>();
        for (String address : subs.keySet()) {
            if (pushes.test(address)) {
                registered.add(address);
            }
        }
        subscribed.addAll(registered);
        for (String address : subscribed) {
            if (!registered.contains(address)) {
                recheck(address); // may have been added since the key set was read
            }
        }
    }

    private void reloadQuietly() {
        try {
            reload();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "push interest not reloaded: " + e); // next time
        }
    }

    private void recheck(String address) {
        if (!pushes.test(address)) {
            return;
        }
        if (subs.containsKey(address)) {
            subscribed.add(address);
        } else {
            subscribed.remove(address);
        }
    }

    @Override
    public boolean wanted(String address) {
        return subscribed.contains(address);
    }

    /** Push addresses with a consumer now. */
    int size() {
        return subscribed.size();
    }

    @Override
    public void close() {
        reloader.shutdownNow();
        try {
            subs.removeEntryListener(listener);
            hzLifecycle.removeLifecycleListener(lifecycle);
        } catch (RuntimeException e) {
            // Hazelcast already shut down
        }
    }
}
