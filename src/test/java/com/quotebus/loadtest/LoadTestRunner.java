package com.quotebus.loadtest;

import com.quotebus.loadtest.Scenario.Kind;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * Runs the load-test scenarios, each against a fresh {@link LoadTestServer} JVM driven by one or more
 * {@link LoadGenerator} JVMs, and writes {@code loadtest/results/<date>/report.md} with PNG plots.
 *
 * <p>Per scenario: start the server, force GC and read heap/RSS (baseline); start the generators and
 * wait until every connection is up; force GC again (memory per connection); start traffic; after
 * the warm-up read the server's CPU time and counters, open the generators' measured window; after
 * the window read them again and collect the generators' histograms. Server CPU per message is the
 * server JVM's CPU time over the window divided by the messages it handled in the window.
 *
 * <p>Usage: {@code LoadTestRunner [--profile standard|long] [--out dir] [--no-jfr] [--only name,name] [--measure-ms N]}.
 */
public final class LoadTestRunner {
    static final int MAX_PER_GENERATOR = 9_500;
    /**
     * The server as in production (Dockerfile): a fixed heap touched at start. With a growing heap (-Xms1g
     * -Xmx4g) the kernel zeroed fresh pages for G1's expanding eden during the window: 19 % of the server's
     * CPU in {@code clear_page_erms} at 50k requests/s, a start-up effect that a long-running node does not have.
     */
    static final List<String> SERVER_JVM = List.of("-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch", "-XX:+UseG1GC");
    static final List<String> GENERATOR_JVM = List.of("-Xms256m", "-Xmx2g", "-XX:+UseParallelGC");

    private final Path out;
    private final Path raw;
    private final boolean jfr;
    /** A longer measured window for every scenario (profiling); 0 keeps the profile's. */
    int measureOverrideMs;
    /** A different warm-up for every scenario; 0 keeps the profile's. */
    int warmupOverrideMs;
    /** The server's Netty transport: epoll (the node's default) or nio. */
    String transport = "epoll";
    /** With {@code --pin}: the server on CPU 0, the generators on the other CPUs (taskset), so they do not share a core. */
    boolean pin;
    /** Extra JVM options for the server (profiling), space separated. */
    List<String> serverOpts = List.of();
    private final HttpClient http = HttpClient.newHttpClient();
    private final String java = ProcessHandle.current().info().command().orElse("java");
    private final String classpath = System.getProperty("java.class.path");

    LoadTestRunner(Path out, boolean jfr) {
        this.out = out;
        this.raw = out.resolve("raw");
        this.jfr = jfr;
    }

    public static void main(String[] args) throws Exception {
        Args a = Args.parse(args);
        String profile = a.value("profile", "standard");
        if (!profile.equals("standard") && !profile.equals("long")) {
            throw new IllegalArgumentException("--profile must be standard or long: " + profile);
        }
        String date = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm").withZone(ZoneOffset.UTC).format(Instant.now());
        Path out = Path.of(a.value("out", "loadtest/results/" + date + (profile.equals("long") ? "-long" : "")));
        Files.createDirectories(out.resolve("raw"));
        Proc.pidFile(out.resolve("raw/pids"));
        String only = a.value("only", "");
        LoadTestRunner runner = new LoadTestRunner(out, !a.flag("no-jfr"));
        runner.measureOverrideMs = a.intValue("measure-ms", 0);
        runner.warmupOverrideMs = a.intValue("warmup-ms", 0);
        runner.transport = a.value("transport", "epoll");
        runner.pin = a.flag("pin");
        String opts = a.value("server-opts", "").trim();
        runner.serverOpts = opts.isEmpty() ? List.of() : List.of(opts.split(" +"));
        Instant started = Instant.now();
        String loadBefore = loadAvg();
        List<Result> results = runner.runProfile(profile, only.isEmpty() ? List.of() : List.of(only.split(",")));
        String loadAfter = loadAvg();
        new Report(out, profile, results, started, Instant.now(), loadBefore, loadAfter,
                String.join(" ", args), runner.transport).write();
        System.out.println("report: " + out.resolve("report.md"));
        System.exit(0);
    }

