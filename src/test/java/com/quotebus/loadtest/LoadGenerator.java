package com.quotebus.loadtest;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One load-generator JVM: holds {@code --connections} bridge-protocol connections on a few Vert.x
 * event loops (Netty, no thread per connection), each bound to source address
 * {@code 127.0.0.(2 + globalIndex / perSource)} to stay under the ephemeral-port limit per address.
 *
 * <p>Modes: {@code subscribe} (register {@code prefix + (index % addresses)} for each of the comma-separated
 * {@code --prefix}es, record tick latency from
 * the publisher's planned-time stamp, count sequence gaps and gap markers), {@code publish} (to
 * {@code svc.drop}), {@code send} (to {@code svc.sink}), {@code request} (to {@code svc.echo} with a
 * replyAddress; latency from the planned send time to the reply). Senders run open loop at
 * {@code --rate} messages per second per connection.
 *
 * <p>Driven over stdin by {@link LoadTestRunner}: it prints {@code CONNECTED ok failed}, then obeys
 * {@code GO} (start sending), {@code MEASURE} (start of the measured window), {@code REPORT} (prints
 * {@code RESULT <json>} for the window) and {@code STOP}.
 */
public final class LoadGenerator {
    private static final byte[] K_T = FrameScanner.key("t");
    private static final byte[] K_S = FrameScanner.key("s");
    private static final byte[] K_A = FrameScanner.key("a");
    private static final byte[] K_TYPE_ERR = "\"type\":\"err\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] K_GAP = "\"gap\":\"true\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] K_DROPPED = FrameScanner.key("dropped");

    private final Vertx vertx;
    private final String mode;
    private final String host;
    private final int port;
    private final int connections;
    private final int firstIndex;
    private final int perSource;
    private final int addressCount;
    private final String prefix;
    private final double rate;
    private final int bytes;
    private final ContextInternal[] contexts;
    private final List<List<Conn>> byLoop = new ArrayList<>();
    private final Recorder recorder = new Recorder(3);
    /** Fan-out only: from the time the publisher actually published (its timer's lateness left out). */
    private final Recorder fromPublish = new Recorder(3);
    private final LongAdder received = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder gapMarkers = new LongAdder();
    private final LongAdder droppedByGap = new LongAdder();
    private final LongAdder missingSeq = new LongAdder();
    private final LongAdder disconnects = new LongAdder();
    private final AtomicInteger connected = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile boolean stopping;
    private NetClient[] netClients;
    private final long startedNanos = System.nanoTime();
    private volatile String firstError;
    private long[] windowStart = new long[7];

    private final class Conn {
        final int index;
        final FrameScanner scanner = new FrameScanner(1 << 20);
        final byte[] template;
        final int stampAt;
        NetSocket socket;
        OpenLoopSchedule schedule;
        long lastSeq = -1;

        Conn(int index) {
            this.index = index;
            if (mode.equals("subscribe")) {
                template = null;
                stampAt = -1;
                return;
            }
            String address = switch (mode) {
                case "publish" -> LoadTestServer.DROP;
                case "send" -> LoadTestServer.SINK;
                case "request" -> LoadTestServer.ECHO;
                default -> throw new IllegalArgumentException("--mode must be subscribe|publish|send|request: " + mode);
            };
            String type = mode.equals("publish") ? "publish" : "send";
            String reply = mode.equals("request") ? ",\"replyAddress\":\"r." + index + "\"" : "";
            String head = "{\"type\":\"" + type + "\",\"address\":\"" + address + "\"" + reply + ",\"body\":{\"t\":";
            String digits = "1".repeat(Stamp.DIGITS);
            String tail0 = ",\"p\":\"";
            String tail1 = "\"}}";
            int padLen = Math.max(0, bytes - 4 - head.length() - digits.length() - tail0.length() - tail1.length());
            String json = head + digits + tail0 + "x".repeat(padLen) + tail1;
            byte[] payload = json.getBytes(StandardCharsets.UTF_8);
            template = new byte[4 + payload.length];
            ByteBuffer.wrap(template).putInt(payload.length).put(payload);
            stampAt = 4 + head.length();
        }

        void onData(Buffer buf) {
            if (!scanner.feed(buf.getBytes(), this::onFrame)) {
                error("frame longer than 1 MiB from server");
                socket.close();
            }
        }

