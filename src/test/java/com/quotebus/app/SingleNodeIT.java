package com.quotebus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.config.ConfigLoader;
import com.quotebus.testkit.BridgeTestClient;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The README's run path in one JVM: the shipped verticles.conf with all roles (simulator → SZSE A/B lines →
 * collector → calculator → gateway), ports moved to free ones, a small fast market. Checks what a client
 * of a fresh system sees over real sockets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SingleNodeIT {
    Path dir;
    QuotebusNode node;
    BridgeTestClient client;

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @BeforeAll
    void start() throws Exception {
        dir = Files.createTempDirectory("single-node-it");
        int sim = freePort();
        String conf = Files.readString(Path.of("verticles.conf")).replace("port = 9100", "port = " + sim);
        Path file = dir.resolve("verticles.conf");
        Files.writeString(file, conf);
        JsonObject root = ConfigLoader.read(file);
        int hz = 6100 + (int) (Math.random() * 300);
        Map<String, String> props = new HashMap<>();
        props.put("quotebus.cluster.name", "single-node-it-" + UUID.randomUUID());
        props.put("quotebus.cluster.port", Integer.toString(hz));
        props.put("quotebus.cluster.members", "127.0.0.1:" + hz);
        props.put("quotebus.access.port", "0");
        props.put("quotebus.access.admin-token", "it-token");
        props.put("quotebus.http.port", "0");
        props.put("quotebus.data.dir", dir.resolve("data").toString());
        props.put("quotebus.collector.journal.directory", dir.resolve("data/journal").toString());
        props.put("quotebus.simulator.symbols", "40");
        props.put("quotebus.simulator.rate", "200");
        props.put("quotebus.simulator.seed-minute-days", "2");
        props.put("quotebus.clock.start-time", "09:31");
        props.put("quotebus.clock.speed", "5");
        props.put("quotebus.collector.leader.type", "single");
        node = QuotebusNode.start(QuotebusConfig.from(ConfigLoader.checked(root, props, Map.of(), w -> {}))).toCompletionStage().toCompletableFuture()
                .get(90, TimeUnit.SECONDS);
        // as the start banner does: every role serves (calculators live, services registered, the collector fed),
        // and the simulated market has been let go
        node.whenReady().toCompletionStage().toCompletableFuture().get(90, TimeUnit.SECONDS);
        client = new BridgeTestClient("127.0.0.1", node.gatewayPort());
    }

    @AfterAll
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (node != null) {
            node.stop().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private JsonObject ok(String address, JsonObject body) throws Exception {
        JsonObject f = client.request(address, body, 5_000);
        assertThat(f.getString("type")).as(address + " " + body + " → " + f).isEqualTo("message");
        return f.getJsonObject("body");
    }

    @Test
    void theReadyNodeReportsACheckPerRoleInReadinessAndStatus() throws Exception {
        Readiness.Report report = node.readiness().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(report.checks().keySet()).containsExactly("collector", "calculators", "gateway", "services");
        assertThat(report.ready()).as(report.notReady()).isTrue();
        JsonObject status = node.status().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertThat(status.getBoolean("ready")).isTrue();
        assertThat(status.getJsonObject("readiness").fieldNames())
                .containsExactly("collector", "calculators", "gateway", "services");
    }

    @Test
    void aFreshSystemServesHistoryLiveTicksAndEveryQuery() throws Exception {
        JsonArray instruments = ok("svc.instruments", new JsonObject()).getJsonArray("instruments");
        assertThat(instruments.size()).isEqualTo(42);
        String code = instruments.getJsonObject(0).getString("code");

        // history from the first second: a year and more of day bars, and indicators over them
        JsonArray bars = ok("svc.kline", new JsonObject().put("code", code).put("period", "day").put("count", 300))
                .getJsonArray("bars");
        assertThat(bars.size()).isGreaterThanOrEqualTo(250);
        JsonObject macd = ok("svc.indicator", new JsonObject().put("code", code).put("period", "day")
                .put("name", "MACD").put("count", 20));
        assertThat(macd.getJsonObject("values").getJsonArray("DIF").getValue(19)).isNotNull();
        // the node loaded the factors seeded with the simulated corporate actions (002002.SZ: 10送10 in 2025):
        // forward adjustment more than halves a bar of 2024 (the oldest of both replies, the same stored bar)
        JsonObject day = new JsonObject().put("code", "002002.SZ").put("period", "day").put("count", 600);
        JsonArray asTraded = ok("svc.kline", day.copy()).getJsonArray("bars").getJsonArray(0);
        JsonArray forward = ok("svc.kline", day.copy().put("adjust", "forward")).getJsonArray("bars").getJsonArray(0);
        assertThat(forward.getLong(0)).isEqualTo(asTraded.getLong(0));
        assertThat(forward.getLong(4)).isLessThan(asTraded.getLong(4) / 2);

        // live: subscribe to a few codes' trades; seqs are contiguous from wherever we join
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            codes.add(instruments.getJsonObject(i).getString("code"));
            client.register("tick." + codes.get(i));
        }
        Map<String, Long> last = new HashMap<>();
        int received = 0;
        while (received < 30) {
            JsonObject f = client.await(x -> x.getString("address", "").startsWith("tick."), 60_000);
            JsonObject t = f.getJsonObject("body");
            Long prev = last.put(t.getString("code"), t.getLong("seq"));
            if (prev != null) {
                assertThat(t.getLong("seq")).as("seq after " + prev).isEqualTo(prev + 1);
            }
            received++;
        }
        String traded = last.keySet().iterator().next();
        JsonObject ticks = ok("svc.ticks", new JsonObject().put("code", traded).put("count", 5));
        assertThat(ticks.getJsonArray("ticks").size()).isPositive();
        JsonObject minute = ok("svc.minute", new JsonObject().put("code", traded));
        assertThat(minute.getInteger("size")).isEqualTo(241);
        assertThat(minute.getJsonArray("points").size()).isPositive();
        JsonObject pv = ok("svc.pricevol", new JsonObject().put("code", traded));
        assertThat(pv.getLong("dayVolume")).isPositive();
        // a first subscriber gets the whole current value first (the gateway asks the owner: svc.last)
        client.register("pricevol." + traded);
        JsonObject first = client.await(x -> ("pricevol." + traded).equals(x.getString("address")), 10_000)
                .getJsonObject("body");
        assertThat(first.getJsonArray("rows").size()).isGreaterThanOrEqualTo(pv.getJsonArray("rows").size());
        assertThat(first.getLong("seq")).isGreaterThanOrEqualTo(pv.getLong("seq"));
        JsonObject snap = ok("svc.snapshot", new JsonObject().put("codes", new JsonArray(codes)));
        assertThat(snap.getJsonArray("quotes").size()).isPositive();

        // a bad request gets its documented error, the connection stays usable
        JsonObject err = client.request("svc.kline", new JsonObject().put("code", "999999.SH").put("period", "1m"),
                5_000);
        assertThat(err.getString("type")).isEqualTo("err");
        assertThat(err.getInteger("failureCode")).isEqualTo(404);
        assertThat(err.getString("message")).startsWith("unknown_code");
        assertThat(ok("svc.instruments", new JsonObject().put("market", "SZ")).getJsonArray("instruments")).isNotEmpty();
    }

    @Test
    void aResumedSessionGetsTheTicksItMissedFromTheCalculatorsTape() throws Exception {
        JsonArray instruments = ok("svc.instruments", new JsonObject()).getJsonArray("instruments");
        Map<String, Long> last = new HashMap<>();
        String token;
        try (BridgeTestClient first = new BridgeTestClient("127.0.0.1", node.gatewayPort())) {
            token = first.request("session.open", new JsonObject(), 5_000).getJsonObject("body").getString("token");
            for (int i = 0; i < 10; i++) {
                first.register("tick." + instruments.getJsonObject(i).getString("code"));
            }
            for (int received = 0; received < 20; received++) {
                JsonObject t = first.await(x -> x.getString("address", "").startsWith("tick."), 60_000).getJsonObject("body");
                last.put("tick." + t.getString("code"), t.getLong("seq"));
            }
        }
        Thread.sleep(1_500); // the market goes on while the client is away
        try (BridgeTestClient again = new BridgeTestClient("127.0.0.1", node.gatewayPort())) {
            JsonObject seqs = new JsonObject();
            last.forEach(seqs::put);
            JsonObject resumed = again.request("session.open", new JsonObject().put("token", token).put("seqs", seqs),
                    10_000);
            assertThat(resumed.getString("type")).as(resumed.encode()).isEqualTo("message");
            assertThat(resumed.getJsonObject("body").getBoolean("resumed")).isTrue();
            assertThat(resumed.getJsonObject("body").getJsonArray("subscriptions")).hasSize(10);
            // Every code the client had seen continues from exactly where it stopped: no hole, no duplicate.
            for (int n = 0; n < 60; n++) {
                JsonObject f = again.await(x -> x.getString("address", "").startsWith("tick."), 60_000);
                JsonObject t = f.getJsonObject("body");
                Long prev = last.put(f.getString("address"), t.getLong("seq"));
                if (t.getBoolean("resync", false)) {
                    // only where the client had seen nothing: there is no place to continue from
                    assertThat(prev).as("resync " + f).isNull();
                    continue;
                }
                if (prev != null) {
                    assertThat(t.getLong("seq")).as(f.getString("address") + " after " + prev).isEqualTo(prev + 1);
                }
            }
        }
    }

    private JsonObject admin(String address, JsonObject body) throws Exception {
        JsonObject f = client.request(address, body, 5_000, "it-token");
        assertThat(f.getString("type")).as(address + " → " + f).isEqualTo("message");
        return f.getJsonObject("body");
    }

    @Test
    void adminCommandsAnswerFromTheRunningNode() throws Exception {
        JsonArray nodes = admin("admin.nodes", new JsonObject()).getJsonArray("nodes");
        assertThat(nodes).hasSize(1);
        assertThat(nodes.getJsonObject(0).getBoolean("local")).isTrue();
        assertThat(nodes.getJsonObject(0).getJsonArray("roles").getList())
                .containsExactlyInAnyOrder("collector", "calculator", "access");
        JsonArray services = admin("admin.services", new JsonObject()).getJsonArray("services");
        JsonObject ticks = services.stream().map(JsonObject.class::cast)
                .filter(o -> "ticks".equals(o.getString("service"))).findFirst().orElseThrow();
        assertThat(ticks.getString("strategy")).isEqualTo("shard-owner");
        assertThat(ticks.getJsonArray("instances")).isNotEmpty();
        assertThat(admin("admin.limits", new JsonObject()).getJsonObject("limits").getInteger("maxSubscriptionsPerConnection"))
                .isEqualTo(2000);
        // this client's session is stored within sync-ms of its connection
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (admin("admin.sessions", new JsonObject()).getJsonArray("sessions").isEmpty()) {
            assertThat(System.nanoTime()).as("a session listed within 10 s").isLessThan(deadline);
            Thread.sleep(50);
        }
    }
}