    List<Result> runProfile(String profile, List<String> only) throws Exception {
        boolean lng = profile.equals("long");
        // 10 s: with 3 s, C2 was still compiling in the measured window (44 % of the server's samples at 10k conns).
        long warm = warmupOverrideMs > 0 ? warmupOverrideMs : 10_000;
        long measure = measureOverrideMs > 0 ? measureOverrideMs : lng ? 15_000 : 6_000;
        List<Scenario> plan = new ArrayList<>();
        plan.add(new Scenario("fanout-5k", Kind.FANOUT, 5_000, 2, 10, 50, warm, measure));
        plan.add(new Scenario("fanout-10k", Kind.FANOUT, 10_000, 2, 10, 100, warm, measure));
        if (lng) {
            plan.add(new Scenario("fanout-19k", Kind.FANOUT, 19_000, 2, 10, 190, warm, measure));
        }
        // The same 10 msg/s per client as a market-data app gets them: each client watches one of 100 symbols
        // (its tick, quote and bar addresses) and each trade updates all three at once (3.33 trades/s a symbol).
        plan.add(new Scenario("fanout-10k-symbol", Kind.FANOUT, 10_000, 2, 10 / 3.0, 100, warm, measure,
                List.of("tick.", "quote.", "kline.")));
        // Few clients at a high rate each: 50 connections × 2,000 msg/s, 5 subscribers per address.
        plan.add(new Scenario("fanout-50", Kind.FANOUT, 50, 2, 2_000, 10, warm, measure));
        // The same clients at a rate where each client gets several frames per publishing slot (1 ms), so
        // its writes coalesce: 50 connections × 4,000 msg/s (200,000 deliveries/s).
        plan.add(new Scenario("fanout-50-hot", Kind.FANOUT, 50, 2, 4_000, 10, warm, measure));
        // Twice that (400,000 deliveries/s, ~8 frames per client per slot): the rate the ≤ 1.5 µs target is about.
        plan.add(new Scenario("fanout-50-8k", Kind.FANOUT, 50, 2, 8_000, 10, warm, measure));
        plan.add(new Scenario("receive-50", Kind.RECEIVE, 50, 2, 2_000, 0, warm, measure));
        plan.add(new Scenario("forward-50", Kind.FORWARD, 50, 2, 2_000, 0, warm, measure));
        plan.add(new Scenario("request-50", Kind.REQUEST, 50, 2, lng ? 400 : 200, 0, warm, measure));
        // The same at a rate where the event loops batch: 50 connections × 1,000 requests/s.
        plan.add(new Scenario("request-50-hot", Kind.REQUEST, 50, 2, 1_000, 0, warm, measure));
        plan.add(new Scenario("routed-50", Kind.ROUTED_REQUEST, 50, 2, lng ? 400 : 200, 0, warm, measure));
        // Same rate, plain and routed: what the ServiceRouter adds. At 50k/s (routed-50-hot) the routed path
        // saturates the two cores shared with the generator JVM; without a retry budget the timeouts came back
        // as retries (3 attempts) and the run never recovered.
        plan.add(new Scenario("request-50-30k", Kind.REQUEST, 50, 2, 600, 0, warm, measure));
        plan.add(new Scenario("routed-50-30k", Kind.ROUTED_REQUEST, 50, 2, 600, 0, warm, measure));
        plan.add(new Scenario("routed-50-hot", Kind.ROUTED_REQUEST, 50, 2, 1_000, 0, warm, measure));
        for (int loops : new int[] {1, 2, 4}) {
            plan.add(new Scenario("loops-" + loops, Kind.FANOUT, 2_000, loops, 25, 20, warm, measure));
        }
        List<Result> results = new ArrayList<>();
        for (Scenario s : plan) {
            if (only.isEmpty() || only.contains(s.name())) {
                results.add(run(s));
            }
        }
        if (only.isEmpty() || only.contains("latency")) {
            // Saturation probe: offer far more than the box can deliver, then run at half what it achieved.
            Scenario probe = new Scenario("saturation", Kind.FANOUT, 1_000, 2, 400, 10, warm, measure);
            Result sat = run(probe);
            results.add(sat);
            double half = Math.max(1_000, sat.clientRate() / 2);
            double perAddress = Math.max(1, Math.round(half / 1_000));
            results.add(run(new Scenario("latency-half-sat", Kind.FANOUT, 1_000, 2, perAddress, 10, warm, measure)));
        }
        // Tick → client latency at fixed lower rates (the same 1,000 clients, 100 per address): where p99 stays low.
        for (int perAddress : new int[] {100, 50}) { // × 1,000 clients: 100k and 50k deliveries/s
            String name = "latency-" + perAddress + "k";
            if (only.isEmpty() || only.contains(name) || only.contains("latency")) {
                results.add(run(new Scenario(name, Kind.FANOUT, 1_000, 2, perAddress, 10, warm, measure)));
            }
        }
        return results;
    }

