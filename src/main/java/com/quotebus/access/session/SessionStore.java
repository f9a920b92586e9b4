package com.quotebus.access.session;

import io.vertx.core.Future;
import java.util.List;

/**
 * Where sessions live between connections, shared by every access node (in a cluster
 * {@code cluster.hazelcast.HazelcastSessionStore});
 * {@link InMemorySessionStore} for one process. Futures complete on the caller's context.
 */
public interface SessionStore {

    /** The session, or null when unknown or expired. */
    Future<SessionRecord> get(String id);

    /** Stores the session; it disappears {@code ttlMs} after this write unless written again. */
    Future<Void> put(SessionRecord record, long ttlMs);

    /** Removes it; true when it existed. */
    Future<Boolean> remove(String id);

    /** Up to {@code limit} sessions, in no particular order. */
    Future<List<SessionRecord>> list(int limit);
}
