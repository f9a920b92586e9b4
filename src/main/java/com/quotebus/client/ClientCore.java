package com.quotebus.client;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The connection engine behind {@link QuotebusClient}. Every field is confined to one Vert.x context
 * (event loop); public entry points hop onto it. Responsibilities:
 * <ul>
 * <li>connect to the gateways in rotation, reconnect with {@link Backoff}, heartbeat with pings;</li>
 * <li>the session step after each connect ({@code session.open} with the saved token), falling back to
 * re-registering everything when the gateway has no sessions or the token expired;</li>
 * <li>requests by reply address with a client deadline; idempotent ones are re-sent after a reconnect;</li>
 * <li>attributing the gateway's address-less {@code err} frames: each request/register frame is followed
 * by a ping, and the server answers frames in order, so an {@code err} before that ping's pong belongs
 * to that frame;</li>
 * <li>per-address sequence tracking, duplicate dropping and tick gap filling through {@code svc.ticks}.</li>
 * </ul>
 */
final class ClientCore {
    private static final System.Logger LOG = System.getLogger(ClientCore.class.getName());

    /** What kind of push an address carries, from its prefix. */
    enum Kind {
        QUOTE, TICK, MINUTE, KLINE, PRICEVOL, OTHER;

        static Kind of(String address) {
            if (address.startsWith("quote.")) return QUOTE;
            if (address.startsWith("tick.")) return TICK;
            if (address.startsWith("minute.")) return MINUTE;
            if (address.startsWith("kline.")) return KLINE;
            if (address.startsWith("pricevol.")) return PRICEVOL;
            return OTHER;
        }
    }

    /** A listener with the parser of its type. */
    static final class Sink<T> {
        final StreamListener<T> listener;
        final Function<JsonObject, T> parse;
        final Function<Tick, T> fromTick;

        Sink(StreamListener<T> listener, Function<JsonObject, T> parse, Function<Tick, T> fromTick) {
            this.listener = listener;
            this.parse = parse;
            this.fromTick = fromTick;
        }
    }

    /** One subscribed address: its listeners, sequence and gap-fill state. */
    static final class Stream {
        final String address;
        final Kind kind;
        final String code;
        final List<Sink<?>> sinks = new ArrayList<>(2);
        final SequenceTracker seq = new SequenceTracker();
        final ArrayDeque<JsonObject> held = new ArrayDeque<>();
        final List<CompletableFuture<Void>> waitingForRegistration = new ArrayList<>(1);
        boolean registered;
        boolean everRegistered;
        boolean filling;

        Stream(String address) {
            this.address = address;
            this.kind = Kind.of(address);
            int dot = kind == Kind.KLINE ? address.indexOf('.', "kline.".length()) : address.indexOf('.');
            this.code = dot < 0 ? address : address.substring(dot + 1);
        }
    }

    /** A request waiting for its reply. */
    final class Pending {
        final String id;
        final String address;
        final Object body;
        final Map<String, String> headers;
        final long deadlineNanos;
        final boolean retriable;
        final boolean beforeReady;
        final CompletableFuture<Object> future = new CompletableFuture<>();
        long timer = -1;
        boolean sent;

        Pending(String id, String address, Object body, Map<String, String> headers, long timeoutMs,
                boolean retriable, boolean beforeReady) {
            this.id = id;
            this.address = address;
            this.body = body;
            this.headers = headers;
            this.deadlineNanos = System.nanoTime() + timeoutMs * 1_000_000L;
            this.retriable = retriable;
            this.beforeReady = beforeReady;
        }
    }

    /** The frame a ping-delimited window checks: a request, a register, or nothing (heartbeat/unregister). */
    private record Window(Pending request, Stream register, Runnable onPong) {
        Window(Pending request, Stream register) {
            this(request, register, null);
        }
    }

    private final Vertx vertx;
    private final boolean ownVertx;
    private final Context context;
    private final ClientOptions options;
    private final Backoff backoff;
    private final NetClient net;
    private final List<Endpoint> endpoints;
    private volatile ConnectionListener connectionListener = new ConnectionListener() { };

