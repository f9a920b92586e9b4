package com.quotebus.access.session;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Sessions in this process's memory (one node, tests), expiring by an injected wall clock. Expired
 * entries are purged on every write, so it holds at most the sessions written within one TTL.
 */
public final class InMemorySessionStore implements SessionStore {
    private record Entry(SessionRecord record, long expiresAtMs) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final LongSupplier clockMs;

    public InMemorySessionStore(LongSupplier clockMs) {
        this.clockMs = clockMs;
    }

    @Override
    public Future<SessionRecord> get(String id) {
        Entry e = entries.get(id);
        if (e == null || e.expiresAtMs() <= clockMs.getAsLong()) {
            return Future.succeededFuture(null);
        }
        return Future.succeededFuture(e.record());
    }

    @Override
    public Future<Void> put(SessionRecord record, long ttlMs) {
        long now = clockMs.getAsLong();
        purge(now);
        entries.put(record.id(), new Entry(record, now + ttlMs));
        return Future.succeededFuture();
    }

    @Override
    public Future<Boolean> remove(String id) {
        Entry e = entries.remove(id);
        return Future.succeededFuture(e != null && e.expiresAtMs() > clockMs.getAsLong());
    }

    @Override
    public Future<List<SessionRecord>> list(int limit) {
        long now = clockMs.getAsLong();
        List<SessionRecord> out = new ArrayList<>();
        for (Entry e : entries.values()) {
            if (out.size() >= limit) {
                break;
            }
            if (e.expiresAtMs() > now) {
                out.add(e.record());
            }
        }
        return Future.succeededFuture(out);
    }

    private void purge(long now) {
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            if (it.next().expiresAtMs() <= now) {
                it.remove();
            }
        }
    }
}
