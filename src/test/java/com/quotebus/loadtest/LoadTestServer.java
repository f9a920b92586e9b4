package com.quotebus.loadtest;

import com.quotebus.access.bridge.AccessGatewayVerticle;
import com.quotebus.access.bridge.BridgeMetrics;
import com.quotebus.access.bridge.BridgeServerOptions;
import com.quotebus.access.bridge.RequestRouter;
import com.quotebus.access.bridge.SubscriptionHub;
import com.quotebus.cluster.registry.RegistryConfig;
import com.quotebus.cluster.registry.ServiceInstance;
import com.quotebus.cluster.registry.ServiceRegistration;
import com.quotebus.access.routing.AccessRouting;
import com.quotebus.access.routing.RoutedRequests;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.Message;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.VertxInternal;
import io.vertx.core.json.JsonObject;
import io.vertx.core.transport.Transport;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The system under test: one standalone (non-clustered) Vert.x node running the access gateway
 * ({@link AccessGatewayVerticle}, one instance per event loop, one shared {@link SubscriptionHub}) plus
 * fakes on the local event bus: a tick publisher ({@link TickPublisher}), a counting service
 * {@code svc.sink} and an echo service {@code svc.echo}. Nothing listens on {@code svc.drop}: a publish
 * there is received and decoded by the gateway and then dropped by the bus (receive-only capacity). With
 * {@code --routed true}, {@code svc.*} requests take the production path: the {@code ServiceRouter} (registry,
 * round-robin over two registered echo instances, retry bookkeeping, Prometheus metrics).
 *
 * <p>A control HTTP endpoint on 127.0.0.1 reports the process's own CPU time, memory and the gateway's
 * counters, so CPU per message is measured for this JVM alone:
 * {@code GET /stats}, {@code POST /gc}, {@code POST /publish?addresses=K&rate=R&bytes=B},
 * {@code POST /publish/stop}, {@code POST /exit}.
 *
 * <p>Usage: {@code LoadTestServer --port 7000 --control-port 7001 --event-loops 2 [--transport epoll|io_uring|nio]}; prints
 * {@code READY <port> <controlPort> <pid>} when listening.
 */
public final class LoadTestServer {
    static final String SINK = "svc.sink";
    static final String ECHO = "svc.echo";
    static final String DROP = "svc.drop";

    private final Vertx vertx;
    private final BridgeMetrics metrics = new BridgeMetrics();
    private final LongAdder sinkReceived = new LongAdder();
    private final LongAdder echoed = new LongAdder();
    private final int eventLoops;
    /**
     * The fakes (publisher, sink, echo services) run on their own thread, not on the gateway's event loops: as
     * in a deployment, where they are other processes, and so that their CPU time can be told apart from the
     * gateway's ({@code fakesCpuNanos}). Requests and ticks cross between the two threads as they cross
     * between the cluster connection's loop and the gateway's.
     */
    private final io.netty.channel.EventLoopGroup fakesGroup;
    private final ContextInternal fakes;
    private final long fakesThreadId;
    private TickPublisher publisher;

    private LoadTestServer(int eventLoops, Transport transport) {
        this.eventLoops = eventLoops;
        if (!transport.available()) {
            throw new IllegalStateException(transport.name() + " transport unavailable: "
                    + transport.unavailabilityCause());
        }
        this.vertx = Vertx.builder().with(new VertxOptions().setEventLoopPoolSize(eventLoops))
                .withTransport(transport).build();
        // an event loop like the gateway's (same transport, so the same wake-up mechanism), outside Vert.x's pool
        io.netty.channel.IoHandlerFactory handler = transport == Transport.EPOLL
                ? io.netty.channel.epoll.EpollIoHandler.newFactory()
                : transport == Transport.IO_URING ? io.netty.channel.uring.IoUringIoHandler.newFactory()
                : io.netty.channel.nio.NioIoHandler.newFactory();
        this.fakesGroup = new io.netty.channel.MultiThreadIoEventLoopGroup(1,
                (java.util.concurrent.ThreadFactory) r -> new Thread(r, "loadtest-fakes"), handler);
        io.netty.channel.EventLoop fakesLoop = fakesGroup.next();
        this.fakes = ((VertxInternal) vertx).contextBuilder().withEventLoop(fakesLoop).build();
        try {
            this.fakesThreadId = fakesLoop.submit(() -> Thread.currentThread().getId()).get();
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("fakes thread did not start", e);
        }
    }

