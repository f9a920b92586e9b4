package com.quotebus.access.routing;

import com.quotebus.cluster.registry.RegistryListener;
import com.quotebus.cluster.registry.ServiceInstance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contexts (state-establishing requests) each session holds on each instance, and their failover: when an
 * instance is removed from the registry, each context it held is handed to the {@link Resender} to be sent again
 * to a healthy instance; on success the caller {@link #rebind}s it, on failure it becomes an orphan that is
 * retried when an instance of its service appears (or becomes ACTIVE) and on {@link #retryOrphans()}.
 *
 * <p>Each context is in one of three states: bound to an instance, being re-sent, or orphaned. A DRAINING
 * instance keeps its contexts (draining stops only new requests). Plain Java, thread-safe; the resender is
 * called outside the lock, on the thread that reported the change, and must not block.
 *
 * <p>Bounded: at most {@code maxPerSession} contexts per session and {@code maxTotal} overall; beyond that
 * {@link #hold} answers with a rejection value and keeps nothing.
 */
public final class SessionContexts {

    /** Sends a context again; reports back with {@link #rebind} or {@link #resendFailed}. */
    public interface Resender {
        void resend(HeldContext context);
    }

    /** Outcome of {@link #hold}. */
    public enum HoldResult {
        HELD,
        /** A context with the same session and context id was replaced. */
        REPLACED,
        SESSION_LIMIT,
        TOTAL_LIMIT
    }

    private enum State { BOUND, RESENDING, ORPHAN }

    private static final class Entry {
        HeldContext context;
        State state;

        Entry(HeldContext context, State state) {
            this.context = context;
            this.state = state;
        }
    }

    private final int maxPerSession;
    private final int maxTotal;
    private final Resender resender;
    private final Map<String, Map<String, Entry>> bySession = new HashMap<>();
    private final Map<String, Set<Entry>> byInstance = new HashMap<>();
    private final Map<String, Set<Entry>> orphansByService = new HashMap<>();
    private int total;

    public SessionContexts(int maxPerSession, int maxTotal, Resender resender) {
        if (maxPerSession < 1 || maxTotal < 1 || resender == null) {
            throw new IllegalArgumentException("maxPerSession and maxTotal must be positive and resender given");
        }
        this.maxPerSession = maxPerSession;
        this.maxTotal = maxTotal;
        this.resender = resender;
    }

    /** Whether {@link #hold} would accept this context now (to check before sending the request). */
    public synchronized HoldResult canHold(String sessionId, String contextId) {
        Map<String, Entry> session = bySession.get(sessionId);
        if (session != null && session.containsKey(contextId)) {
            return HoldResult.REPLACED;
        }
        if (session != null && session.size() >= maxPerSession) {
            return HoldResult.SESSION_LIMIT;
        }
        return total >= maxTotal ? HoldResult.TOTAL_LIMIT : HoldResult.HELD;
    }

    /** Records a context bound to {@code context.instanceId()} (required). */
    public synchronized HoldResult hold(HeldContext context) {
        if (context.instanceId() == null) {
            throw new IllegalArgumentException("a held context needs the instance holding it");
        }
        HoldResult verdict = canHold(context.sessionId(), context.contextId());
        if (verdict == HoldResult.SESSION_LIMIT || verdict == HoldResult.TOTAL_LIMIT) {
            return verdict;
        }
        if (verdict == HoldResult.REPLACED) {
            unlink(bySession.get(context.sessionId()).remove(context.contextId()));
            total--;
        }
        Entry e = new Entry(context, State.BOUND);
        bySession.computeIfAbsent(context.sessionId(), k -> new LinkedHashMap<>()).put(context.contextId(), e);
        byInstance.computeIfAbsent(instanceKey(context), k -> new LinkedHashSet<>()).add(e);
        total++;
        return verdict;
    }

    /** Forgets one context; returns it (with the instance holding it, if any) so the caller can release it there. */
    public synchronized Optional<HeldContext> release(String sessionId, String contextId) {
        Map<String, Entry> session = bySession.get(sessionId);
        Entry e = session == null ? null : session.remove(contextId);
        if (e == null) {
            return Optional.empty();
        }
        if (session.isEmpty()) {
            bySession.remove(sessionId);
        }
        unlink(e);
        total--;
        return Optional.of(e.context);
    }

    /** Forgets every context of a closed session; returns them. */
    public synchronized List<HeldContext> releaseSession(String sessionId) {
        Map<String, Entry> session = bySession.remove(sessionId);
        if (session == null) {
            return List.of();
        }
        List<HeldContext> released = new ArrayList<>();
        for (Entry e : session.values()) {
            unlink(e);
            released.add(e.context);
            total--;
        }
        return released;
    }

    /** The instance is gone: its contexts are re-sent. */
    public void instanceRemoved(String service, String instanceId) {
        List<HeldContext> toResend;
        synchronized (this) {
            Set<Entry> held = byInstance.remove(ServiceInstance.key(service, instanceId));
            toResend = new ArrayList<>();
            if (held != null) {
                for (Entry e : held) {
                    e.context = e.context.boundTo(null);
                    e.state = State.RESENDING;
                    toResend.add(e.context);
                }
            }
        }
        toResend.forEach(resender::resend);
    }

    /** An instance of the service can take requests: its orphans are re-sent. */
    public void instanceAvailable(String service) {
        resendOrphans(service);
    }

    /** Re-sends every orphan (e.g. on a timer, for orphans whose re-send timed out while instances existed). */
    public void retryOrphans() {
        List<String> services;
        synchronized (this) {
            services = List.copyOf(orphansByService.keySet());
        }
        services.forEach(this::resendOrphans);
    }

    private void resendOrphans(String service) {
        List<HeldContext> toResend = new ArrayList<>();
        synchronized (this) {
            Set<Entry> orphans = orphansByService.remove(service);
            if (orphans != null) {
                for (Entry e : orphans) {
                    e.state = State.RESENDING;
                    toResend.add(e.context);
                }
            }
        }
        toResend.forEach(resender::resend);
    }

    /**
     * A re-send succeeded on {@code instanceId}: the context is bound there. Returns {@code false} when the context
     * was released or replaced meanwhile (the caller should then release it on that instance).
     */
    public synchronized boolean rebind(HeldContext resent, String instanceId) {
        Entry e = current(resent, State.RESENDING);
        if (e == null) {
            return false;
        }
        e.context = resent.boundTo(instanceId);
        e.state = State.BOUND;
        byInstance.computeIfAbsent(instanceKey(e.context), k -> new LinkedHashSet<>()).add(e);
        return true;
    }

    /** A re-send failed: the context waits as an orphan. */
    public synchronized void resendFailed(HeldContext resent) {
        Entry e = current(resent, State.RESENDING);
        if (e != null) {
            e.state = State.ORPHAN;
            orphansByService.computeIfAbsent(resent.service(), k -> new LinkedHashSet<>()).add(e);
        }
    }

    private Entry current(HeldContext resent, State expected) {
        Map<String, Entry> session = bySession.get(resent.sessionId());
        Entry e = session == null ? null : session.get(resent.contextId());
        return e != null && e.context == resent && e.state == expected ? e : null;
    }

    private void unlink(Entry e) {
        if (e.state == State.BOUND) {
            String key = instanceKey(e.context);
            Set<Entry> held = byInstance.get(key);
            if (held != null && held.remove(e) && held.isEmpty()) {
                byInstance.remove(key);
            }
        } else if (e.state == State.ORPHAN) {
            Set<Entry> orphans = orphansByService.get(e.context.service());
            if (orphans != null && orphans.remove(e) && orphans.isEmpty()) {
                orphansByService.remove(e.context.service());
            }
        }
        e.state = null; // released: a re-send in progress finds it gone
    }

    private static String instanceKey(HeldContext c) {
        return ServiceInstance.key(c.service(), c.instanceId());
    }

    /** The session's contexts in the order they were first held. */
    public synchronized List<HeldContext> contexts(String sessionId) {
        Map<String, Entry> session = bySession.get(sessionId);
        return session == null ? List.of() : session.values().stream().map(e -> e.context).toList();
    }

    /** Contexts held on the instance. */
    public synchronized List<HeldContext> heldOn(String service, String instanceId) {
        Set<Entry> held = byInstance.get(ServiceInstance.key(service, instanceId));
        return held == null ? List.of() : held.stream().map(e -> e.context).toList();
    }

    public synchronized int size() {
        return total;
    }

    public synchronized int orphans() {
        return orphansByService.values().stream().mapToInt(Set::size).sum();
    }

    /**
     * Connects this to a registry: removal of an instance re-sends its contexts; an instance appearing ACTIVE, or
     * returning from DRAINING, re-sends the orphans of its service.
     */
    public RegistryListener registryListener() {
        return new RegistryListener() {
            @Override
            public void added(ServiceInstance instance) {
                if (instance.active()) {
                    instanceAvailable(instance.service());
                }
            }

            @Override
            public void updated(ServiceInstance previous, ServiceInstance current) {
                if (current.active() && !previous.active()) {
                    instanceAvailable(current.service());
                }
            }

            @Override
            public void removed(ServiceInstance instance) {
                instanceRemoved(instance.service(), instance.instanceId());
            }
        };
    }
}
