package com.quotebus.bench;

import com.quotebus.access.bridge.AccessGatewayVerticle;
import com.quotebus.access.bridge.AddressPermit;
import com.quotebus.access.bridge.BridgeMetrics;
import com.quotebus.access.bridge.BridgeServerOptions;
import com.quotebus.access.bridge.SubscriptionHub;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import java.lang.management.ManagementFactory;
import java.lang.management.GarbageCollectorMXBean;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fan-out load test of the bridge over loopback, two processes (not a JMH benchmark, not a test).
 *
 * <pre>
 * server:  java -cp CP com.quotebus.bench.BridgeFanoutLoadBenchmark server PORT EVENT_LOOPS ADDRESSES PUBLISH_PER_SEC WARMUP_S MEASURE_S CONNECTIONS
 * clients: java -cp CP com.quotebus.bench.BridgeFanoutLoadBenchmark clients PORT CONNECTIONS ADDRESSES PER_CONNECTION
 * </pre>
 *
 * The server publishes {@code PUBLISH_PER_SEC} messages (~200-byte frames) spread over
 * {@code quote.0..ADDRESSES-1} on a fixed 10 ms schedule, waits for {@code CONNECTIONS} clients, warms
 * up, then reports its own CPU time (process CPU, all threads, GC included) per delivered frame.
 * Each client connection subscribes to {@code PER_CONNECTION} consecutive addresses and counts frames.
 */
