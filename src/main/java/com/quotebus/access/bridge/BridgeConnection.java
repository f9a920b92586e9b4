package com.quotebus.access.bridge;

import com.quotebus.access.bridge.BridgeServer.LocalTopic;
import com.quotebus.access.bridge.frame.ErrorCode;
import com.quotebus.access.bridge.frame.FrameDecoder;
import com.quotebus.access.bridge.frame.FrameEncoder;
import com.quotebus.access.bridge.frame.FrameListener;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.ChannelPromise;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.logging.Logger;
import io.vertx.core.internal.logging.LoggerFactory;
import io.vertx.core.internal.net.NetSocketInternal;
import io.vertx.core.net.impl.VertxConnection;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One client connection: decodes its frames and acts on them (adapter side), and queues what goes
 * out to it (writer side) with coalescing, conflation and bounded backlogs. Everything runs on the
 * owning {@link BridgeServer}'s event loop.
 *
 * <p>Outgoing path: while the socket's write queue is below {@code writeQueueMaxBytes}, frames are
 * appended to {@link #pending} and written once per event-loop turn. Once it is full the connection
 * is <em>congested</em>: last-value frames are conflated per address, stream frames go to a bounded
 * backlog (overflow: gap markers or disconnect), control frames (errors, replies, point-to-point
 * messages) to another bounded backlog (overflow: disconnect). The drain handler writes the backlog
 * out: control first, then stream frames, then gap markers, then the conflated last values.
 */
final class BridgeConnection implements FrameListener, GatewayConnection {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeConnection.class);
    private static final int CLIENT_GONE = -2;
    /**
     * Coalescing buffers are allocated once per connection and event-loop turn and released by Netty
     * after the write. The pooled allocator's per-thread caches make that cheap; the channel's
     * default (adaptive) allocator cost ~5 µs of CPU per allocation in the fan-out profile.
     */
    private static final PooledByteBufAllocator ALLOCATOR = PooledByteBufAllocator.DEFAULT;

    private final BridgeServer server;
    private final BridgeServerOptions options;
    private final NetSocketInternal socket;
    private final VertxConnection connection;
    private final ChannelPromise voidPromise;
    private final EventBus eventBus;
    private final BridgeMetrics metrics;
    private final FrameDecoder decoder;
    private final TokenBucket bucket;
    private final Map<String, LocalTopic> subscriptions = new HashMap<>();
    /** Server→client requests waiting for this client's answer, by reply address, oldest first. */
    private final LinkedHashMap<String, PendingRequest> awaitingAnswer = new LinkedHashMap<>();
    private int inFlight;
    /** Last frame from the client or write to it: the idle timeout counts traffic in both directions. */
    private long lastTrafficNanos;
    private boolean closed;
    /** A close is scheduled; nothing more is queued. */
    private boolean closing;
    /** This connection's session, or null (no session support, or the node's session limit). */
    private ConnectionSession session;
    /** The live limits last applied to this connection. */
    private LiveLimits.Values limits;

    private ByteBuf pending;
    private int pendingFrames;
    private boolean flushScheduled;
    private boolean congested;
    private ArrayDeque<byte[]> controlBacklog;
    private ArrayDeque<byte[]> streamBacklog;
    private LinkedHashMap<String, byte[]> conflated;
    private LinkedHashMap<String, long[]> gaps;

    private record PendingRequest(Message<Object> message, long sinceNanos) {
    }

    BridgeConnection(BridgeServer server, NetSocketInternal socket, EventBus eventBus) {
        this.server = server;
        this.options = server.options();
        this.socket = socket;
        this.connection = (VertxConnection) socket;
        this.voidPromise = socket.channelHandlerContext().channel().voidPromise();
        this.eventBus = eventBus;
        this.metrics = server.metrics();
        this.decoder = new FrameDecoder(options.maxFrameSize(), this);
        long now = server.now();
        this.limits = server.limits().current();
        this.bucket = new TokenBucket(limits.rateLimitPerSecond(), limits.rateLimitBurst(), now);
        this.lastTrafficNanos = now;
    }

    void start() {
        socket.setWriteQueueMaxSize(options.writeQueueMaxBytes());
        socket.handler(decoder::feed);
        socket.drainHandler(v -> onDrained());
        // Both may fire inside a write, i.e. while the server iterates a topic's subscribers: release later.
        socket.closeHandler(v -> server.later(this::release));
        socket.exceptionHandler(t -> {
            LOG.debug("connection " + socket.remoteAddress() + " failed: " + t);
            closeLater(null);
        });
        if (server.sessions() != null) {
            session = server.sessions().opened(this);
        }
    }

    // ---------------------------------------------------------------- inbound

    @Override
    public void onFrame(JsonObject frame, int wireBytes) {
        if (closed) {
            return;
        }
        long now = server.now();
        lastTrafficNanos = now;
        metrics.framesIn.increment();
        metrics.bytesIn.add(wireBytes);
        LiveLimits.Values current = server.limits().current();
        if (current != limits) {
            limits = current;
            bucket.reconfigure(current.rateLimitPerSecond(), current.rateLimitBurst());
        }
        Object type = frame.getValue("type");
        if (!(type instanceof String)) {
            error(ErrorCode.UNKNOWN_TYPE);
            return;
        }
        switch ((String) type) {
            case "ping" -> enqueue(FrameEncoder.pong(), BridgeServer.KIND_CONTROL, null);
            case "send", "publish", "register", "unregister" -> {
                Object address = frame.getValue("address");
                if (!(address instanceof String a) || a.isEmpty()) {
                    error(ErrorCode.MISSING_ADDRESS);
                    return;
                }
                MultiMap headers = headers(frame.getValue("headers"));
                if (headers == null) {
                    error(ErrorCode.INVALID_FRAME);
                    return;
                }
                if (!bucket.tryTake(now)) {
                    error(ErrorCode.RATE_LIMITED);
                    return;
                }
                switch ((String) type) {
                    case "send" -> onSend(a, frame, headers, now);
                    case "publish" -> onPublish(a, frame.getValue("body"), headers);
                    case "register" -> onRegister(a, headers);
                    default -> onUnregister(a);
                }
            }
            default -> error(ErrorCode.UNKNOWN_TYPE);
        }
    }

    @Override
    public void onInvalidFrame(ErrorCode code) {
        lastTrafficNanos = server.now();
        error(code);
    }

    @Override
    public void onFatal(ErrorCode code) {
        socket.pause();
        close(code);
    }

    private void onSend(String address, JsonObject frame, MultiMap headers, long now) {
        Object body = frame.getValue("body");
        Object replyAddressValue = frame.getValue("replyAddress");
        if (replyAddressValue != null && !(replyAddressValue instanceof String)) {
            error(ErrorCode.INVALID_FRAME);
            return;
        }
        PendingRequest answered = awaitingAnswer.remove(address);
        if (answered != null) {
            answer(answered.message(), frame, body, headers);
            return;
        }
        if (server.sessions() != null && server.sessions().isSessionAddress(address)) {
            // Answered by the gateway itself, reachable without permits: every client has a session.
            if (session == null) {
                replyFailure((String) replyAddressValue, address, 503, "session_limit");
            } else {
                session.onRequest(address, body, (String) replyAddressValue);
            }
            return;
        }
        ErrorCode denied = server.policy().checkInbound(address, headers.get("token"));
        if (denied != null) {
            error(denied);
            return;
        }
        headers.remove("token");
        String replyAddress = (String) replyAddressValue;
        if (replyAddress == null) {
            DeliveryOptions delivery = delivery(headers);
            try {
                eventBus.send(address, body, delivery);
            } catch (IllegalArgumentException e) {
                error(ErrorCode.INVALID_FRAME);
            }
            return;
        }
        if (inFlight >= limits.maxInFlightRequestsPerConnection()) {
            error(ErrorCode.TOO_MANY_REQUESTS);
            return;
        }
        long timeoutMs = timeoutOf(headers.get("timeout"));
        headers.remove("timeout");
        ClientRequest request = new ClientRequest(address, body, headers, timeoutMs);
        RequestRouter router = server.routerFor(address);
        Future<Message<Object>> reply;
        ContextInternal requestContext = server.requestContext();
        ContextInternal previous = requestContext.beginDispatch();
        try {
            reply = router.route(request);
            if (server.needsTimer(address)) {
                // A pluggable router might never complete; the client is promised an answer in time.
                reply = reply.timeout(timeoutMs, TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            reply = Future.failedFuture(e);
        } finally {
            requestContext.endDispatch(previous);
        }
        inFlight++;
        metrics.requests.increment();
        reply.onComplete(ar -> {
            if (server.context().nettyEventLoop().inEventLoop()) {
                onReply(address, replyAddress, ar);
            } else {
                server.context().execute(() -> onReply(address, replyAddress, ar));
            }
        });
    }

    private void onReply(String address, String replyAddress, AsyncResult<Message<Object>> ar) {
        inFlight--;
        if (closed) {
            if (ar.succeeded() && ar.result().replyAddress() != null) {
                ar.result().fail(CLIENT_GONE, "client_disconnected");
            }
            return;
        }
        if (ar.succeeded()) {
            Message<Object> reply = ar.result();
            byte[] frame;
            try {
                frame = FrameEncoder.message(replyAddress, reply.replyAddress(), reply.headers(), reply.body(), true);
            } catch (RuntimeException e) {
                metrics.encodeFailures.increment();
                metrics.requestFailures.increment();
                enqueue(FrameEncoder.requestFailure(replyAddress, address, -1, ReplyFailure.RECIPIENT_FAILURE.name(),
                        "reply cannot be encoded as JSON"), BridgeServer.KIND_CONTROL, null);
                return;
            }
            if (reply.replyAddress() != null) {
                expectAnswer(reply);
            }
            enqueue(frame, BridgeServer.KIND_CONTROL, null);
            return;
        }
        metrics.requestFailures.increment();
        Throwable cause = ar.cause();
        int code = -1;
        String type = ReplyFailure.RECIPIENT_FAILURE.name();
        String message = cause.getMessage();
        if (cause instanceof ReplyException re) {
            code = re.failureCode();
            type = re.failureType().name();
        } else if (cause instanceof TimeoutException) {
            type = ReplyFailure.TIMEOUT.name();
            code = 504; // the documented timeout (docs/protocol.md, Errors)
            message = "timeout: " + message;
        }
        enqueue(FrameEncoder.requestFailure(replyAddress, address, code, type, message), BridgeServer.KIND_CONTROL,
                null);
    }

    /** The client answers a request the server made (a message it got with a replyAddress). */
    private void answer(Message<Object> request, JsonObject frame, Object body, MultiMap headers) {
        Object failureCode = frame.getValue("failureCode");
        if (failureCode != null) {
            if (!(failureCode instanceof Number n)) {
                error(ErrorCode.INVALID_FRAME);
                return;
            }
            Object text = frame.getValue("message");
            request.fail(n.intValue(), text instanceof String s ? s : null);
            return;
        }
        try {
            request.reply(body, delivery(headers));
        } catch (IllegalArgumentException e) {
            request.fail(-1, "answer body cannot be sent");
            error(ErrorCode.INVALID_FRAME);
        }
    }

    private void onPublish(String address, Object body, MultiMap headers) {
        ErrorCode denied = server.policy().checkInbound(address, headers.get("token"));
        if (denied != null) {
            error(denied);
            return;
        }
        headers.remove("token");
        try {
            eventBus.publish(address, body, delivery(headers));
        } catch (IllegalArgumentException e) {
            error(ErrorCode.INVALID_FRAME);
        }
    }

    private void onRegister(String address, MultiMap headers) {
        ErrorCode denied = server.policy().checkOutbound(address, headers.get("token"));
        if (denied != null) {
            error(denied);
            return;
        }
        if (subscriptions.containsKey(address)) {
            return; // idempotent: already subscribed, nothing changes
        }
        if (subscriptions.size() >= limits.maxSubscriptionsPerConnection()) {
            error(ErrorCode.SUBSCRIPTION_QUOTA_EXCEEDED);
            return;
        }
        if (session != null) {
            session.onSubscribed(address); // before subscribe: it may deliver the cached value at once
        }
        subscriptions.put(address, server.subscribe(this, address));
    }

    private void onUnregister(String address) {
        LocalTopic t = subscriptions.remove(address);
        if (t == null) {
            error(ErrorCode.UNKNOWN_ADDRESS);
            return;
        }
        server.unsubscribe(this, t);
        if (conflated != null) {
            conflated.remove(address);
        }
        if (session != null) {
            session.onUnsubscribed(address);
        }
    }

    /** A point-to-point message (maybe a request) the hub picked this connection for. */
    void deliverPointToPoint(String address, Message<Object> message) {
        if (closed) {
            SubscriptionHub.noHandlers(message);
            return;
        }
        byte[] frame;
        try {
            frame = FrameEncoder.message(address, message.replyAddress(), message.headers(), message.body(), true);
        } catch (RuntimeException e) {
            metrics.encodeFailures.increment();
            if (message.replyAddress() != null) {
                message.fail(-1, "message cannot be encoded as JSON");
            }
            return;
        }
        if (message.replyAddress() != null && !expectAnswer(message)) {
            return;
        }
        enqueue(frame, BridgeServer.KIND_CONTROL, null);
    }

    private boolean expectAnswer(Message<Object> message) {
        if (awaitingAnswer.size() >= options.maxPendingServerRequestsPerConnection()) {
            message.fail(ReplyFailure.RECIPIENT_FAILURE.toInt(), "client_busy");
            return false;
        }
        awaitingAnswer.put(message.replyAddress(), new PendingRequest(message, server.now()));
        return true;
    }

    void checkIdle(long now, long idleNanos) {
        if (closed) {
            return;
        }
        if (now - lastTrafficNanos >= idleNanos) {
            close(ErrorCode.IDLE_TIMEOUT);
            return;
        }
        // Forget server requests the sender has certainly stopped waiting for.
        long expiry = options.maxRequestTimeoutMs() * 1_000_000L;
        Iterator<PendingRequest> it = awaitingAnswer.values().iterator();
        while (it.hasNext() && now - it.next().sinceNanos() >= expiry) {
            it.remove();
        }
    }

    private MultiMap headers(Object value) {
        MultiMap out = MultiMap.caseInsensitiveMultiMap();
        if (value == null) {
            return out;
        }
        if (!(value instanceof JsonObject json)) {
            return null;
        }
        for (Map.Entry<String, Object> e : json) {
            Object v = e.getValue();
            if (v instanceof JsonObject || v instanceof JsonArray || v == null) {
                return null;
            }
            out.set(e.getKey(), v.toString());
        }
        return out;
    }

    private static DeliveryOptions delivery(MultiMap headers) {
        DeliveryOptions delivery = new DeliveryOptions();
        if (!headers.isEmpty()) {
            delivery.setHeaders(headers);
        }
        return delivery;
    }

    private long timeoutOf(String header) {
        if (header == null) {
            return options.requestTimeoutMs();
        }
        try {
            long t = Long.parseLong(header.trim());
            return Math.max(1, Math.min(t, options.maxRequestTimeoutMs()));
        } catch (NumberFormatException e) {
            return options.requestTimeoutMs();
        }
    }

    private void error(ErrorCode code) {
        metrics.error(code);
        enqueue(FrameEncoder.err(code), BridgeServer.KIND_CONTROL, null);
    }

    // ---------------------------------------------------------------- session hooks

    /** A market-data frame for this client: through its session (resume, seq tracking) when it has one. */
    void deliver(byte[] frame, int kind, String address, long seq) {
        if (session != null && !closed) {
            session.onMarketData(address, kind == BridgeServer.KIND_STREAM, frame, seq);
        } else {
            enqueue(frame, kind, address);
        }
    }

    /** Periodic session sync (the server's timer). */
    void syncSession() {
        if (session != null && !closed) {
            session.sync();
        }
    }

    @Override
    public io.vertx.core.internal.ContextInternal context() {
        return server.context();
    }

    @Override
    public boolean enqueueMarketData(byte[] frame, boolean stream, String address) {
        return enqueue(frame, stream ? BridgeServer.KIND_STREAM : BridgeServer.KIND_LAST_VALUE, address);
    }

    @Override
    public void reply(String replyAddress, String sourceAddress, JsonObject body) {
        if (replyAddress != null) {
            enqueue(FrameEncoder.message(replyAddress, null, java.util.List.of(), body, true),
                    BridgeServer.KIND_CONTROL, null);
        }
    }

    @Override
    public void replyFailure(String replyAddress, String sourceAddress, int failureCode, String message) {
        if (replyAddress != null) {
            enqueue(FrameEncoder.requestFailure(replyAddress, sourceAddress, failureCode,
                    ReplyFailure.RECIPIENT_FAILURE.name(), message), BridgeServer.KIND_CONTROL, null);
        }
    }

    @Override
    public boolean subscribe(String address) {
        if (closed || closing) {
            return false;
        }
        if (subscriptions.containsKey(address)) {
            return true;
        }
        if (server.policy().checkOutbound(address, null) != null
                || subscriptions.size() >= limits.maxSubscriptionsPerConnection()) {
            return false;
        }
        subscriptions.put(address, server.subscribe(this, address));
        return true;
    }

    @Override
    public java.util.Set<String> subscriptions() {
        return new java.util.LinkedHashSet<>(subscriptions.keySet());
    }

    @Override
    public boolean isStream(String address) {
        return options.isStream(address);
    }

    @Override
    public boolean isLastValue(String address) {
        return options.isLastValue(address);
    }

    @Override
    public void close() {
        closeLater(null);
    }

    // ---------------------------------------------------------------- outbound

    /**
     * Queues one frame. {@code frame} may be shared with other connections and is never modified.
     *
     * @param address the market-data address for last-value and stream frames, else null
     */
    boolean enqueue(byte[] frame, int kind, String address) {
        if (closed || closing) {
            return false;
        }
        if (!congested) {
            append(frame);
            return true;
        }
        switch (kind) {
            case BridgeServer.KIND_LAST_VALUE -> {
                if (conflated == null) {
                    conflated = new LinkedHashMap<>();
                }
                if (conflated.put(address, frame) != null) {
                    metrics.conflated.increment();
                }
                return true;
            }
            case BridgeServer.KIND_STREAM -> {
                if (streamBacklog == null) {
                    streamBacklog = new ArrayDeque<>();
                }
                boolean gapOpen = gaps != null && gaps.containsKey(address);
                if (!gapOpen && streamBacklog.size() < options.streamBacklogMaxFrames()) {
                    streamBacklog.add(frame);
                    return true;
                }
                if (options.slowConsumerPolicy() == SlowConsumerPolicy.DISCONNECT) {
                    closeLater(ErrorCode.SLOW_CONSUMER);
                    return false;
                }
                if (gaps == null) {
                    gaps = new LinkedHashMap<>();
                }
                gaps.computeIfAbsent(address, a -> new long[1])[0]++;
                metrics.dropped.increment();
                return false;
            }
            default -> {
                if (controlBacklog == null) {
                    controlBacklog = new ArrayDeque<>();
                }
                if (controlBacklog.size() >= options.controlBacklogMaxFrames()) {
                    closeLater(ErrorCode.SLOW_CONSUMER);
                    return false;
                }
                controlBacklog.add(frame);
                return true;
            }
        }
    }

    private void append(byte[] frame) {
        if (pending == null) {
            pending = ALLOCATOR.directBuffer(Math.max(512, frame.length));
        }
        pending.writeBytes(frame);
        pendingFrames++;
        if (pending.readableBytes() >= options.flushThresholdBytes()) {
            flush();
        } else if (!flushScheduled) {
            flushScheduled = true;
            server.scheduleFlush(this);
        }
    }

    /** Called once per event-loop turn for a connection that has pending bytes. */
    void flushScheduled() {
        flushScheduled = false;
        flush();
    }

    private void flush() {
        ByteBuf out = pending;
        if (out == null || closed) {
            return;
        }
        pending = null;
        metrics.framesOut.add(pendingFrames);
        metrics.bytesOut.add(out.readableBytes());
        metrics.socketWrites.increment();
        pendingFrames = 0;
        lastTrafficNanos = server.now();
        // Through Vert.x's own write queue (its writability and drain tracking stay exact), with Netty's
        // void promise: writeMessage(out) would allocate a Vert.x promise and a delegating channel promise
        // per write for a result nobody reads (a failed write closes the channel and we see the close).
        connection.writeToChannel(out, true, voidPromise);
        if (!congested && socket.writeQueueFull()) {
            congested = true;
        }
    }

    private void onDrained() {
        if (closed || !congested) {
            return;
        }
        congested = false;
        if (controlBacklog != null) {
            for (byte[] f; (f = controlBacklog.poll()) != null; ) {
                append(f);
            }
        }
        if (streamBacklog != null) {
            for (byte[] f; (f = streamBacklog.poll()) != null; ) {
                append(f);
            }
        }
        if (gaps != null) {
            for (Map.Entry<String, long[]> g : gaps.entrySet()) {
                append(FrameEncoder.gap(g.getKey(), g.getValue()[0]));
                metrics.gapMarkers.increment();
            }
            gaps = null;
        }
        if (conflated != null) {
            for (byte[] f : conflated.values()) {
                append(f);
            }
            conflated = null;
        }
        flush();
    }

    /**
     * Closes on the next turn: enqueue is called while the server iterates a topic's subscribers,
     * which releasing this connection's subscriptions would modify.
     */
    private void closeLater(ErrorCode reason) {
        if (closing) {
            return;
        }
        closing = true;
        server.later(() -> close(reason));
    }

    /** Sends {@code err reason} (when given) and closes; all state is released by the close handler. */
    void close(ErrorCode reason) {
        if (closed) {
            return;
        }
        if (reason != null) {
            metrics.error(reason);
            if (pending == null) {
                pending = ALLOCATOR.directBuffer(64);
            }
            pending.writeBytes(FrameEncoder.err(reason));
            pendingFrames++;
            flush();
        }
        release();
        socket.close();
    }

    /** Releases everything this connection holds: subscriptions, buffers, backlogs, waiting requests. */
    private void release() {
        if (closed) {
            return;
        }
        closed = true;
        if (session != null) {
            session.onClosed(server.isClosing()); // first: it stores the subscriptions released below
        }
        for (LocalTopic t : subscriptions.values()) {
            if (t != null) {
                server.unsubscribe(this, t);
            }
        }
        subscriptions.clear();
        for (PendingRequest p : awaitingAnswer.values()) {
            p.message().fail(CLIENT_GONE, "client_disconnected");
        }
        awaitingAnswer.clear();
        if (pending != null) {
            pending.release();
            pending = null;
        }
        controlBacklog = null;
        streamBacklog = null;
        conflated = null;
        gaps = null;
        decoder.stop();
        server.connectionClosed(this);
    }

    // ---- for tests ----

    int subscriptionCount() {
        return subscriptions.size();
    }

    /** Frames held by this connection and not yet given to the socket (coalescing buffer and backlogs). */
    int heldFrames() {
        return pendingFrames + (controlBacklog == null ? 0 : controlBacklog.size())
                + (streamBacklog == null ? 0 : streamBacklog.size()) + (conflated == null ? 0 : conflated.size());
    }

    boolean congested() {
        return congested;
    }
}