        void onFrame(byte[] d, int off, int len) {
            long now = System.nanoTime();
            if (FrameScanner.indexOf(d, off, len, K_TYPE_ERR) >= 0) {
                errors.increment();
                error(new String(d, off, Math.min(len, 300), StandardCharsets.UTF_8));
                return;
            }
            if (FrameScanner.indexOf(d, off, len, K_GAP) >= 0) {
                gapMarkers.increment();
                long dropped = FrameScanner.longAfter(d, off, len, K_DROPPED);
                if (dropped > 0) {
                    droppedByGap.add(dropped);
                }
                return;
            }
            long t = FrameScanner.longAfter(d, off, len, K_T);
            if (t > 0) {
                received.increment();
                recorder.recordValue(Math.max(0, now - Stamp.nanoTime(t)));
                long published = template == null ? FrameScanner.longAfter(d, off, len, K_A) : 0;
                if (published > 0) {
                    fromPublish.recordValue(Math.max(0, now - Stamp.nanoTime(published)));
                }
            }
            if (template == null) {
                long s = FrameScanner.longAfter(d, off, len, K_S);
                if (s > 0) {
                    if (lastSeq >= 0 && s > lastSeq + 1) {
                        missingSeq.add(s - lastSeq - 1);
                    }
                    lastSeq = s;
                }
            }
        }

        void sendDue(long now) {
            long from = schedule.nextSlot();
            long to = schedule.dueSlotsUntil(now);
            if (to == from) {
                return;
            }
            int count = 0;
            for (long k = from; k < to; k++) {
                count += schedule.dueIn(k);
            }
            if (count > 0 && socket != null) {
                byte[] out = new byte[count * template.length];
                int pos = 0;
                for (long k = from; k < to; k++) {
                    int due = schedule.dueIn(k);
                    long stamp = Stamp.of(schedule.plannedNanos(k));
                    for (int i = 0; i < due; i++) {
                        System.arraycopy(template, 0, out, pos, template.length);
                        Stamp.write(out, pos + stampAt, stamp);
                        pos += template.length;
                    }
                }
                socket.write(Buffer.buffer(out));
                sent.add(count);
            }
            schedule.advanceTo(to);
        }
    }