public final class BridgeFanoutLoadBenchmark {
    private BridgeFanoutLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("server")) {
            server(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]), Integer.parseInt(args[5]), Integer.parseInt(args[6]),
                    Integer.parseInt(args[7]));
        } else {
            clients(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4]));
        }
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** utime and stime of this process in clock ticks (1/100 s), from /proc/self/stat. */
    private static long[] userSystemTicks() {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
        } catch (java.io.IOException e) {
            return new long[] {0, 0};
        }
    }

    private static long gcMillis() {
        long t = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            t += gc.getCollectionTime();
        }
        return t;
    }

    static void server(int port, int loops, int addresses, int perSecond, int warmupS, int measureS,
                       int expectedConnections) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(loops + 1));
        BridgeServerOptions options = BridgeServerOptions.builder().host("0.0.0.0").port(port).idleTimeoutMs(0)
                .outboundPermits(List.of(AddressPermit.regex("quote\\..+")))
                .maxSubscriptionsPerConnection(10_000).build();
        BridgeMetrics metrics = new BridgeMetrics();
        SubscriptionHub hub = new SubscriptionHub(vertx, options, metrics);
        vertx.deployVerticle(() -> new AccessGatewayVerticle(options, hub, null),
                new DeploymentOptions().setInstances(loops)).await();
        // Bodies prepared once: the publisher stands in for the cluster bus and should cost little.
        JsonObject[] bodies = new JsonObject[addresses];
        for (int i = 0; i < addresses; i++) {
            bodies[i] = new JsonObject().put("code", String.format("%06d.SH", i)).put("last", 101200)
                    .put("open", 100000).put("high", 102000).put("low", 99000).put("volume", 123456789L)
                    .put("amount", 98765432100L).put("bid1", 101100).put("ask1", 101300).put("ts", 0L);
        }
        int perTick = perSecond / 100;
        AtomicInteger cursor = new AtomicInteger();
        long start = System.nanoTime();
        long[] ticks = {0};
        vertx.setPeriodic(10, id -> {
            // Open loop: catch up to the schedule measured from the start, whatever the timer jitter.
            long due = (System.nanoTime() - start) / 10_000_000L;
            while (ticks[0] < due) {
                ticks[0]++;
                for (int i = 0; i < perTick; i++) {
                    int a = Math.floorMod(cursor.getAndIncrement(), addresses);
                    bodies[a].put("ts", System.nanoTime());
                    vertx.eventBus().publish("quote." + a, bodies[a]);
                }
            }
        });
        System.out.printf("server listening on %d, %d event loops, publishing %d/s over %d addresses%n", port, loops,
                perSecond, addresses);
        while (metrics.snapshot().connectionsActive() < expectedConnections
                || metrics.snapshot().subscriptions() < expectedConnections) {
            Thread.sleep(1000);
            System.out.printf("connections %d subscriptions %d%n", metrics.snapshot().connectionsActive(),
                    metrics.snapshot().subscriptions());
        }
        Thread.sleep(warmupS * 1000L);
        BridgeMetrics.Snapshot m0 = metrics.snapshot();
        long cpu0 = cpuNanos();
        long[] us0 = userSystemTicks();
        long gc0 = gcMillis();
        long t0 = System.nanoTime();
        Thread.sleep(measureS * 1000L);
        BridgeMetrics.Snapshot m1 = metrics.snapshot();
        long cpu1 = cpuNanos();
        long[] us1 = userSystemTicks();
        long gc1 = gcMillis();
        long t1 = System.nanoTime();
        double seconds = (t1 - t0) / 1e9;
        long frames = m1.framesOut() - m0.framesOut();
        long writes = m1.socketWrites() - m0.socketWrites();
        long published = m1.messagesFromBus() - m0.messagesFromBus();
        Runtime rt = Runtime.getRuntime();
        System.gc();
        Thread.sleep(500);
        long heapUsed = rt.totalMemory() - rt.freeMemory();
        System.out.printf("RESULT connections=%d loops=%d published/s=%.0f delivered/s=%.0f writes/s=%.0f "
                        + "frames/write=%.2f cpu=%.1f%% cpu_us_per_delivery=%.3f gc_ms=%d bytes/frame=%.0f "
                        + "heap_after_gc_MB=%.1f conflated=%d dropped=%d user_ticks=%d system_ticks=%d%n",
                m1.connectionsActive(), loops, published / seconds, frames / seconds, writes / seconds,
                frames / (double) Math.max(1, writes), 100.0 * (cpu1 - cpu0) / (t1 - t0),
                (cpu1 - cpu0) / 1000.0 / Math.max(1, frames), gc1 - gc0,
                (m1.bytesOut() - m0.bytesOut()) / (double) Math.max(1, frames), heapUsed / 1e6,
                m1.conflated(), m1.dropped(), us1[0] - us0[0], us1[1] - us0[1]);
        vertx.close().await();
    }

    /** The publisher stamps System.nanoTime() (CLOCK_MONOTONIC, system-wide on Linux) into "ts". */
    private static void recordLatency(String frame, org.HdrHistogram.Recorder latency) {
        int at = frame.indexOf("\"ts\":");
        if (at < 0) {
            return;
        }
        int end = at + 5;
        while (end < frame.length() && Character.isDigit(frame.charAt(end))) {
            end++;
        }
        long delay = System.nanoTime() - Long.parseLong(frame.substring(at + 5, end));
        if (delay > 0) {
            latency.recordValue(delay);
        }
    }

    static void clients(int port, int connections, int addresses, int perConnection) throws Exception {
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
        LongAdder frames = new LongAdder();
        LongAdder bytes = new LongAdder();
        AtomicInteger sample = new AtomicInteger();
        org.HdrHistogram.Recorder latency = new org.HdrHistogram.Recorder(3);
        AtomicInteger connected = new AtomicInteger();
        NetClient[] clients = new NetClient[8];
        for (int i = 0; i < clients.length; i++) {
            // Several source addresses: one destination port takes ~28k connections per source address.
            clients[i] = vertx.createNetClient(new NetClientOptions().setLocalAddress("127.0.0." + (2 + i))
                    .setTcpNoDelay(true));
        }
        for (int c = 0; c < connections; c++) {
            int first = c;
            NetSocket socket = clients[c % clients.length].connect(SocketAddress.inetSocketAddress(port, "127.0.0.1"))
                    .await();
            int[] st = new int[3]; // length bytes seen, length so far, payload bytes still to skip
            socket.handler(data -> {
                // Count frames by their length prefixes; no JSON decoding on the client side.
                bytes.add(data.length());
                int i = 0;
                int n = data.length();
                while (i < n) {
                    if (st[2] > 0) {
                        int k = Math.min(st[2], n - i);
                        i += k;
                        st[2] -= k;
                        if (st[2] == 0) {
                            frames.increment();
                        }
                        continue;
                    }
                    st[1] = (st[1] << 8) | (data.getByte(i++) & 0xff);
                    if (++st[0] == 4) {
                        if (i + st[1] <= n && (sample.incrementAndGet() & 63) == 0) {
                            recordLatency(data.getString(i, i + st[1]), latency);
                        }
                        st[2] = st[1];
                        st[0] = 0;
                        st[1] = 0;
                    }
                }
            });
            Buffer subscribe = Buffer.buffer();
            for (int j = 0; j < perConnection; j++) {
                byte[] json = new JsonObject().put("type", "register")
                        .put("address", "quote." + Math.floorMod(first * perConnection + j, addresses)).encode()
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                subscribe.appendInt(json.length).appendBytes(json);
            }
            socket.write(subscribe);
            if (connected.incrementAndGet() % 1000 == 0) {
                System.out.println("connected " + connected.get());
            }
        }
        long last = frames.sum();
        while (true) {
            Thread.sleep(5000);
            long now = frames.sum();
            org.HdrHistogram.Histogram h = latency.getIntervalHistogram();
            System.out.printf("clients received %.0f frames/s (%d connections); publish->client latency us "
                            + "p50=%d p99=%d p99.9=%d max=%d (n=%d, 1/64 sampled)%n", (now - last) / 5.0,
                    connected.get(), h.getValueAtPercentile(50) / 1000, h.getValueAtPercentile(99) / 1000,
                    h.getValueAtPercentile(99.9) / 1000, h.getMaxValue() / 1000, h.getTotalCount());
            last = now;
        }
    }
}
