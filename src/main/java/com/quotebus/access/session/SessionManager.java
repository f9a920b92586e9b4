package com.quotebus.access.session;

import com.quotebus.access.bridge.ConnectionSession;
import com.quotebus.access.bridge.GatewayConnection;
import com.quotebus.access.bridge.SessionSupport;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The sessions of one access node: creates one per bridge connection ({@link SessionSupport}), keeps
 * the local ones by id (for kick and take-over), and carries cluster-wide session commands on
 * {@link #END_ADDRESS}. Shared by every bridge server of the node; thread-safe.
 *
 * <p>Usage: {@code new SessionManager(vertx, store, ticks, options, nodeId, metrics, clock).start()}, then
 * pass it to each {@code AccessGatewayVerticle}; {@link #close()} on stop.
 */
public final class SessionManager implements SessionSupport {
    /** Published cluster-wide: {@code {session, remove, keep?}} ends that session's connection wherever it is. */
    public static final String END_ADDRESS = "internal.session.end";
    public static final String OPEN = "session.open";
    public static final String CLOSE = "session.close";

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    final Vertx vertx;
    final SessionStore store;
    final TickSource ticks;
    final SessionOptions options;
    final String nodeId;
    final SessionMetrics metrics;
    final LongSupplier wallClock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, LiveSession> local = new ConcurrentHashMap<>();
    private final Set<Future<Void>> pendingWrites = ConcurrentHashMap.newKeySet();
    private MessageConsumer<JsonObject> endConsumer;

    /**
     * @param nodeId    this node's id (shown by {@code admin.sessions})
     * @param wallClock epoch millis (TTL bookkeeping, idle times)
     */
    public SessionManager(Vertx vertx, SessionStore store, TickSource ticks, SessionOptions options, String nodeId,
                          SessionMetrics metrics, LongSupplier wallClock) {
        this.vertx = vertx;
        this.store = store;
        this.ticks = ticks;
        this.options = options;
        this.nodeId = nodeId;
        this.metrics = metrics;
        this.wallClock = wallClock;
    }

    /** Listens for cluster-wide session ends (kick, take-over). */
    public Future<Void> start() {
        endConsumer = vertx.eventBus().consumer(END_ADDRESS, m -> {
            JsonObject body = m.body();
            String id = body.getString("session");
            LiveSession s = id == null ? null : local.get(id);
            if (s != null && s.incarnation() != body.getLong("keep", -1L)) {
                s.end(Boolean.TRUE.equals(body.getBoolean("remove")));
            }
        });
        return endConsumer.completion();
    }

    public Future<Void> close() {
        return endConsumer == null ? Future.succeededFuture() : endConsumer.unregister();
    }

    public SessionOptions options() {
        return options;
    }

    public SessionMetrics metrics() {
        return metrics;
    }

    // ---- SessionSupport ----

    @Override
    public boolean isSessionAddress(String address) {
        return OPEN.equals(address) || CLOSE.equals(address);
    }

    @Override
    public ConnectionSession opened(GatewayConnection connection) {
        // Bounded: one count per session held here, checked and taken atomically.
        if (metrics.active.incrementAndGet() > options.maxSessions()) {
            metrics.active.decrementAndGet();
            return null;
        }
        metrics.opened.increment();
        // Random: it tells this holder apart from holders of the same session on other nodes (take-over).
        LiveSession s = new LiveSession(this, connection, random.nextLong() & Long.MAX_VALUE);
        s.assign(newId(), null);
        return s;
    }

    @Override
    public long syncIntervalMs() {
        return options.syncMs();
    }

    @Override
    public Future<Void> flushed() {
        List<Future<Void>> all = new ArrayList<>(pendingWrites);
        return Future.join(all).<Void>mapEmpty().recover(e -> Future.succeededFuture());
    }

    // ---- admin ----

    /**
     * Ends a session: its connection (on whichever node holds it) is closed and it cannot be resumed.
     *
     * @return false when no such session is stored or held here
     */
    public Future<Boolean> kick(String id) {
        boolean heldHere = local.containsKey(id);
        return store.get(id).compose(r -> {
            if (r == null && !heldHere) {
                return Future.succeededFuture(false);
            }
            vertx.eventBus().publish(END_ADDRESS, new JsonObject().put("session", id).put("remove", true));
            return store.remove(id).map(true);
        });
    }

    /** Stored sessions (every node's), at most {@code limit}. */
    public Future<List<SessionRecord>> list(int limit) {
        return store.list(limit);
    }

    // ---- for LiveSession ----

    String newId() {
        byte[] b = new byte[9];
        random.nextBytes(b);
        return "s-" + B64.encodeToString(b);
    }

    /** {@code <id>.<secret>}: the id part finds the record, the secret proves the client may have it. */
    String newToken(String id) {
        byte[] b = new byte[24];
        random.nextBytes(b);
        return id + "." + B64.encodeToString(b);
    }

    void held(String id, LiveSession s) {
        LiveSession old = local.put(id, s);
        if (old != null && old != s) {
            old.end(false); // the same session resumed on this node again: the older connection goes
        }
    }

    void released(String id, LiveSession s) {
        local.remove(id, s);
    }

    void closed() {
        metrics.active.decrementAndGet();
    }

    /** Ends the holder of {@code id} on other nodes (a resume took it over), keeping the stored state. */
    void takeOver(String id, long keepIncarnation) {
        vertx.eventBus().publish(END_ADDRESS, new JsonObject().put("session", id).put("remove", false)
                .put("keep", keepIncarnation));
    }

    Future<Void> write(SessionRecord record, long ttlMs) {
        metrics.writes.increment();
        Future<Void> f;
        try {
            f = store.put(record, ttlMs);
        } catch (RuntimeException e) {
            f = Future.failedFuture(e);
        }
        if (!f.isComplete()) {
            pendingWrites.add(f);
            Future<Void> tracked = f;
            f.onComplete(ar -> pendingWrites.remove(tracked));
        }
        return f;
    }

    long now() {
        return wallClock.getAsLong();
    }
}