    private LoadGenerator(Args a) {
        mode = a.value("mode", "subscribe");
        host = a.value("host", "127.0.0.1");
        port = a.intValue("port", 7000);
        connections = a.intValue("connections", 100);
        firstIndex = a.intValue("first-index", 0);
        perSource = a.intValue("per-source", 25_000);
        addressCount = a.intValue("addresses", 1);
        prefix = a.value("prefix", "tick.");
        rate = a.doubleValue("rate", 10);
        bytes = a.intValue("bytes", 200);
        int loops = a.intValue("event-loops", 1);
        if (connections < 1 || connections > 19_000) {
            throw new IllegalArgumentException("--connections must be 1..19000 (20,000 descriptors per process)");
        }
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops));
        contexts = new ContextInternal[loops];
        for (int i = 0; i < loops; i++) {
            contexts[i] = LoadTestServer.newEventLoopContext(vertx);
            byLoop.add(new ArrayList<>());
        }
    }

    public static void main(String[] args) throws Exception {
        LoadGenerator g = new LoadGenerator(Args.parse(args));
        g.connectAll();
        System.out.println("CONNECTED " + g.connected.get() + " " + g.failed.get());
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            switch (line.trim()) {
                case "GO" -> g.go();
                case "MEASURE" -> g.startWindow();
                case "REPORT" -> {
                    System.out.println("RESULT " + g.report().encode());
                    System.out.flush();
                }
                case "STOP" -> {
                    g.stop();
                    return;
                }
                default -> System.err.println("unknown command: " + line);
            }
        }
        g.stop(); // stdin closed: the runner is gone
    }

    private void error(String text) {
        if (firstError == null) {
            firstError = text;
        }
    }

    private void connectAll() throws InterruptedException {
        int sources = (firstIndex + connections - 1) / perSource - firstIndex / perSource + 1;
        NetClient[] clients = new NetClient[sources];
        netClients = clients; // held: Vert.x closes a NetClient (and its sockets) once it is garbage collected
        for (int s = 0; s < sources; s++) {
            int src = firstIndex / perSource + s;
            clients[s] = vertx.createNetClient(new NetClientOptions().setTcpNoDelay(true).setConnectTimeout(30_000)
                    .setLocalAddress("127.0.0." + (2 + src)));
        }
        CountDownLatch done = new CountDownLatch(connections);
        int perLoopInFlight = 64;
        for (int l = 0; l < contexts.length; l++) {
            List<Conn> mine = byLoop.get(l);
            for (int i = l; i < connections; i += contexts.length) {
                mine.add(new Conn(firstIndex + i));
            }
            ContextInternal ctx = contexts[l];
            int[] next = {0};
            Runnable[] pump = new Runnable[1];
            pump[0] = () -> {
                if (next[0] >= mine.size()) {
                    return;
                }
                Conn c = mine.get(next[0]++);
                NetClient client = clients[c.index / perSource - firstIndex / perSource];
                client.connect(port, host).onComplete(ar -> {
                    if (ar.succeeded()) {
                        c.socket = ar.result();
                        c.socket.handler(c::onData);
                        c.socket.closeHandler(v -> {
                            if (!stopping) {
                                disconnects.increment();
                                error("connection " + c.index + " closed after " + (System.nanoTime() - startedNanos) / 1_000_000
                                        + " ms");
                            }
                        });
                        c.socket.exceptionHandler(t -> error("connection " + c.index + ": " + t));
                        if (mode.equals("subscribe")) {
                            for (String p : prefix.split(",")) {
                                String addr = p + (c.index % addressCount);
                                c.socket.write(frame(new JsonObject().put("type", "register").put("address", addr)));
                            }
                        }
                        connected.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                        error("connect: " + ar.cause());
                    }
                    done.countDown();
                    pump[0].run();
                });
            };
            ctx.runOnContext(v -> {
                for (int k = 0; k < perLoopInFlight; k++) {
                    pump[0].run();
                }
            });
        }
        if (!done.await(180, TimeUnit.SECONDS)) {
            error("connect phase timed out");
        }
    }

    static Buffer frame(JsonObject json) {
        byte[] p = json.encode().getBytes(StandardCharsets.UTF_8);
        return Buffer.buffer(4 + p.length).appendInt(p.length).appendBytes(p);
    }

    private void go() {
        if (mode.equals("subscribe")) {
            return;
        }
        long start = System.nanoTime();
        for (int l = 0; l < contexts.length; l++) {
            List<Conn> mine = byLoop.get(l);
            contexts[l].runOnContext(v -> {
                for (Conn c : mine) {
                    c.schedule = new OpenLoopSchedule(start, rate, (c.index % 997) / 997.0);
                }
                vertx.setPeriodic(1, id -> {
                    long now = System.nanoTime();
                    for (int i = 0, n = mine.size(); i < n; i++) {
                        mine.get(i).sendDue(now);
                    }
                });
            });
        }
    }

    private long[] counters() {
        return new long[] {received.sum(), sent.sum(), errors.sum(), gapMarkers.sum(), droppedByGap.sum(),
                missingSeq.sum(), disconnects.sum()};
    }

    private void startWindow() {
        recorder.getIntervalHistogram();
        fromPublish.getIntervalHistogram();
        windowStart = counters();
    }

    private JsonObject report() {
        String histogram = encode(recorder.getIntervalHistogram());
        String histogramFromPublish = encode(fromPublish.getIntervalHistogram());
        long[] c = counters();
        return new JsonObject()
                .put("connected", connected.get()).put("failed", failed.get())
                .put("received", c[0] - windowStart[0]).put("sent", c[1] - windowStart[1])
                .put("errors", c[2] - windowStart[2]).put("gapMarkers", c[3] - windowStart[3])
                .put("droppedByGap", c[4] - windowStart[4]).put("missingSeq", c[5] - windowStart[5])
                .put("disconnects", c[6] - windowStart[6])
                .put("firstError", firstError)
                .put("histogram", histogram)
                .put("histogramFromPublish", histogramFromPublish);
    }

    private static String encode(Histogram h) {
        ByteBuffer buf = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int n = h.encodeIntoCompressedByteBuffer(buf);
        byte[] enc = new byte[n];
        buf.flip();
        buf.get(enc);
        return Base64.getEncoder().encodeToString(enc);
    }

    private void stop() {
        stopping = true;
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // exiting anyway
        }
        System.exit(0);
    }
}
