package com.quotebus.app;

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
 * the set of push addresses with at least one registration, loaded once and kept current by an entry listener
 * (added/removed events re-check the address; Hazelcast delivers them on its event threads, never an event loop).
 * A gateway that subscribes is seen within the listener's delay (milliseconds); what was published before that
 * is what the gateway's first-value-on-subscribe ({@code svc.last}) covers. Only addresses {@code pushes} accepts
 * are tracked, so memory is bounded by the subscribed push addresses.
 */
final class HazelcastPushInterest implements PushInterest, AutoCloseable {
    /** Vert.x-hazelcast's consumer registry (SubsMapHelper). */
    static final String SUBS = "__vertx.subs";

    private final MultiMap<String, Object> subs;
    private final Predicate<String> pushes;
    private final Set<String> subscribed = ConcurrentHashMap.newKeySet();
    private final UUID listener;

    HazelcastPushInterest(HazelcastInstance hz, Predicate<String> pushes) {
        this.subs = hz.getMultiMap(SUBS);
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
        for (String address : subs.keySet()) {
            recheck(address);
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
        subs.removeEntryListener(listener);
    }
}