    Result run(Scenario s) throws Exception {
        System.out.println("== " + s.name() + ": " + s);
        int port = freePort();
        int control = freePort();
        while (control == port) { // both asked of the OS one after the other: the same free port can come back
            control = freePort();
        }
        int cpus = Runtime.getRuntime().availableProcessors();
        List<String> cmd = new ArrayList<>(pin ? List.of("taskset", "-c", "0", java) : List.of(java));
        // A collector chosen in --server-opts replaces the default one (two would stop the JVM).
        java.util.function.Predicate<String> gcFlag = o -> o.matches("-XX:\\+Use\\w+GC");
        cmd.addAll(serverOpts.stream().anyMatch(gcFlag) ? SERVER_JVM.stream().filter(gcFlag.negate()).toList()
                : SERVER_JVM);
        cmd.addAll(serverOpts);
        if (jfr) {
            cmd.add("-XX:StartFlightRecording=filename=" + raw.resolve(s.name() + ".jfr") + ",settings=profile,dumponexit=true");
        }
        cmd.addAll(List.of("-cp", classpath, LoadTestServer.class.getName(), "--port", "" + port,
                "--control-port", "" + control, "--event-loops", "" + s.eventLoops(), "--transport", transport,
                "--routed", "" + (s.kind() == Kind.ROUTED_REQUEST)));
        Proc server = new Proc("server", cmd, raw.resolve(s.name() + "-server.log"));
        List<Proc> gens = new ArrayList<>();
        Result r = new Result(s);
        r.loadBefore = loadAvg();
        try {
            server.await("READY", 60_000);
            JsonObject base = post(control, "/gc");
            r.baseHeap = base.getLong("heapUsed");
            r.baseRss = base.getLong("rssBytes");
            int n = (s.connections() + MAX_PER_GENERATOR - 1) / MAX_PER_GENERATOR;
            int first = 0;
            for (int g = 0; g < n; g++) {
                int count = s.connections() / n + (g < s.connections() % n ? 1 : 0);
                List<String> gc = new ArrayList<>(pin ? List.of("taskset", "-c", "1-" + (cpus - 1), java)
                        : List.of(java));
                gc.addAll(GENERATOR_JVM);
                gc.addAll(List.of("-cp", classpath, LoadGenerator.class.getName(), "--mode", s.kind().mode,
                        "--port", "" + port, "--connections", "" + count, "--first-index", "" + first,
                        "--addresses", "" + Math.max(1, s.addresses()), "--rate", "" + s.rate(),
                        "--prefix", String.join(",", s.prefixes()),
                        "--event-loops", s.connections() > 1000 || s.offeredRate() > 150_000 ? "2" : "1"));
                gens.add(new Proc("gen" + g, gc, raw.resolve(s.name() + "-gen" + g + ".log")));
                first += count;
            }
            for (Proc g : gens) {
                String[] c = g.await("CONNECTED", 240_000).split(" ");
                r.connected += Integer.parseInt(c[1]);
                r.connectFailures += Integer.parseInt(c[2]);
            }
            Thread.sleep(500); // registrations reach the hub
            JsonObject held = post(control, "/gc");
            r.connHeap = held.getLong("heapUsed");
            r.connRss = held.getLong("rssBytes");
            if (s.kind() == Kind.FANOUT) {
                r.frameBytes = post(control, "/publish?addresses=" + s.addresses() + "&rate=" + s.rate()
                        + "&bytes=200&prefix=" + String.join(",", s.prefixes())).getInteger("frameBytes");
            } else {
                r.frameBytes = 200;
            }
            for (Proc g : gens) {
                g.command("GO");
            }
            Thread.sleep(s.warmupMs());
            JsonObject s0 = get(control, "/stats");
            r.windowStart = Instant.now();
            for (Proc g : gens) {
                g.command("MEASURE");
            }
            Thread.sleep(s.measureMs());
            JsonObject s1 = get(control, "/stats");
            r.windowEnd = Instant.now();
            for (Proc g : gens) {
                g.command("REPORT");
            }
            for (Proc g : gens) {
                r.addGenerator(new JsonObject(g.await("RESULT ", 60_000).substring(7)));
            }
            r.setServer(s0, s1);
            r.loadAfter = loadAvg();
            post(control, "/publish/stop");
        } finally {
            for (Proc g : gens) {
                g.command("STOP");
            }
            for (Proc g : gens) {
                g.finish(15_000);
            }
            try {
                post(control, "/exit");
            } catch (Exception e) {
                // already gone
            }
            server.finish(30_000);
        }
        if (jfr) {
            r.profile = JfrSummary.summarise(raw.resolve(s.name() + ".jfr"), r.windowStart, r.windowEnd);
        }
        System.out.println("   " + r.oneLine());
        return r;
    }