    /** Runs {@code action} on the fakes' context (consumers and timers it creates live there) and waits for its result. */
    private <T> T onFakes(java.util.function.Supplier<io.vertx.core.Future<T>> action) throws Exception {
        return io.vertx.core.Future.<T>future(p -> fakes.runOnContext(v -> action.get().onComplete(p)))
                .toCompletionStage().toCompletableFuture().get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        int port = a.intValue("port", 7000);
        int controlPort = a.intValue("control-port", 7001);
        int loops = a.intValue("event-loops", 2);
        String host = a.value("host", "127.0.0.1");
        Transport transport = switch (a.value("transport", "epoll")) {
            case "epoll" -> Transport.EPOLL;
            case "io_uring" -> Transport.IO_URING;
            case "nio" -> Transport.NIO;
            default -> throw new IllegalArgumentException("--transport must be epoll, io_uring or nio");
        };
        LoadTestServer server = new LoadTestServer(loops, transport);
        server.start(host, port, controlPort, Boolean.parseBoolean(a.value("routed", "false")));
        System.out.println("READY " + port + " " + controlPort + " " + ProcessHandle.current().pid());
        System.out.flush();
    }

    private void start(String host, int port, int controlPort, boolean routed) throws Exception {
        BridgeServerOptions options = BridgeServerOptions.builder()
                .host(host).port(port)
                .idleTimeoutMs(0)                 // generators send no pings
                .rateLimitPerSecond(10_000_000)   // capacity tests: the per-client limit is not what is measured
                .rateLimitBurst(1_000_000)
                .maxInFlightRequestsPerConnection(65_536)
                .build();
        SubscriptionHub hub = new SubscriptionHub(vertx, options, metrics);
        Handler<Message<Object>> echo = m -> {
            echoed.increment();
            m.reply(m.body());
        };
        onFakes(() -> io.vertx.core.Future.all(
                vertx.eventBus().consumer(SINK, m -> sinkReceived.increment()).completion(),
                vertx.eventBus().consumer(ECHO, echo).completion()));
        RequestRouter router = null;
        if (routed) {
            // as a node routes svc.*: the router picks one of two registered echo instances (round-robin)
            // The echo instances heartbeat from this process's own (loaded) event loops, unlike real services in
            // their own processes: a long TTL keeps an overloaded run from expiring them (failover is not measured).
            AccessRouting.Settings d = AccessRouting.Settings.DEFAULT;
            AccessRouting.Settings settings = d.withRegistry(new RegistryConfig(Duration.ofMinutes(5),
                    d.registry().mapName()));
            AccessRouting routing = AccessRouting.local(vertx, settings, Clock.systemUTC(),
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
            for (String id : List.of("echo-1", "echo-2")) {
                ServiceInstance instance = ServiceInstance.of("echo", id, "loadtest");
                onFakes(() -> ServiceRegistration.start(vertx, routing.registry(), instance, Duration.ofSeconds(1),
                        () -> 0).compose(r -> vertx.eventBus().consumer(instance.address(), echo).completion()));
            }
            router = new RoutedRequests(routing::router);
        }
        RequestRouter gatewayRouter = router;
        vertx.deployVerticle(() -> new AccessGatewayVerticle(options, hub, gatewayRouter),
                new DeploymentOptions().setInstances(eventLoops)).toCompletionStage().toCompletableFuture().get();
        vertx.createHttpServer().requestHandler(this::control).listen(controlPort, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get();
    }

    private void control(HttpServerRequest req) {
        String path = req.path();
        switch (path) {
            case "/stats" -> req.response().end(stats().encode());
            case "/gc" -> vertx.executeBlocking(() -> {
                for (int i = 0; i < 3; i++) {
                    System.gc();
                    Thread.sleep(100);
                }
                return new JsonObject().put("heapUsed", heapUsed()).put("rssBytes", rssBytes());
            }).onComplete(ar -> req.response().end(ar.succeeded() ? ar.result().encode()
                    : new JsonObject().put("error", String.valueOf(ar.cause())).encode()));
            case "/publish" -> {
                int addresses = Integer.parseInt(req.getParam("addresses", "1"));
                double rate = Double.parseDouble(req.getParam("rate", "10"));
                int bytes = Integer.parseInt(req.getParam("bytes", "200"));
                String prefix = req.getParam("prefix", "tick.");
                stopPublisher();
                TickPublisher p = new TickPublisher(prefix, addresses, rate, bytes);
                publisher = p;
                fakes.runOnContext(v -> {
                    p.start(vertx);
                    req.response().end(new JsonObject().put("ok", true)
                            .put("frameBytes", p.frameBytesEstimate()).encode());
                });
            }
            case "/publish/stop" -> {
                stopPublisher();
                req.response().end("{}");
            }
            case "/exit" -> {
                req.response().end("{}").onComplete(v -> vertx.close().onComplete(c -> {
                    fakesGroup.shutdownGracefully();
                    System.exit(0);
                }));
            }
            default -> req.response().setStatusCode(404).end();
        }
    }

    private void stopPublisher() {
        TickPublisher p = publisher;
        if (p != null) {
            fakes.runOnContext(v -> p.stop());
        }
    }

    private JsonObject stats() {
        BridgeMetrics.Snapshot s = metrics.snapshot();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        JsonObject bridge = new JsonObject()
                .put("connectionsOpened", s.connectionsOpened()).put("connectionsActive", s.connectionsActive())
                .put("subscriptions", s.subscriptions()).put("consumers", s.consumers())
                .put("framesIn", s.framesIn()).put("bytesIn", s.bytesIn())
                .put("framesOut", s.framesOut()).put("bytesOut", s.bytesOut())
                .put("socketWrites", s.socketWrites()).put("messagesFromBus", s.messagesFromBus())
                .put("conflated", s.conflated()).put("dropped", s.dropped()).put("gapMarkers", s.gapMarkers())
                .put("requests", s.requests()).put("requestFailures", s.requestFailures())
                .put("encodeFailures", s.encodeFailures());
        long errors = 0;
        JsonObject byCode = new JsonObject();
        for (var e : s.errors().entrySet()) {
            errors += e.getValue();
            if (e.getValue() > 0) {
                byCode.put(e.getKey().name(), e.getValue());
            }
        }
        bridge.put("errors", errors).put("errorsByCode", byCode);
        TickPublisher p = publisher;
        return new JsonObject()
                .put("nanoTime", System.nanoTime())
                .put("cpuNanos", os.getProcessCpuTime())
                .put("fakesCpuNanos", ManagementFactory.getThreadMXBean().getThreadCpuTime(fakesThreadId))
                .put("sysNanos", systemCpuNanos())
                .put("heapUsed", heapUsed())
                .put("rssBytes", rssBytes())
                .put("runQueueWaitNanos", runQueueWaitNanos())
                .put("eventLoops", eventLoops)
                .put("sinkReceived", sinkReceived.sum())
                .put("echoed", echoed.sum())
                .put("published", p == null ? 0 : p.published())
                .put("publisherMaxLagNanos", p == null ? 0 : p.maxLagNanos())
                .put("bridge", bridge);
    }

    /**
     * CPU time this process spent in the kernel (field 15 of {@code /proc/self/stat}, clock ticks of
     * 10 ms); -1 when unavailable. Socket reads and writes, epoll and wake-ups of other threads are here.
     */
    static long systemCpuNanos() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[12]) * 10_000_000L; // fields from 3 on: stime is field 15
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long heapUsed() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Time this process's threads spent runnable but waiting for a CPU (sum of the second field of
     * {@code /proc/self/task/<tid>/schedstat}); -1 when unavailable. On a shared machine this is what
     * turns into latency without costing the server any CPU.
     */
    static long runQueueWaitNanos() {
        long sum = 0;
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                try {
                    String[] f = Files.readString(t.resolve("schedstat")).trim().split(" ");
                    sum += Long.parseLong(f[1]);
                } catch (IOException | RuntimeException e) {
                    // thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return sum;
    }

    static ContextInternal newEventLoopContext(Vertx vertx) {
        return ((VertxInternal) vertx).createEventLoopContext();
    }
}
