package com.quotebus.collector.szse;

import com.quotebus.collector.sim.MarketGenerator;
import com.quotebus.core.time.MarketClock;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import java.lang.System.Logger.Level;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Serves the simulator's market over the SZSE Binary protocol: accepts any number of clients, answers their
 * Logon, then streams the generator's events (300111, 300191, 300192) as the market clock advances, and a
 * channel heartbeat (390095, ApplLastSeqNum) per channel every heartbeat interval. Every client receives the
 * same bytes in the same order from the moment it is logged on, so two feed lines connected to one server are
 * an A/B pair. <b>Back-pressure, not loss</b>: while a client has more than {@code maxClientQueueBytes} unsent,
 * the generator is not advanced (the simulated market waits for its slowest reader — a busy collector, a GC pause
 * — and catches up with its clock afterwards, in batches of {@code maxBatchBytes}); only a client stuck that way
 * for {@value #STALL_LIMIT_MS} ms is disconnected (logged), so a dead peer cannot stop the market. There is no
 * retransmission: a client sees the stream from its logon.
 *
 * <p>The generator may be positioned before deployment (a market resumed mid-day, see
 * {@link com.quotebus.collector.sim.SimulatedMarketStart}); otherwise {@link #start()} fast-forwards it to the
 * clock. Either way the channel heartbeats announce the channels' positions from the start. With
 * {@link #awaitFirstLogon} nothing is published before the first client has logged on.
 *
 * <p>A verticle so that the timers and every connection run on one event loop; the market itself is the
 * plain-Java {@link MarketGenerator}. Deploy with {@code vertx.deployVerticle(new SimulatorServer(...))}.
 */
public final class SimulatorServer extends VerticleBase {
    private static final System.Logger LOG = System.getLogger(SimulatorServer.class.getName());
    /** Market time the generator is advanced by per step, so a publish can stop at the batch cap. */
    private static final long STEP_MS = 100;
    /** A reader whose queue stays full this long (wall ms) is taken for dead and disconnected. */
    static final long STALL_LIMIT_MS = 30_000;

    private final SimulatorServerConfig config;
    private final MarketGenerator generator;
    private final MarketClock clock;
    private final SzseEventPublisher publisher;
    private final List<Client> clients = new ArrayList<>();
    private NetServer server;
    private long publishTimer = -1;
    private long heartbeatTimer = -1;
    private LocalDate publishedDay;
    private volatile int actualPort = -1;
    private volatile long slowConsumerDisconnects;
    private volatile long backPressureWaits;
    private long stallLimitMs = STALL_LIMIT_MS;
    private volatile long bytesPublished;
    private volatile int clientCount;
    private Runnable onMarketStart;
    private long firstLogonMaxWaitMs;
    private boolean awaitingFirstLogon;
    private long firstLogonTimer = -1;

    public SimulatorServer(SimulatorServerConfig config, MarketGenerator generator, MarketClock clock) {
        this.config = config;
        this.generator = generator;
        this.clock = clock;
        this.publisher = new SzseEventPublisher(generator.config().channels());
    }

    /**
     * Holds the market until the first client has logged on, or until {@code maxWaitMs} have passed with none: no
     * event is published before (the generator is not advanced), so the first line misses nothing of the market
     * from where it stands at start. {@code onMarketStart} runs once, on the event loop, when the hold ends (a
     * node releases its held market clock there). Call before deploying.
     */
    public SimulatorServer awaitFirstLogon(Runnable onMarketStart, long maxWaitMs) {
        if (maxWaitMs <= 0) {
            throw new IllegalArgumentException("maxWaitMs must be > 0, was " + maxWaitMs);
        }
        this.onMarketStart = Objects.requireNonNull(onMarketStart, "onMarketStart");
        this.firstLogonMaxWaitMs = maxWaitMs;
        this.awaitingFirstLogon = true;
        return this;
    }

    /** The port listened on (useful with port 0), or -1 before start. */
    public int actualPort() {
        return actualPort;
    }

    /** Logged-on clients. */
    public int clientCount() {
        return clientCount;
    }

    public long slowConsumerDisconnects() {
        return slowConsumerDisconnects;
    }

    /** Sets how long a reader may stay stuck before it is disconnected (tests; before deployment). */
    SimulatorServer stallLimitMs(long ms) {
        this.stallLimitMs = ms;
        return this;
    }

    /** Publishes skipped because a client's queue was full (the market waited for it). */
    public long backPressureWaits() {
        return backPressureWaits;
    }

    public long bytesPublished() {
        return bytesPublished;
    }

    @Override
    public Future<?> start() {
        // Fast-forwarding a fresh generator to the clock (the night session, the daily history of every
        // symbol) takes a second or so: off the event loop.
        Future<Void> ready = generator.tradingDay() != null ? Future.succeededFuture()
                : vertx.executeBlocking(() -> {
                    generator.startAt(clock.millis());
                    return null;
                });
        return ready.compose(v -> listen());
    }

    private Future<NetServer> listen() {
        publishedDay = generator.tradingDay();
        publisher.continueFrom(generator);
        server = vertx.createNetServer(new NetServerOptions().setTcpNoDelay(true));
        server.connectHandler(this::accept);
        return server.listen(config.port(), config.host()).map(s -> {
            actualPort = s.actualPort();
            publishTimer = vertx.setPeriodic(config.publishIntervalMs(), id -> publish());
            heartbeatTimer = vertx.setPeriodic(config.heartbeatIntervalMs(), id -> heartbeat());
            if (awaitingFirstLogon) {
                firstLogonTimer = vertx.setTimer(firstLogonMaxWaitMs, id -> startMarket(Level.WARNING,
                        "no client logged on within " + firstLogonMaxWaitMs + " ms; the market runs without"));
            }
            LOG.log(Level.INFO, "SZSE simulator listening on {0}:{1}, trading day {2}", config.host(),
                    String.valueOf(actualPort), publishedDay);
            return s;
        });
    }

    @Override
    public Future<?> stop() {
        vertx.cancelTimer(publishTimer);
        vertx.cancelTimer(heartbeatTimer);
        vertx.cancelTimer(firstLogonTimer);
        for (Client c : new ArrayList<>(clients)) {
            c.socket.close();
        }
        clients.clear();
        return server == null ? Future.succeededFuture() : server.close();
    }

    /** Ends the hold for the first logon (once). */
    private void startMarket(Level level, String why) {
        if (!awaitingFirstLogon) {
            return;
        }
        awaitingFirstLogon = false;
        vertx.cancelTimer(firstLogonTimer);
        LOG.log(level, "simulated market starts: {0}", why);
        onMarketStart.run();
    }

    private void publish() {
        if (awaitingFirstLogon) {
            return;
        }
        boolean waiting = false;
        for (Client c : new ArrayList<>(clients)) {
            if (!c.socket.writeQueueFull()) {
                c.stalledPublishes = 0;
            } else if (++c.stalledPublishes * (long) config.publishIntervalMs() >= stallLimitMs) {
                slowConsumerDisconnects++;
                LOG.log(Level.WARNING, "disconnecting client {0}: more than {1} bytes unsent for {2} s (a dead or "
                        + "stuck reader); the others go on", c.name, String.valueOf(config.maxClientQueueBytes()),
                        String.valueOf(stallLimitMs / 1000.0));
                remove(c);
                c.socket.close();
            } else {
                waiting = true;
            }
        }
        if (waiting) {
            backPressureWaits++; // the market waits for its slowest reader instead of cutting it off
            return;
        }
        long target = clock.millis();
        SzseEncoder out = publisher.encoder().clear();
        long position = generator.position();
        while (position < target && out.length() < config.maxBatchBytes()) {
            position = Math.min(target, position + STEP_MS);
            generator.advanceTo(position, publisher);
            if (!generator.tradingDay().equals(publishedDay)) {
                publishedDay = generator.tradingDay();
                publisher.resetSequences();
            }
        }
        send(out);
    }

    private void heartbeat() {
        SzseEncoder out = publisher.encoder().clear();
        publisher.channelHeartbeats();
        send(out);
    }

    private void send(SzseEncoder out) {
        clientCount = clients.size();
        if (out.length() == 0) {
            return;
        }
        byte[] bytes = out.toByteArray();
        bytesPublished += bytes.length;
        for (Client c : new ArrayList<>(clients)) {
            c.socket.write(Buffer.buffer(bytes)); // bounded: publish() stops generating while a queue is full
        }
    }

    private void remove(Client c) {
        clients.remove(c);
        clientCount = clients.size();
    }

    private void accept(NetSocket socket) {
        Client c = new Client(socket);
        socket.setWriteQueueMaxSize(config.maxClientQueueBytes());
        socket.handler(c::read);
        socket.closeHandler(v -> {
            remove(c);
            vertx.cancelTimer(c.logonTimer);
        });
        socket.exceptionHandler(e -> LOG.log(Level.DEBUG, "client " + c.name + ": " + e));
        c.logonTimer = vertx.setTimer(config.logonTimeoutMs(), id -> {
            if (!c.live) {
                c.refuse(SzseLayout.SESSION_STATUS_OTHER, "no Logon within " + config.logonTimeoutMs() + " ms");
            }
        });
    }

    /** One connection: waits for Logon, then is fed by {@link #send}. */
    private final class Client implements SzseMessageHandler {
        final NetSocket socket;
        final String name;
        final SzseDecoder decoder = new SzseDecoder(this, 4096);
        final byte[] scratch = new byte[8192];
        long logonTimer = -1;
        boolean live;
        /** Consecutive publishes this client's write queue was full. */
        int stalledPublishes;

        Client(NetSocket socket) {
            this.socket = socket;
            this.name = String.valueOf(socket.remoteAddress());
        }

        void read(Buffer buffer) {
            for (int off = 0; off < buffer.length(); off += scratch.length) {
                int n = Math.min(scratch.length, buffer.length() - off);
                buffer.getBytes(off, off + n, scratch, 0);
                if (!decoder.feed(scratch, 0, n)) {
                    return;
                }
            }
        }

        @Override
        public void onLogon(LogonMessage logon) {
            if (live) {
                return;
            }
            if (!config.password().isEmpty() && !config.password().equals(logon.password())) {
                refuse(SzseLayout.SESSION_STATUS_INVALID_LOGON, "invalid SenderCompID or password");
                return;
            }
            vertx.cancelTimer(logonTimer);
            live = true;
            byte[] reply = new SzseEncoder(128).logon(config.senderCompId(), logon.senderCompId(),
                    logon.heartBtIntSeconds(), "").toByteArray();
            socket.write(Buffer.buffer(reply));
            clients.add(this);
            clientCount = clients.size();
            LOG.log(Level.INFO, "client {0} logged on as {1}", name, logon.senderCompId());
            startMarket(Level.INFO, "client " + name + " logged on");
        }

        @Override
        public void onLogout(int sessionStatus, String text) {
            remove(this);
            socket.close();
        }

        @Override
        public void onMalformed(String reason, boolean fatal) {
            refuse(SzseLayout.SESSION_STATUS_INVALID_MESSAGE, reason);
        }

        void refuse(int status, String reason) {
            LOG.log(Level.WARNING, "closing client {0}: {1}", name, reason);
            remove(this);
            live = false;
            byte[] logout = new SzseEncoder(256).logout(status, reason).toByteArray();
            socket.write(Buffer.buffer(logout)).onComplete(ar -> socket.close());
        }
    }
}