    private NetSocket socket;
    private Endpoint endpoint;
    private int endpointIndex;
    private FrameCodec.Reader reader;
    private boolean ready;
    private boolean closed;
    private long heartbeatTimer = -1;
    private long reconnectTimer = -1;
    private long lastReceivedNanos;
    private CompletableFuture<Void> firstConnect;
    private boolean everConnected;

    private String token;
    private volatile String sessionId;

    private long nextId;
    private final String idPrefix = "qb-" + Long.toHexString(System.nanoTime() & 0xffffffL) + "-";
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final ArrayDeque<Window> windows = new ArrayDeque<>();
    private final Map<String, Stream> streams = new LinkedHashMap<>();

    private long connects;
    private long resumes;
    private long duplicatesDropped;
    private long ticksFilled;
    private long resyncs;
    private long badPushes;

    ClientCore(ClientOptions options, Vertx givenVertx) {
        this.options = options;
        this.ownVertx = givenVertx == null;
        this.vertx = givenVertx != null ? givenVertx : Vertx.vertx();
        this.context = vertx.getOrCreateContext();
        this.backoff = new Backoff(options.reconnectInitialDelay().toMillis(), options.reconnectMaxDelay().toMillis(),
                options.jitterSeed());
        this.endpoints = options.endpoints();
        this.net = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true)
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis())));
    }

    ClientOptions options() {
        return options;
    }

    void connectionListener(ConnectionListener l) {
        connectionListener = l;
    }

    String sessionId() {
        return sessionId;
    }

    /** Runs on the client's context: inline when already there, else queued. */
    void run(Runnable action) {
        if (Vertx.currentContext() == context) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    <T> CompletableFuture<T> call(java.util.function.Supplier<CompletableFuture<T>> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        run(() -> {
            try {
                action.get().whenComplete((v, e) -> {
                    if (e != null) {
                        result.completeExceptionally(unwrap(e));
                    } else {
                        result.complete(v);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    static Throwable unwrap(Throwable e) {
        while (e instanceof java.util.concurrent.CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    CompletableFuture<ClientStats> stats() {
        return call(() -> CompletableFuture.completedFuture(
                new ClientStats(connects, resumes, duplicatesDropped, ticksFilled, resyncs, badPushes)));
    }

    // ---------------------------------------------------------------- connecting

    CompletableFuture<Void> connect() {
        return call(() -> {
            if (closed) {
                throw new QuotebusException(ErrorCode.CLOSED, null, "the client is closed");
            }
            if (firstConnect == null) {
                firstConnect = new CompletableFuture<>();
                tryInitial(0, new ArrayList<>());
            }
            return firstConnect;
        });
    }

    /** The first connection: each endpoint once, in order; all failing fails {@link #connect()}. */
    private void tryInitial(int index, List<String> failures) {
        Endpoint e = endpoints.get(index);
        net.connect(e.port(), e.host()).onComplete(ar -> {
            if (closed) {
                if (ar.succeeded()) {
                    ar.result().close();
                }
                return;
            }
            if (ar.succeeded()) {
                endpointIndex = index;
                onConnected(ar.result(), e);
                return;
            }
            failures.add(e + " (" + describe(ar.cause()) + ")");
            if (index + 1 < endpoints.size()) {
                tryInitial(index + 1, failures);
            } else {
                firstConnect.completeExceptionally(new QuotebusException(ErrorCode.CONNECT_FAILED, null,
                        "cannot connect to " + String.join(", ", failures)));
            }
        });
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null ? t.getClass().getSimpleName() : m;
    }

    private void scheduleReconnect() {
        long delay = backoff.nextDelayMs();
        endpointIndex = (endpointIndex + 1) % endpoints.size();
        Endpoint next = endpoints.get(endpointIndex);
        connectionListener.reconnecting(next, delay);
        reconnectTimer = vertx.setTimer(delay, id -> {
            reconnectTimer = -1;
            if (closed) {
                return;
            }
            net.connect(next.port(), next.host()).onComplete(ar -> {
                if (closed) {
                    if (ar.succeeded()) {
                        ar.result().close();
                    }
                    return;
                }
                if (ar.succeeded()) {
                    onConnected(ar.result(), next);
                } else {
                    LOG.log(System.Logger.Level.DEBUG, "reconnect to {0} failed: {1}", next, describe(ar.cause()));
                    scheduleReconnect();
                }
            });
        });
    }

    private void onConnected(NetSocket s, Endpoint e) {
        socket = s;
        endpoint = e;
        reader = new FrameCodec.Reader(options.maxFrameSize());
        lastReceivedNanos = System.nanoTime();
        s.handler(bytes -> onBytes(s, bytes));
        s.closeHandler(v -> onDisconnect(s, "connection closed by " + e));
        s.exceptionHandler(t -> LOG.log(System.Logger.Level.DEBUG, "socket error from {0}: {1}", e, describe(t)));
        long interval = options.heartbeatInterval().toMillis();
        heartbeatTimer = vertx.setPeriodic(interval, id -> heartbeat(s, interval));
        openSession(token);
    }

    private void heartbeat(NetSocket s, long intervalMs) {
        if (s != socket) {
            return;
        }
        if (System.nanoTime() - lastReceivedNanos > 3 * intervalMs * 1_000_000L) {
            onDisconnect(s, "no frame from " + endpoint + " for " + 3 * intervalMs + " ms");
            s.close();
            return;
        }
        windows.add(new Window(null, null));
        s.write(FrameCodec.encode(PING));
    }

    private static final JsonObject PING = new JsonObject().put("type", "ping");

    /** Session step: resume with the saved token, or open a fresh session, or go on without sessions. */
    private void openSession(String resumeToken) {
        JsonObject body = resumeToken == null ? new JsonObject() : new JsonObject().put("token", resumeToken);
        Pending p = newPending("session.open", body, Map.of(), options.requestTimeout().toMillis(), false, true);
        NetSocket s = socket;
        p.future.whenComplete((reply, error) -> {
            if (s != socket) {
                return;
            }
            if (error == null && reply instanceof JsonObject r && r.getValue("token") instanceof String t) {
                token = t;
                sessionId = r.getString("session");
                afterSession(resumeToken != null && r.getBoolean("resumed", false));
                return;
            }
            QuotebusException qe = error instanceof QuotebusException x ? x : null;
            if (resumeToken != null && qe != null && qe.code() == ErrorCode.SESSION_EXPIRED) {
                token = null;
                sessionId = null;
                openSession(null);
                return;
            }
            // This gateway has no sessions (NO_HANDLERS, access_denied, timeout, odd reply): go on without.
            LOG.log(System.Logger.Level.DEBUG, "session.open on {0} unavailable: {1}", endpoint,
                    error == null ? reply : error.getMessage());
            afterSession(false);
        });
        sendPending(p);
    }

    private void afterSession(boolean resumed) {
        ready = true;
        connects++;
        if (resumed) {
            resumes++;
        }
        backoff.reset();
        for (Stream st : new ArrayList<>(streams.values())) {
            // register is idempotent on the gateway, so it is sent after a resume too (a no-op there).
            sendRegister(st);
            if (!resumed && st.everRegistered) {
                if (st.kind == Kind.TICK) {
                    if (st.seq.last() > 0 && !st.filling) {
                        startFill(st, null);
                    }
                } else {
                    resync(st, Resync.Reason.SESSION_LOST, 0, 0);
                }
            }
        }
        for (Pending p : new ArrayList<>(pending.values())) {
            if (!p.sent) {
                sendPending(p);
            }
        }
        boolean first = !everConnected;
        everConnected = true;
        connectionListener.connected(endpoint, resumed);
        if (first && firstConnect != null) {
            firstConnect.complete(null);
        }
    }

    private void onDisconnect(NetSocket s, String reason) {
        if (s != socket) {
            return;
        }
        socket = null;
        ready = false;
        windows.clear();
        if (heartbeatTimer >= 0) {
            vertx.cancelTimer(heartbeatTimer);
            heartbeatTimer = -1;
        }
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (p.retriable) {
                p.sent = false;
            } else {
                it.remove();
                cancel(p);
                p.future.completeExceptionally(new QuotebusException(ErrorCode.CONNECTION_LOST, p.address,
                        reason + " before the reply came"));
            }
        }
        for (Stream st : streams.values()) {
            st.registered = false;
        }
        Endpoint was = endpoint;
        connectionListener.disconnected(was, reason);
        if (!closed) {
            if (!everConnected && firstConnect != null && !firstConnect.isDone()) {
                firstConnect.completeExceptionally(new QuotebusException(ErrorCode.CONNECT_FAILED, null,
                        reason + " during the session step"));
                return;
            }
            scheduleReconnect();
        }
    }

    // ---------------------------------------------------------------- incoming

    private void onBytes(NetSocket s, Buffer bytes) {
        if (s != socket) {
            return;
        }
        lastReceivedNanos = System.nanoTime();
        try {
            reader.feed(bytes, this::onFrame);
        } catch (FrameCodec.FramingException e) {
            onDisconnect(s, e.getMessage());
            s.close();
        }
    }

    private void onFrame(JsonObject frame) {
        String type = frame.getString("type", "");
        switch (type) {
            case "pong" -> {
                Window w = windows.poll();
                if (w != null && w.onPong != null) {
                    w.onPong.run();
                }
            }
            case "message" -> onMessage(frame);
            case "err" -> onErr(frame);
            default -> LOG.log(System.Logger.Level.DEBUG, "ignored frame {0}", frame.encode());
        }
    }

    private void onMessage(JsonObject frame) {
        String address = frame.getString("address");
        if (address == null) {
            return;
        }
        Pending p = pending.remove(address);
        if (p != null) {
            cancel(p);
            p.future.complete(frame.getValue("body"));
            return;
        }
        Stream st = streams.get(address);
        if (st != null) {
            JsonObject headers = frame.getJsonObject("headers", new JsonObject());
            onPush(st, headers, frame.getValue("body"));
        }
    }

    private void onErr(JsonObject frame) {
        String address = frame.getString("address");
        String message = frame.getString("message");
        if (address != null) {
            Pending p = pending.remove(address);
            if (p != null) {
                cancel(p);
                Object fc = frame.getValue("failureCode");
                int failureCode = fc instanceof Number n ? n.intValue() : -1;
                String failureType = frame.getString("failureType");
                p.future.completeExceptionally(new QuotebusException(
                        ErrorCode.ofFailure(failureType, failureCode, message), p.address, failureCode,
                        message == null ? String.valueOf(failureType) : message));
            }
            return;
        }
        ErrorCode code = ErrorCode.ofErr(message);
        if (code == ErrorCode.IDLE_TIMEOUT || code == ErrorCode.SLOW_CONSUMER || code == ErrorCode.SHUTTING_DOWN
                || code == ErrorCode.FRAME_TOO_LARGE || code == ErrorCode.INVALID_LENGTH) {
            // About the connection, not a frame: it closes next and requests are retried elsewhere.
            LOG.log(System.Logger.Level.INFO, "gateway {0} is closing the connection: {1}", endpoint, message);
            return;
        }
        Window w = windows.peek();
        if (w != null && w.request != null && pending.remove(w.request.id) != null) {
            cancel(w.request);
            w.request.future.completeExceptionally(new QuotebusException(code, w.request.address, message));
        } else if (w != null && w.register != null && streams.get(w.register.address) == w.register) {
            failStream(w.register, new QuotebusException(code, w.register.address, message));
        } else {
            LOG.log(System.Logger.Level.DEBUG, "gateway error {0}", message);
        }
    }

    // ---------------------------------------------------------------- requests

    private Pending newPending(String address, Object body, Map<String, String> headers, long timeoutMs,
                               boolean retriable, boolean beforeReady) {
        Pending p = new Pending(idPrefix + (++nextId), address, body, headers, timeoutMs, retriable, beforeReady);
        pending.put(p.id, p);
        p.timer = vertx.setTimer(Math.max(1, timeoutMs), id -> {
            if (pending.remove(p.id) != null) {
                p.future.completeExceptionally(new QuotebusException(ErrorCode.TIMEOUT, address,
                        "no reply within " + timeoutMs + " ms"
                                + (socket == null ? " (not connected to any gateway)" : "")));
            }
        });
        return p;
    }

    private void cancel(Pending p) {
        if (p.timer >= 0) {
            vertx.cancelTimer(p.timer);
        }
    }

    /** Sends the request if the connection is up (and, unless a session request, ready). */
    private void sendPending(Pending p) {
        if (socket == null || (!ready && !p.beforeReady)) {
            return;
        }
        long remainingMs = Math.max(1, (p.deadlineNanos - System.nanoTime()) / 1_000_000L);
        JsonObject headers = new JsonObject();
        p.headers.forEach(headers::put);
        headers.put("timeout", Long.toString(remainingMs));
        JsonObject frame = new JsonObject().put("type", "send").put("address", p.address).put("headers", headers)
                .put("body", p.body).put("replyAddress", p.id);
        p.sent = true;
        writeChecked(frame, new Window(p, null));
    }

    /** Writes a frame followed by a ping so that an address-less err can be attributed to it. */
    private void writeChecked(JsonObject frame, Window window) {
        windows.add(window);
        socket.write(FrameCodec.encode(frame).appendBuffer(FrameCodec.encode(PING)));
    }

    /** A request from the API: runs on the context, completes with the reply body. */
    CompletableFuture<Object> request(String address, Object body, Map<String, String> headers, long timeoutMs,
                                      boolean retriable) {
        return call(() -> {
            if (closed) {
                throw new QuotebusException(ErrorCode.CLOSED, address, "the client is closed");
            }
            Pending p = newPending(address, body, headers, timeoutMs, retriable, false);
            sendPending(p);
            return p.future;
        });
    }

    // ---------------------------------------------------------------- subscriptions

    <T> CompletableFuture<Void> subscribe(String address, Sink<T> sink) {
        return call(() -> {
            if (closed) {
                throw new QuotebusException(ErrorCode.CLOSED, address, "the client is closed");
            }
            Stream st = streams.get(address);
            CompletableFuture<Void> done = new CompletableFuture<>();
            if (st == null) {
                st = new Stream(address);
                streams.put(address, st);
                st.sinks.add(sink);
                st.waitingForRegistration.add(done);
                if (ready) {
                    sendRegister(st);
                }
            } else {
                st.sinks.add(sink);
                if (st.registered && st.waitingForRegistration.isEmpty()) {
                    done.complete(null);
                } else {
                    st.waitingForRegistration.add(done);
                }
            }
            return done;
        });
    }

    CompletableFuture<Void> unsubscribe(String address, Sink<?> sink) {
        return call(() -> {
            Stream st = streams.get(address);
            if (st != null && st.sinks.remove(sink) && st.sinks.isEmpty()) {
                streams.remove(address);
                st.held.clear();
                if (socket != null && ready) {
                    writeChecked(new JsonObject().put("type", "unregister").put("address", address),
                            new Window(null, null));
                }
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    private void sendRegister(Stream st) {
        if (socket == null) {
            return;
        }
        st.registered = true;
        st.everRegistered = true;
        // The pong after the register, with no err before it: the gateway accepted it.
        writeChecked(new JsonObject().put("type", "register").put("address", st.address),
                new Window(null, st, () -> {
                    if (streams.get(st.address) == st) {
                        List<CompletableFuture<Void>> waiting = new ArrayList<>(st.waitingForRegistration);
                        st.waitingForRegistration.clear();
                        waiting.forEach(f -> f.complete(null));
                    }
                }));
    }

    private void failStream(Stream st, QuotebusException e) {
        streams.remove(st.address);
        st.held.clear();
        // Listeners first: whoever waits on the future then sees the listener already told.
        for (Sink<?> sink : st.sinks) {
            safely(() -> sink.listener.onError(e));
        }
        st.waitingForRegistration.forEach(f -> f.completeExceptionally(e));
        st.waitingForRegistration.clear();
    }

    // ---------------------------------------------------------------- pushes

    private void onPush(Stream st, JsonObject headers, Object body) {
        if (!(body instanceof JsonObject b)) {
            badPushes++;
            return;
        }
        if ("true".equals(headers.getString("gap"))) {
            if (st.kind == Kind.TICK) {
                if (!st.filling) {
                    startFill(st, null);
                }
            } else {
                resync(st, Resync.Reason.GAP, 0, 0);
            }
            return;
        }
        if ("true".equals(headers.getString("resync"))) {
            long current = b.getValue("seq") instanceof Number n ? n.longValue() : 0;
            if (st.kind == Kind.TICK) {
                if (!st.filling && current > st.seq.last()) {
                    startFill(st, current + 1);
                }
                return;
            }
            resync(st, Resync.Reason.SERVER_RESYNC, 0, 0);
            if (current > 0) {
                st.seq.processed(current);
            }
            deliver(st, b);
            return;
        }
        if (st.filling) {
            hold(st, b);
            return;
        }
        process(st, b);
    }

    private void hold(Stream st, JsonObject body) {
        if (st.held.size() >= options.holdMaxMessages()) {
            st.held.poll(); // refetched by the next fill, which the resulting jump starts
        }
        st.held.add(body);
    }

    private void process(Stream st, JsonObject body) {
        if (!(body.getValue("seq") instanceof Number n)) {
            deliver(st, body);
            return;
        }
        long seq = n.longValue();
        switch (st.seq.check(seq)) {
            case DUPLICATE -> duplicatesDropped++;
            case NEXT -> {
                st.seq.processed(seq);
                deliver(st, body);
            }
            case JUMP -> {
                switch (st.kind) {
                    case TICK -> {
                        startFill(st, seq);
                        hold(st, body);
                    }
                    case MINUTE, PRICEVOL -> {
                        resync(st, Resync.Reason.SEQ_JUMP, st.seq.missingFrom(), seq - 1);
                        st.seq.processed(seq);
                        deliver(st, body);
                    }
                    default -> {
                        st.seq.processed(seq);
                        deliver(st, body);
                    }
                }
            }
        }
    }

    /**
     * Fetches missed ticks: those before {@code beforeSeq} (a jump or a server resync) or, when null, the
     * newest page (after a reconnect without resume, or a gap marker). Pushes arriving meanwhile are held.
     */
    private void startFill(Stream st, Long beforeSeq) {
        st.filling = true;
        long from = st.seq.missingFrom();
        int count = beforeSeq == null ? options.fillPageSize()
                : (int) Math.max(1, Math.min(options.fillPageSize(), beforeSeq - from));
        JsonObject body = new JsonObject().put("code", st.code).put("count", count);
        if (beforeSeq != null) {
            body.put("beforeSeq", beforeSeq);
        }
        Pending p = newPending("svc.ticks", body, Map.of(), options.requestTimeout().toMillis(), true, false);
        p.future.whenComplete((reply, error) -> endFill(st, beforeSeq, reply, error));
        sendPending(p);
    }

    private void endFill(Stream st, Long beforeSeq, Object reply, Throwable error) {
        if (streams.get(st.address) != st) {
            return;
        }
        long expected = st.seq.missingFrom();
        TickPage page = null;
        if (error == null) {
            try {
                page = Replies.parse("svc.ticks", reply, Replies::ticks);
            } catch (QuotebusException e) {
                error = e;
            }
        }
        if (page != null) {
            List<Tick> ticks = new ArrayList<>(page.ticks());
            ticks.sort(Comparator.comparingLong(Tick::seq));
            ticks.removeIf(t -> t.seq() < expected || (beforeSeq != null && t.seq() >= beforeSeq));
            long firstAvailable = ticks.isEmpty() ? (beforeSeq != null ? beforeSeq : Long.MAX_VALUE)
                    : ticks.get(0).seq();
            if (firstAvailable > expected && firstAvailable != Long.MAX_VALUE) {
                resync(st, Resync.Reason.MISSED_UNAVAILABLE, expected, firstAvailable - 1);
                st.seq.processed(firstAvailable - 1);
            }
            for (Tick t : ticks) {
                if (st.seq.check(t.seq()) == SequenceTracker.Verdict.DUPLICATE) {
                    continue;
                }
                st.seq.processed(t.seq());
                ticksFilled++;
                deliverTick(st, t);
            }
            if (beforeSeq != null && st.seq.last() < beforeSeq - 1) {
                resync(st, Resync.Reason.MISSED_UNAVAILABLE, st.seq.missingFrom(), beforeSeq - 1);
                st.seq.processed(beforeSeq - 1);
            }
        } else {
            long to = beforeSeq != null ? beforeSeq - 1 : 0;
            resync(st, Resync.Reason.MISSED_UNAVAILABLE, expected, to);
            if (beforeSeq != null) {
                st.seq.processed(beforeSeq - 1);
            } else if (!st.held.isEmpty() && st.held.peek().getValue("seq") instanceof Number n) {
                st.seq.processed(n.longValue() - 1);
            }
        }
        st.filling = false;
        while (!st.filling && !st.held.isEmpty()) {
            process(st, st.held.poll());
        }
    }

    private void resync(Stream st, Resync.Reason reason, long from, long to) {
        resyncs++;
        Resync r = new Resync(st.address, reason, from, to);
        for (Sink<?> sink : new ArrayList<>(st.sinks)) {
            safely(() -> sink.listener.onResync(r));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void deliver(Stream st, JsonObject body) {
        for (Sink sink : new ArrayList<>(st.sinks)) {
            Object value;
            try {
                value = sink.parse.apply(body);
            } catch (RuntimeException e) {
                badPushes++;
                LOG.log(System.Logger.Level.WARNING, "push on {0} has an unexpected shape: {1}", st.address, e);
                return;
            }
            safely(() -> sink.listener.onUpdate(value));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void deliverTick(Stream st, Tick t) {
        for (Sink sink : new ArrayList<>(st.sinks)) {
            Object value = sink.fromTick == null ? null : sink.fromTick.apply(t);
            if (value != null) {
                safely(() -> sink.listener.onUpdate(value));
            }
        }
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "listener threw", e);
        }
    }

    // ---------------------------------------------------------------- closing

    CompletableFuture<Void> close() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        run(() -> {
            if (closed) {
                done.complete(null);
                return;
            }
            closed = true;
            if (reconnectTimer >= 0) {
                vertx.cancelTimer(reconnectTimer);
            }
            if (heartbeatTimer >= 0) {
                vertx.cancelTimer(heartbeatTimer);
            }
            QuotebusException e = new QuotebusException(ErrorCode.CLOSED, null, "the client was closed");
            for (Pending p : pending.values()) {
                cancel(p);
                p.future.completeExceptionally(e);
            }
            pending.clear();
            if (firstConnect != null && !firstConnect.isDone()) {
                firstConnect.completeExceptionally(e);
            }
            NetSocket s = socket;
            socket = null;
            io.vertx.core.Future<Void> closing = io.vertx.core.Future.succeededFuture();
            if (s != null) {
                if (ready && token != null) {
                    // Ends the session now rather than after its ttl (no resume wanted).
                    s.write(FrameCodec.encode(new JsonObject().put("type", "send").put("address", "session.close")
                            .put("headers", new JsonObject()).put("body", new JsonObject())));
                }
                closing = s.close();
            }
            closing.eventually(net::close).onComplete(ar -> done.complete(null));
        });
        // The own Vert.x instance is closed from outside its event loop, after the connection.
        return ownVertx ? done.thenCompose(v -> vertx.close().toCompletionStage()).exceptionally(e -> null)
                : done;
    }
}
