package com.quotebus.collector.szse;

import com.quotebus.collector.FeedSink;
import com.quotebus.collector.FeedSource;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.ToIntFunction;

/**
 * An SZSE Binary feed line over TCP (Vert.x {@link NetClient}): connects, sends Logon, decodes the stream with
 * {@link SzseDecoder} into {@link SzseFeedAdapter}, sends a Heartbeat every {@code heartbeatSeconds}, and
 * drops the connection when nothing arrives for three heartbeat intervals, when the gateway logs out, or when
 * the stream is corrupt (BodyLength above the cap). After a drop it reports
 * {@link FeedSink#onDisconnected} and reconnects with exponential backoff; a successful Logon reports
 * {@link FeedSink#onConnected} and resets the backoff.
 *
 * <p>{@link #start} completes when the first Logon is answered; if that first attempt fails, it completes
 * exceptionally with the reason and the source stays stopped. Everything runs on one Vert.x context, so the
 * sink is called from one thread. Reading a recorded file goes through the same decoder and adapter: see
 * {@link SzseRecordedFileSource}.
 */
public final class SzseBinaryFeedSource implements FeedSource {
    private static final System.Logger LOG = System.getLogger(SzseBinaryFeedSource.class.getName());

    private final Vertx vertx;
    private final SzseFeedConfig config;
    private final ToIntFunction<String> multiplierOf;
    private final Context context;
    private final byte[] scratch = new byte[64 * 1024];
    private NetClient client;
    private NetSocket socket;
    private SzseDecoder decoder;
    private Session session;
    private FeedSink sink;
    private Promise<Void> started;
    private boolean stopped;
    private boolean everConnected;
    private long backoffMs;
    private long heartbeatTimer = -1;
    private long logonTimer = -1;
    private long reconnectTimer = -1;
    private long lastReceived;
    private volatile long connects;

    /** @param multiplierOf contract multiplier per code for futures turnover (stocks: 1) */
    public SzseBinaryFeedSource(Vertx vertx, SzseFeedConfig config, ToIntFunction<String> multiplierOf) {
        this.vertx = vertx;
        this.config = config;
        this.multiplierOf = multiplierOf;
        this.context = vertx.getOrCreateContext();
        this.backoffMs = config.reconnectInitialMs();
    }

    @Override
    public String name() {
        return config.name();
    }

    /** Successful logons so far (1 + reconnects). */
    public long connects() {
        return connects;
    }

