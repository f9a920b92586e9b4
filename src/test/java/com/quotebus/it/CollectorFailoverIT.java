package com.quotebus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two redundant collectors (C1 leader, C2 standby, lease type hazelcast) read one standalone simulator; node N
 * runs a calculator and the gateway. kill -9 of the leader: C2 takes the lease once it lapses (≤ 3 s) and
 * republishes the tail of its own journal; the calculator drops what it already has by seq, so a client's
 * tick streams continue with no hole and no conflicting seq.
 */
class CollectorFailoverIT {
    private TestCluster cluster;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @AfterEach
    void destroy() throws Exception {
        for (AutoCloseable c : clients) {
            c.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Timeout(170)
    void theStandbyCollectorTakesOverWithoutAHoleInTheTickStreams() throws Exception {
        cluster = new TestCluster("collectors", 3);
        // Market quiet until 13:00 (starts at 12:48 market time, 36 s of wall time at 20×): both collectors are
        // connected before the first trade, so they number every code's events alike.
        long simStarted = System.currentTimeMillis();
        cluster.simulator(List.of("clock.start-time=11:31", "clock.lead-minutes=12")).awaitLog("market time", 30_000);
        List<String> collector = List.of("simulator.enabled=false", "simulator.reference-data=true");
        var conf = cluster.config("collector.conf", TestCluster.sources(cluster.simulatorPort));
        NodeProcess c1 = cluster.node("C1", 0, "collector", conf, 0, concat(collector, "collector.leader.member=c1"))
                .awaitUp();
        NodeProcess c2 = cluster.node("C2", 1, "collector", conf, 0, concat(collector, "collector.leader.member=c2"));
        int gateway = TestCluster.freePort();
        NodeProcess n = cluster.node("N", 2, "calculator,access", cluster.config("n.conf", ""), gateway, List.of());
        c2.awaitUp();
        n.awaitUp();
        assertThat(System.currentTimeMillis() - simStarted).as("collectors up before the 13:00 open").isLessThan(34_000);

        BridgeClient client = new BridgeClient(gateway);
        clients.add(client);
        List<String> codes = awaitInstruments(client);
        TickStreams ticks = new TickStreams();
        ticks.subscribe(client, codes);
        long end = System.currentTimeMillis() + 60_000;
        while (ticks.received() < 200 && System.currentTimeMillis() < end) {
            Thread.sleep(200);
        }
        assertThat(ticks.received()).as("ticks flow after the open").isGreaterThanOrEqualTo(200);
        Thread.sleep(2_000);

        long killedAt = System.currentTimeMillis();
        c1.kill9();
        Thread.sleep(10_000);
        long firstAfter = firstArrivalAfter(ticks, killedAt + 100);
        long gap = ticks.longestGap(killedAt - 1_000, killedAt + 10_000);
        long missing = ticks.missing();
        long duplicates = ticks.duplicates();
        ticks.resync(client);
        Figures.print("kill -9 leader collector", Map.of(
                "longest tick gap (ms)", gap,
                "first tick after kill (ms)", firstAfter < 0 ? -1 : firstAfter - killedAt,
                "seqs missing (no resync)", missing,
                "duplicates dropped", duplicates,
                "conflicting seqs", ticks.conflicts(),
                "ticks received", ticks.received()));

        assertThat(ticks.conflicts()).as("same seq, different content: " + ticks.conflictSamples()).isZero();
        assertThat(missing).as("seqs missing after the takeover, before any resync").isZero();
        for (String code : codes.subList(0, 5)) {
            assertThat(ticks.arrivalsAfter(code, killedAt + 6_000)).as("ticks of " + code + " after the takeover")
                    .isPositive();
        }
    }

    private static List<String> concat(List<String> a, String b) {
        List<String> out = new ArrayList<>(a);
        out.add(b);
        return out;
    }

    private static long firstArrivalAfter(TickStreams ticks, long from) {
        return ticks.firstArrivalAfter(from);
    }

    /**
     * With an external feed the market clock, and so the day's instrument list, starts with the feed's first
     * timestamped message: up to the market's open (~36 s after start here), longer on a loaded machine.
     */
    private static List<String> awaitInstruments(BridgeClient client) throws Exception {
        long end = System.currentTimeMillis() + 70_000;
        while (System.currentTimeMillis() < end) {
            JsonObject reply = client.request("svc.instruments", new JsonObject(), 5_000).get(10, TimeUnit.SECONDS);
            JsonObject body = reply.getJsonObject("body");
            JsonArray list = body == null ? new JsonArray() : body.getJsonArray("instruments");
            if (list.size() >= 20) {
                List<String> codes = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    codes.add(list.getJsonObject(i).getString("code"));
                }
                return codes;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no instruments in the directory within 70 s");
    }
}