    private JsonObject get(int port, String path) throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET());
    }

    private JsonObject post(int port, String path) throws IOException, InterruptedException {
        return call(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    private JsonObject call(HttpRequest.Builder b) throws IOException, InterruptedException {
        HttpResponse<String> resp = http.send(b.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (resp.statusCode() != 200) {
            throw new IOException("control " + resp.uri() + ": HTTP " + resp.statusCode());
        }
        return new JsonObject(resp.body());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String loadAvg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** Figures of one scenario. */
    static final class Result {
        final Scenario scenario;
        int connected;
        int connectFailures;
        long baseHeap;
        long baseRss;
        long connHeap;
        long connRss;
        int frameBytes;
        Instant windowStart;
        Instant windowEnd;
        double windowSec;
        long cpuNanos;
        long fakesCpuNanos;
        long sysNanos;
        long runQueueWaitNanos;
        long messages;
        long framesOut;
        long framesIn;
        long socketWrites;
        long serverDropped;
        long serverGapMarkers;
        long serverErrors;
        long publisherMaxLagNanos;
        long clientReceived;
        long clientSent;
        long clientErrors;
        long clientGapMarkers;
        long clientMissing;
        long disconnects;
        String firstError;
        String loadBefore;
        String loadAfter;
        final Histogram histogram = new Histogram(3);
        /** Fan-out: latency from the publisher's actual publish time (its own timer's lateness left out). */
        final Histogram fromPublish = new Histogram(3);
        JfrSummary profile;

        Result(Scenario scenario) {
            this.scenario = scenario;
        }

        void addGenerator(JsonObject g) {
            clientReceived += g.getLong("received");
            clientSent += g.getLong("sent");
            clientErrors += g.getLong("errors");
            clientGapMarkers += g.getLong("gapMarkers");
            clientMissing += g.getLong("missingSeq");
            disconnects += g.getLong("disconnects");
            if (firstError == null) {
                firstError = g.getString("firstError");
            }
            histogram.add(decode(g.getString("histogram")));
            fromPublish.add(decode(g.getString("histogramFromPublish")));
        }

        private static Histogram decode(String base64) {
            try {
                return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 0);
            } catch (java.util.zip.DataFormatException e) {
                throw new IllegalStateException("bad histogram from a generator", e);
            }
        }

        void setServer(JsonObject s0, JsonObject s1) {
            windowSec = (s1.getLong("nanoTime") - s0.getLong("nanoTime")) / 1e9;
            cpuNanos = s1.getLong("cpuNanos") - s0.getLong("cpuNanos");
            fakesCpuNanos = s1.getLong("fakesCpuNanos") - s0.getLong("fakesCpuNanos");
            sysNanos = s1.getLong("sysNanos") - s0.getLong("sysNanos");
            runQueueWaitNanos = s1.getLong("runQueueWaitNanos") - s0.getLong("runQueueWaitNanos");
            JsonObject b0 = s0.getJsonObject("bridge");
            JsonObject b1 = s1.getJsonObject("bridge");
            framesOut = b1.getLong("framesOut") - b0.getLong("framesOut");
            framesIn = b1.getLong("framesIn") - b0.getLong("framesIn");
            socketWrites = b1.getLong("socketWrites") - b0.getLong("socketWrites");
            serverDropped = b1.getLong("dropped") - b0.getLong("dropped");
            serverGapMarkers = b1.getLong("gapMarkers") - b0.getLong("gapMarkers");
            serverErrors = b1.getLong("errors") - b0.getLong("errors");
            publisherMaxLagNanos = s1.getLong("publisherMaxLagNanos");
            messages = switch (scenario.kind()) {
                case FANOUT -> framesOut;
                case RECEIVE -> framesIn;
                case FORWARD -> s1.getLong("sinkReceived") - s0.getLong("sinkReceived");
                case REQUEST, ROUTED_REQUEST -> s1.getLong("echoed") - s0.getLong("echoed");
            };
        }

        /** Milliseconds per second the server's threads waited for a CPU while runnable. */
        double runQueueWaitMsPerSec() {
            return windowSec == 0 ? 0 : runQueueWaitNanos / 1e6 / windowSec;
        }

        double rate() {
            return windowSec == 0 ? 0 : messages / windowSec;
        }

        double clientRate() {
            return windowSec == 0 ? 0 : clientReceived / windowSec;
        }

        double cpuMicrosPerMessage() {
            return messages == 0 ? Double.NaN : cpuNanos / 1e3 / messages;
        }

        /** The gateway's share: the server JVM's CPU time less the fakes' thread (publisher, services). */
        double gatewayMicrosPerMessage() {
            return messages == 0 ? Double.NaN : (cpuNanos - fakesCpuNanos) / 1e3 / messages;
        }

        /** Share of the server's CPU time spent in the kernel, in percent. */
        double sysPercentOfCpu() {
            return cpuNanos == 0 ? 0 : 100.0 * sysNanos / cpuNanos;
        }

        double cpuPercent() {
            return windowSec == 0 ? 0 : 100.0 * cpuNanos / 1e9 / windowSec;
        }

        double heapPerConnKb() {
            return connected == 0 ? Double.NaN : (connHeap - baseHeap) / 1024.0 / connected;
        }

        double rssPerConnKb() {
            return connected == 0 ? Double.NaN : (connRss - baseRss) / 1024.0 / connected;
        }

        boolean hasLatency() {
            return histogram.getTotalCount() > 0 && scenario.kind() != Kind.RECEIVE
                    && scenario.kind() != Kind.FORWARD;
        }

        String oneLine() {
            return String.format("%s: %,.0f msg/s, server CPU %.0f%% (%.0f%% kernel), %.2f µs/msg (gateway %.2f), "
                            + "heap/conn %.1f KB, p99 %s (from publish %s), errors %d, gaps %d, disconnects %d",
                    scenario.name(), rate(),
                    cpuPercent(), sysPercentOfCpu(), cpuMicrosPerMessage(), gatewayMicrosPerMessage(), heapPerConnKb(),
                    hasLatency() ? Report.ms(histogram.getValueAtPercentile(99)) : "-",
                    fromPublish.getTotalCount() > 0 ? Report.ms(fromPublish.getValueAtPercentile(99)) : "-",
                    clientErrors + serverErrors, clientGapMarkers + clientMissing, disconnects);
        }
    }
}