    @Override
    public CompletionStage<Void> start(FeedSink feedSink) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        context.runOnContext(v -> {
            if (started != null) {
                result.completeExceptionally(new IllegalStateException("feed " + name() + " already started"));
                return;
            }
            sink = feedSink;
            session = new Session(feedSink);
            decoder = new SzseDecoder(session, config.maxBodyLength());
            client = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true)
                    .setConnectTimeout(config.logonTimeoutMs()));
            started = Promise.promise();
            started.future().onComplete(ar -> {
                if (ar.succeeded()) {
                    result.complete(null);
                } else {
                    result.completeExceptionally(ar.cause());
                }
            });
            connect();
        });
        return result;
    }

    @Override
    public CompletionStage<Void> stop() {
        CompletableFuture<Void> result = new CompletableFuture<>();
        context.runOnContext(v -> {
            stopped = true;
            cancelTimers();
            vertx.cancelTimer(reconnectTimer);
            if (started != null) {
                started.tryFail("feed " + name() + " stopped before it connected");
            }
            NetSocket s = socket;
            socket = null;
            if (s != null) {
                s.close();
            }
            if (client != null) {
                client.close().onComplete(ar -> result.complete(null));
            } else {
                result.complete(null);
            }
        });
        return result;
    }

    private void connect() {
        if (stopped) {
            return;
        }
        client.connect(config.port(), config.host()).onComplete(ar -> {
            if (stopped) {
                if (ar.succeeded()) {
                    ar.result().close();
                }
                return;
            }
            if (ar.failed()) {
                failed("cannot connect to " + config.host() + ":" + config.port() + ": " + ar.cause().getMessage());
                return;
            }
            NetSocket s = ar.result();
            socket = s;
            decoder.reset();
            session.live = false;
            lastReceived = System.nanoTime();
            s.handler(buffer -> read(s, buffer));
            s.closeHandler(x -> {
                if (socket == s) {
                    dropped("connection closed by peer");
                }
            });
            s.exceptionHandler(e -> LOG.log(System.Logger.Level.DEBUG, name() + ": " + e));
            s.write(Buffer.buffer(new SzseEncoder(128).logon(config.senderCompId(), config.targetCompId(),
                    config.heartbeatSeconds(), config.password()).toByteArray()));
            logonTimer = vertx.setTimer(config.logonTimeoutMs(), id -> {
                if (socket == s && !session.live) {
                    close(s, "no Logon reply within " + config.logonTimeoutMs() + " ms");
                }
            });
        });
    }

    private void read(NetSocket s, Buffer buffer) {
        if (socket != s) {
            return;
        }
        lastReceived = System.nanoTime();
        for (int off = 0; off < buffer.length(); off += scratch.length) {
            int n = Math.min(scratch.length, buffer.length() - off);
            buffer.getBytes(off, off + n, scratch, 0);
            if (!decoder.feed(scratch, 0, n)) {
                close(s, "stream corrupt, resynchronising by reconnecting");
                return;
            }
        }
    }

    private void loggedOn() {
        vertx.cancelTimer(logonTimer);
        connects++;
        everConnected = true;
        backoffMs = config.reconnectInitialMs();
        long hbMs = config.heartbeatSeconds() * 1000L;
        NetSocket s = socket;
        heartbeatTimer = vertx.setPeriodic(hbMs, id -> {
            if (socket != s) {
                return;
            }
            if (System.nanoTime() - lastReceived > 3 * hbMs * 1_000_000L) {
                close(s, "nothing received for " + 3 * config.heartbeatSeconds() + " s");
                return;
            }
            s.write(Buffer.buffer(new SzseEncoder(16).heartbeat().toByteArray()));
        });
        sink.onConnected(name());
        started.tryComplete();
    }

    private void close(NetSocket s, String reason) {
        if (socket == s) {
            dropped(reason);
        }
        s.close();
    }

    /** The current connection ended: report, then reconnect (or fail the start if we never logged on). */
    private void dropped(String reason) {
        boolean wasLive = session.live;
        socket = null;
        session.live = false;
        cancelTimers();
        if (stopped) {
            return;
        }
        if (wasLive) {
            sink.onDisconnected(name(), reason);
        }
        failed(reason);
    }

    private void failed(String reason) {
        if (!everConnected) {
            stopped = true;
            started.tryFail(new IllegalStateException("feed " + name() + " could not start: " + reason));
            return;
        }
        LOG.log(System.Logger.Level.WARNING, "{0}: {1}; reconnecting in {2} ms", name(), reason,
                String.valueOf(backoffMs));
        long delay = backoffMs;
        backoffMs = Math.min(config.reconnectMaxMs(), backoffMs * 2);
        reconnectTimer = vertx.setTimer(delay, id -> connect());
    }

    private void cancelTimers() {
        vertx.cancelTimer(heartbeatTimer);
        vertx.cancelTimer(logonTimer);
    }

    /** Market data to the adapter; session messages handled here. */
    private final class Session extends SzseFeedAdapter {
        boolean live;

        Session(FeedSink sink) {
            super(config.name(), sink, multiplierOf);
        }

        @Override
        public void onLogon(LogonMessage logon) {
            if (!live && socket != null) {
                live = true;
                loggedOn();
            }
        }

        @Override
        public void onLogout(int sessionStatus, String text) {
            if (socket != null) {
                close(socket, "gateway logged out (SessionStatus " + sessionStatus + "): " + text);
            }
        }
    }
}
