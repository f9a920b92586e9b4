package com.quotebus.cluster.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.quotebus.access.session.SessionRecord;
import com.quotebus.access.session.SessionStore;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sessions in the Hazelcast map {@code quotebus.sessions} (JSON strings by session id), with the
 * per-entry TTL of each write: a session nobody writes again (its node died, or its connection closed
 * and nobody resumed it) disappears after its TTL. Reads and writes are asynchronous; {@link #list}
 * reads the map on a worker.
 */
public final class HazelcastSessionStore implements SessionStore {
    public static final String MAP_NAME = "quotebus.sessions";

    private final Vertx vertx;
    private final IMap<String, String> map;

    public HazelcastSessionStore(Vertx vertx, HazelcastInstance hazelcast) {
        this.vertx = vertx;
        this.map = hazelcast.getMap(MAP_NAME);
    }

    @Override
    public Future<SessionRecord> get(String id) {
        Context ctx = vertx.getOrCreateContext();
        return Future.fromCompletionStage(map.getAsync(id), ctx).map(s -> s == null ? null : SessionRecord.fromJson(s));
    }

    @Override
    public Future<Void> put(SessionRecord record, long ttlMs) {
        Context ctx = vertx.getOrCreateContext();
        return Future.fromCompletionStage(map.setAsync(record.id(), record.toJson(), ttlMs, TimeUnit.MILLISECONDS), ctx);
    }

    @Override
    public Future<Boolean> remove(String id) {
        Context ctx = vertx.getOrCreateContext();
        return Future.fromCompletionStage(map.removeAsync(id), ctx).map(old -> old != null);
    }

    @Override
    public Future<List<SessionRecord>> list(int limit) {
        return vertx.executeBlocking(() -> {
            List<SessionRecord> out = new ArrayList<>();
            for (String s : map.values()) {
                if (out.size() >= limit) {
                    break;
                }
                out.add(SessionRecord.fromJson(s));
            }
            return out;
        }, false);
    }
}
