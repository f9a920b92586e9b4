package com.quotebus.access.session;

import com.quotebus.cluster.hazelcast.HazelcastSessionStore;
import static com.quotebus.access.bridge.BridgeTestSupport.await;
import static com.quotebus.access.bridge.BridgeTestSupport.awaitCondition;
import static com.quotebus.access.bridge.BridgeTestSupport.testOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.quotebus.access.bridge.AccessGatewayVerticle;
import com.quotebus.access.bridge.BridgeMetrics;
import com.quotebus.access.bridge.BridgeServerOptions;
import com.quotebus.access.bridge.RawBridgeClient;
import com.quotebus.access.bridge.SubscriptionHub;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two access nodes as two clustered Vert.x on Hazelcast (127.0.0.1, TCP-IP join, own cluster name): a
 * session stored in {@code quotebus.sessions} by node A is resumed on node B, which replays the missed
 * ticks from a tape served on node A over the clustered event bus.
 */
class SessionClusterIT {
    private final String clusterName = "quotebus-sessions-it-" + UUID.randomUUID();
    private final int basePort = 6400 + (int) (Math.abs(UUID.randomUUID().getLeastSignificantBits()) % 300);
    private final SessionResumeTest.Tape tape = new SessionResumeTest.Tape();
    private Vertx nodeA;
    private Vertx nodeB;
    private HazelcastClusterManager clusterA;
    private HazelcastClusterManager clusterB;

    private HazelcastClusterManager clusterManager() {
        Config config = com.quotebus.testkit.LoopbackHazelcast.config(clusterName, basePort, 3);
        return new HazelcastClusterManager(config);
    }

    private static Vertx clustered(HazelcastClusterManager cm) {
        VertxOptions options = new VertxOptions().setEventBusOptions(
                new EventBusOptions().setHost("127.0.0.1").setClusterPublicHost("127.0.0.1").setPort(0));
        return await(Vertx.builder().with(options).withClusterManager(cm).buildClustered());
    }

    @BeforeEach
    void start() {
        clusterA = clusterManager();
        nodeA = clustered(clusterA);
        clusterB = clusterManager();
        nodeB = clustered(clusterB);
        await(nodeA.eventBus().<JsonObject>consumer("svc.ticks", tape::handle).completion());
    }

    @AfterEach
    void stop() {
        if (nodeB != null) {
            await(nodeB.close());
        }
        if (nodeA != null) {
            await(nodeA.close());
        }
    }

    private record Node(AccessGatewayVerticle gateway, SubscriptionHub hub, SessionMetrics metrics) {
    }

    private static Node gateway(Vertx vertx, HazelcastClusterManager cluster) {
        BridgeServerOptions options = testOptions().build();
        SubscriptionHub hub = new SubscriptionHub(vertx, options, new BridgeMetrics());
        SessionMetrics metrics = new SessionMetrics(new SimpleMeterRegistry());
        TickSource ticks = req -> vertx.eventBus().<JsonObject>request("svc.ticks", req).map(Message::body);
        SessionManager sessions = new SessionManager(vertx, new HazelcastSessionStore(vertx,
                cluster.getHazelcastInstance()), ticks, new SessionOptions(60_000, 50, 100, 10_000),
                cluster.getNodeId(), metrics, System::currentTimeMillis);
        await(sessions.start());
        AccessGatewayVerticle g = new AccessGatewayVerticle(options, hub, null, sessions, null);
        await(vertx.deployVerticle(g));
        return new Node(g, hub, metrics);
    }

    private void publish(Vertx from, long seq) {
        JsonObject t = new JsonObject().put("code", "000001.SZ").put("seq", seq).put("time", 1_700_000_000_000L + seq)
                .put("price", 120_000 + seq).put("qty", 100).put("amount", 12_000_000 + seq).put("side", "S")
                .put("chSeq", seq);
        tape.ticks.add(t);
        from.eventBus().publish("tick.000001.SZ", t);
    }

    private static JsonObject call(RawBridgeClient c, String address, JsonObject body) throws Exception {
        c.send(new JsonObject().put("type", "send").put("address", address).put("replyAddress", "r")
                .put("body", body));
        JsonObject f = c.read();
        assertThat(f.getString("address")).isEqualTo("r");
        return f;
    }

    @Test
    void aSessionStoredByOneNodeResumesOnAnotherWithTheMissedTicks() throws Exception {
        Node a = gateway(nodeA, clusterA);
        Node b = gateway(nodeB, clusterB);
        String token;
        String id;
        try (RawBridgeClient c = RawBridgeClient.connect(a.gateway().port())) {
            JsonObject opened = call(c, "session.open", new JsonObject()).getJsonObject("body");
            token = opened.getString("token");
            id = opened.getString("session");
            c.register("tick.000001.SZ");
            awaitCondition(() -> a.hub().consumerCount() == 1, "node A consumer");
            c.sync();
            for (long s = 1; s <= 3; s++) {
                publish(nodeA, s);
            }
            for (long s = 1; s <= 3; s++) {
                assertThat(c.read().getJsonObject("body").getLong("seq")).isEqualTo(s);
            }
        }
        HazelcastSessionStore seenByB = new HazelcastSessionStore(nodeB, clusterB.getHazelcastInstance());
        awaitCondition(() -> {
            SessionRecord r = await(seenByB.get(id));
            return r != null && !r.connected() && r.seqs().equals(java.util.Map.of("tick.000001.SZ", 3L));
        }, "the session stored in Hazelcast as disconnected after seq 3");
        for (long s = 4; s <= 6; s++) {
            publish(nodeA, s);
        }
        try (RawBridgeClient c = RawBridgeClient.connect(b.gateway().port())) {
            JsonObject resumed = call(c, "session.open", new JsonObject().put("token", token)).getJsonObject("body");
            assertThat(resumed.getBoolean("resumed")).isTrue();
            List<Long> seqs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                seqs.add(c.read().getJsonObject("body").getLong("seq"));
            }
            awaitCondition(() -> b.hub().consumerCount() == 1, "node B consumer");
            publish(nodeB, 7); // from B: its own consumer sees it without waiting for cluster propagation
            seqs.add(c.read().getJsonObject("body").getLong("seq"));
            assertThat(seqs).containsExactly(4L, 5L, 6L, 7L);
        }
        assertThat(b.metrics().resumed()).isEqualTo(1);
        assertThat(b.metrics().replayed()).isEqualTo(3);
    }
}
