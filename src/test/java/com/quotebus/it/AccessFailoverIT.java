package com.quotebus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 of an access node under live subscriptions: node A (collector + calculator + access) and node B
 * (access only); clients connected to B, each subscribed to the tick streams of six codes, with their session
 * tokens. B dies; every client reconnects to A and resumes its session with the token (and the last seq it
 * processed per address): its subscriptions come back, the ticks it missed are replayed in order, then live
 * ones follow — no seq missing, none conflicting, without the client re-registering or re-reading anything.
 */
class AccessFailoverIT {
    private TwoCalculators cluster;
    private final List<BridgeClient> clients = new ArrayList<>();

    @AfterEach
    void destroy() {
        clients.forEach(BridgeClient::close);
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Timeout(150)
    void clientsOfAKilledAccessNodeResumeOnAnotherWithinTwoSecondsWithoutAMissingSeq() throws Exception {
        cluster = new TwoCalculators("access-failover");
        cluster.startA();
        cluster.b = cluster.cluster.node("B", 1, "access", cluster.cluster.config("b.conf", ""), cluster.gatewayB,
                List.of()).awaitUp();
        int clientCount = 4;
        List<TickStreams> streams = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < clientCount; i++) {
            BridgeClient c = new BridgeClient(cluster.gatewayB);
            clients.add(c);
            JsonObject opened = c.request("session.open", new JsonObject(), 5_000).get(10, TimeUnit.SECONDS);
            assertThat(opened.getString("type")).as("session.open on B: " + opened).isEqualTo("message");
            tokens.add(opened.getJsonObject("body").getString("token"));
            TickStreams t = new TickStreams();
            t.subscribe(c, cluster.codes.subList(i * 6, i * 6 + 6));
            streams.add(t);
        }
        // wait (bounded) until every client has ticks, and its session has been synced to Hazelcast
        long until = System.currentTimeMillis() + 45_000;
        while (streams.stream().anyMatch(t -> t.received() == 0) && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        Thread.sleep(2_500); // > access.session.sync-ms
        for (TickStreams t : streams) {
            assertThat(t.received()).as("ticks before the kill").isPositive();
        }

        long killedAt = System.currentTimeMillis();
        cluster.b.kill9();
        Map<Integer, Long> resumedAfter = new LinkedHashMap<>();
        for (int i = 0; i < clientCount; i++) {
            BridgeClient old = clients.get(i);
            long deadline = System.currentTimeMillis() + 5_000;
            while (old.closedAt() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(5);
            }
            BridgeClient c = new BridgeClient(cluster.gatewayA);
            clients.add(c);
            TickStreams t = streams.get(i);
            t.listen(c);
            JsonObject resumed = c.request("session.open", new JsonObject().put("token", tokens.get(i))
                    .put("seqs", t.lastSeqs()), 5_000).get(10, TimeUnit.SECONDS);
            assertThat(resumed.getString("type")).as("resume on A: " + resumed).isEqualTo("message");
            assertThat(resumed.getJsonObject("body").getBoolean("resumed")).isTrue();
            resumedAfter.put(i, System.currentTimeMillis() - killedAt);
        }
        Thread.sleep(6_000);
        long missing = streams.stream().mapToLong(TickStreams::missing).sum();
        long conflicts = streams.stream().mapToLong(TickStreams::conflicts).sum();
        long duplicates = streams.stream().mapToLong(TickStreams::duplicates).sum();
        long gap = streams.stream().mapToLong(t -> t.longestGap(killedAt - 1_000, killedAt + 5_000)).max()
                .orElse(0);
        Figures.print("kill -9 access node", Map.of(
                "clients", (long) clientCount,
                "slowest resume after kill (ms)", resumedAfter.values().stream().mapToLong(Long::longValue).max()
                        .orElse(0),
                "longest tick gap (ms)", gap,
                "seqs missing", missing,
                "conflicting seqs", conflicts,
                "duplicates dropped", duplicates,
                "ticks received", streams.stream().mapToLong(TickStreams::received).sum()));

        assertThat(resumedAfter.values()).as("every client resumes on A within 2 s").allMatch(ms -> ms < 2_000);
        for (int i = 0; i < clientCount; i++) {
            for (String code : cluster.codes.subList(i * 6, i * 6 + 6)) {
                assertThat(streams.get(i).arrivalsAfter(code, killedAt + resumedAfter.get(i)))
                        .as("ticks of " + code + " flow after the resume").isPositive();
            }
        }
        assertThat(missing).as("no seq missing (missed ticks replayed on resume)").isZero();
        assertThat(conflicts).isZero();
    }
}
