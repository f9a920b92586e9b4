package com.quotebus.access.bridge;

import com.quotebus.access.bridge.frame.ErrorCode;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * A TCP server speaking the Vert.x TCP event-bus bridge protocol to clients, on one event loop.
 * Several instances (one per verticle instance / event loop) may listen on the same port; Vert.x
 * spreads connections over them. They share one {@link SubscriptionHub} per node, which holds the
 * single event-bus consumer of each subscribed address.
 *
 * <p>Per event loop this keeps the local subscribers of each address (so the hub sends each message
 * once per event loop), and coalesces outgoing writes: frames are appended to each connection's
 * buffer and every dirty connection is written once, at the end of the event-loop turn.
 *
 * <p>Usage: {@code new BridgeServer(vertx, options, hub, router).listen()} from the context (verticle)
 * that should own it; {@link #close()} on stop.
 */
public final class BridgeServer implements TopicSink {
    static final int KIND_LAST_VALUE = 0;
    static final int KIND_STREAM = 1;
    static final int KIND_CONTROL = 2;

    private final Vertx vertx;
    private final BridgeServerOptions options;
    private final SubscriptionHub hub;
    private final RequestRouter routedRouter;
    private final RequestRouter eventBusRouter;
    private final AccessPolicy policy;
    private final BridgeMetrics metrics;
    private final LongSupplier nanoClock;
    private final Set<BridgeConnection> connections = new LinkedHashSet<>();
    private final Map<String, LocalTopic> topics = new HashMap<>();
    private final List<BridgeConnection> dirty = new ArrayList<>();
    private final Runnable flushTask = this::flushDirty;
    private ContextInternal context;
    /** Where client requests are issued from: see {@link #requestContext()}. */
    private ContextInternal requestContext;
    private NetServer netServer;
    private long idleTimer = -1;
    private long syncTimer = -1;
    private SessionSupport sessions;
    private LiveLimits limits;
    private long attachSeq;
    private boolean flushScheduled;
    private boolean closed;

    /** Subscribers of one address on this event loop. */
    static final class LocalTopic {
        final String address;
        final int kind;
        final ArrayList<BridgeConnection> subscribers = new ArrayList<>(4);
        long attachId;
        boolean live;
        byte[] last;
        int sendCursor;

        LocalTopic(String address, int kind) {
            this.address = address;
            this.kind = kind;
        }
    }

    /**
     * @param routedRouter requests to {@link BridgeServerOptions#routedPrefixes()} go here; null sends
     *                     them as plain event-bus requests like every other address
     */
    public BridgeServer(Vertx vertx, BridgeServerOptions options, SubscriptionHub hub, RequestRouter routedRouter) {
        this(vertx, options, hub, routedRouter, System::nanoTime);
    }

    /** As above, with the clock used for idle timeouts and rate limits (tests). */
    public BridgeServer(Vertx vertx, BridgeServerOptions options, SubscriptionHub hub, RequestRouter routedRouter,
                        LongSupplier nanoClock) {
        this.vertx = vertx;
        this.options = options;
        this.hub = hub;
        this.eventBusRouter = new EventBusRequestRouter(vertx.eventBus());
        this.routedRouter = routedRouter != null ? routedRouter : eventBusRouter;
        this.policy = new AccessPolicy(options);
        this.metrics = hub.metrics();
        this.nanoClock = nanoClock;
        this.limits = new LiveLimits(options);
    }

    /**
     * Gives connections sessions (resume, seq tracking; {@code docs/sessions.md}). Call before {@link #listen()}.
     */
    public BridgeServer sessions(SessionSupport support) {
        this.sessions = support;
        return this;
    }

    /** Shares the node's live limits ({@code admin.limits}) instead of this server's own. Call before listen. */
    public BridgeServer limits(LiveLimits shared) {
        this.limits = shared;
        return this;
    }

    /**
     * Starts listening, bound to the calling context (or a new event-loop context outside Vert.x).
     *
     * @return the port actually bound
     */
    public Future<Integer> listen() {
        context = (ContextInternal) vertx.getOrCreateContext();
        requestContext = ((io.vertx.core.internal.VertxInternal) vertx).contextBuilder()
                .withThreadingModel(io.vertx.core.ThreadingModel.EVENT_LOOP)
                .withEventLoop(context.nettyEventLoop())
                .withClassLoader(Thread.currentThread().getContextClassLoader())
                .build();
        return Future.<Integer>future(p -> context.runOnContext(v -> {
            NetServerOptions netOptions = new NetServerOptions().setHost(options.host()).setPort(options.port())
                    .setTcpNoDelay(true).setTcpKeepAlive(options.tcpKeepAlive());
            if (options.socketSendBufferBytes() > 0) {
                netOptions.setSendBufferSize(options.socketSendBufferBytes());
            }
            netServer = vertx.createNetServer(netOptions).connectHandler(this::accept);
            netServer.listen().onComplete(ar -> {
                if (ar.failed()) {
                    p.fail(ar.cause());
                    return;
                }
                if (options.idleTimeoutMs() > 0) {
                    long period = Math.max(10, Math.min(1000, options.idleTimeoutMs() / 4));
                    idleTimer = vertx.setPeriodic(period, id -> scanIdle());
                }
                if (sessions != null) {
                    syncTimer = vertx.setPeriodic(Math.max(10, sessions.syncIntervalMs()), id -> syncSessions());
                }
                p.complete(ar.result().actualPort());
            });
        }));
    }

    /**
     * Stops accepting, closes every connection (releasing its subscriptions; their sessions are stored
     * for resumption elsewhere, and this completes once those writes are done) and the listener.
     */
    public Future<Void> close() {
        if (context == null) {
            return Future.succeededFuture();
        }
        return Future.<Void>future(p -> context.runOnContext(v -> {
            closed = true;
            if (idleTimer >= 0) {
                vertx.cancelTimer(idleTimer);
            }
            if (syncTimer >= 0) {
                vertx.cancelTimer(syncTimer);
            }
            for (BridgeConnection c : new ArrayList<>(connections)) {
                c.close(ErrorCode.SHUTTING_DOWN);
            }
            // Bounded: a store that does not answer must not hold the shutdown up.
            Future<Void> stored = sessions == null ? Future.succeededFuture()
                    : sessions.flushed().timeout(5, java.util.concurrent.TimeUnit.SECONDS).recover(e -> Future.succeededFuture());
            stored.eventually(() -> netServer.close()).onComplete(ar -> p.complete());
        }));
    }

    /** Open connections on this server; read on its event loop for an exact figure. */
    public int connectionCount() {
        return connections.size();
    }

    /** Frames held for clients across this server's connections (tests, diagnostics). */
    Future<Integer> heldFrames() {
        return Future.future(p -> context.runOnContext(v -> {
            int held = 0;
            for (BridgeConnection c : connections) {
                held += c.heldFrames();
            }
            p.complete(held);
        }));
    }

    /** Number of connections currently backed up (tests, diagnostics). */
    Future<Integer> congestedConnections() {
        return Future.future(p -> context.runOnContext(v -> {
            int n = 0;
            for (BridgeConnection c : connections) {
                n += c.congested() ? 1 : 0;
            }
            p.complete(n);
        }));
    }

    public BridgeMetrics metrics() {
        return metrics;
    }

    @Override
    public ContextInternal context() {
        return context;
    }

    /**
     * A context on this server's event loop that belongs to no deployment, from which client requests
     * are sent. The event bus registers a reply handler per request; on a deployment's context it also
     * adds that handler to the deployment's close hooks (an identity hash inside a lock, which inflates a
     * monitor per request: ~10 % of the gateway's CPU per round trip in the profile). Replies and timeouts
     * still run on this event loop, so nothing changes threads; nothing is left to close on undeploy either:
     * every request ends by its reply or its timeout.
     */
    ContextInternal requestContext() {
        return requestContext;
    }

    BridgeServerOptions options() {
        return options;
    }

    AccessPolicy policy() {
        return policy;
    }

    SessionSupport sessions() {
        return sessions;
    }

    LiveLimits limits() {
        return limits;
    }

    /** The server is closing (its connections' sessions are stored as resumable). */
    boolean isClosing() {
        return closed;
    }

    long now() {
        return nanoClock.getAsLong();
    }

    RequestRouter routerFor(String address) {
        return BridgeServerOptions.startsWithAny(address, options.routedPrefixes()) ? routedRouter : eventBusRouter;
    }

    /** A request to {@code address} goes to a router that may not answer in time by itself. */
    boolean needsTimer(String address) {
        return routedRouter != eventBusRouter && !routedRouter.completesInTime()
                && BridgeServerOptions.startsWithAny(address, options.routedPrefixes());
    }

    private void accept(NetSocket socket) {
        if (closed) {
            socket.close();
            return;
        }
        KeepAlive.tune(((NetSocketInternal) socket).channelHandlerContext().channel(), options);
        BridgeConnection c = new BridgeConnection(this, (NetSocketInternal) socket, vertx.eventBus());
        connections.add(c);
        metrics.connectionsOpened.increment();
        c.start();
    }

    void connectionClosed(BridgeConnection c) {
        if (connections.remove(c)) {
            metrics.connectionsClosed.increment();
        }
    }

    // ---- subscriptions ----

    int kindOf(String address) {
        return options.isLastValue(address) ? KIND_LAST_VALUE : KIND_STREAM;
    }

    LocalTopic subscribe(BridgeConnection c, String address) {
        LocalTopic t = topics.get(address);
        if (t == null) {
            t = new LocalTopic(address, kindOf(address));
            t.attachId = ++attachSeq;
            topics.put(address, t);
            t.subscribers.add(c);
            hub.attach(address, this, t.attachId);
        } else {
            t.subscribers.add(c);
            if (t.live && t.last != null) {
                c.deliver(t.last, t.kind, address, -1);
            }
        }
        metrics.subscriptions.increment();
        return t;
    }

    void unsubscribe(BridgeConnection c, LocalTopic t) {
        if (!t.subscribers.remove(c)) {
            return;
        }
        metrics.subscriptions.decrement();
        if (t.subscribers.isEmpty() && topics.get(t.address) == t) {
            topics.remove(t.address);
            hub.detach(t.address, this);
        }
    }

    @Override
    public void onAttached(String address, long attachId, byte[] snapshot) {
        LocalTopic t = topics.get(address);
        if (t == null || t.attachId != attachId || t.live) {
            return;
        }
        t.live = true;
        if (snapshot != null && t.kind == KIND_LAST_VALUE) {
            t.last = snapshot;
            List<BridgeConnection> subs = t.subscribers;
            for (int i = 0, n = subs.size(); i < n; i++) {
                subs.get(i).deliver(snapshot, t.kind, address, -1);
            }
        }
    }

    @Override
    public void onPublish(String address, byte[] frame, long seq) {
        LocalTopic t = topics.get(address);
        if (t == null || !t.live) {
            return;
        }
        if (t.kind == KIND_LAST_VALUE) {
            t.last = frame;
        }
        List<BridgeConnection> subs = t.subscribers;
        for (int i = 0, n = subs.size(); i < n; i++) {
            subs.get(i).deliver(frame, t.kind, address, seq);
        }
    }

    @Override
    public void onSend(String address, Message<Object> message) {
        LocalTopic t = topics.get(address);
        if (t == null || !t.live || t.subscribers.isEmpty()) {
            SubscriptionHub.noHandlers(message);
            return;
        }
        BridgeConnection c = t.subscribers.get(Math.floorMod(t.sendCursor++, t.subscribers.size()));
        c.deliverPointToPoint(address, message);
    }

    // ---- write coalescing ----

    void scheduleFlush(BridgeConnection c) {
        dirty.add(c);
        if (!flushScheduled) {
            flushScheduled = true;
            later(flushTask);
        }
    }

    /**
     * Runs {@code task} on this server's event loop after the tasks already queued, never inline
     * ({@code ContextInternal.execute} runs inline when already on the loop, which would defeat
     * coalescing and the deferred closes).
     */
    void later(Runnable task) {
        context.nettyEventLoop().execute(task);
    }

    private void flushDirty() {
        flushScheduled = false;
        // Index loop: a flush never schedules, but a connection may be closed meanwhile (flush ignores it).
        for (int i = 0; i < dirty.size(); i++) {
            dirty.get(i).flushScheduled();
        }
        dirty.clear();
    }

    private void syncSessions() {
        for (BridgeConnection c : connections) {
            c.syncSession();
        }
    }

    private void scanIdle() {
        long now = now();
        long idleNanos = options.idleTimeoutMs() * 1_000_000L;
        for (BridgeConnection c : new ArrayList<>(connections)) {
            c.checkIdle(now, idleNanos);
        }
    }
}
