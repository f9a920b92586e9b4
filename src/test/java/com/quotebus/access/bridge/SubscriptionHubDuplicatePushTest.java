package com.quotebus.access.bridge;

import static com.quotebus.access.bridge.BridgeTestSupport.await;
import static com.quotebus.access.bridge.BridgeTestSupport.testOptions;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Replicas publish the same pushes (same address, seq and content): a bridge client receives each once, at its
 * first arrival, across the daily restart of the sequence.
 */
class SubscriptionHubDuplicatePushTest {
    private static final long DAY1 = 1_765_242_000_000L; // 2025-12-09 09:00 China time
    private static final long DAY2 = DAY1 + 86_400_000L;
    private static final String TICK = "tick.600000.SH";

    private Vertx vertx;
    private BridgeMetrics metrics;
    private SubscriptionHub hub;
    private AccessGatewayVerticle gateway;
    /** Where the test publishes from: one context, so the bus keeps the test's order. */
    private Context publisher;
    private volatile Promise<Object> initialValue;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        metrics = new BridgeMetrics();
        BridgeServerOptions options = testOptions().build();
        hub = new SubscriptionHub(vertx, options, metrics);
        hub.setInitialValues(address -> {
            initialValue = Promise.promise();
            return initialValue.future();
        });
        gateway = new AccessGatewayVerticle(options, hub, null);
        await(vertx.deployVerticle(gateway));
        publisher = vertx.getOrCreateContext();
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    private static JsonObject tick(long seq, long time) {
        return new JsonObject().put("code", "600000.SH").put("seq", seq).put("time", time).put("price", 100_000 + seq)
                .put("qty", 100).put("side", "B");
    }

    private static List<JsonObject> day(long start, int from, int to) {
        List<JsonObject> out = new ArrayList<>();
        for (int seq = from; seq <= to; seq++) {
            out.add(tick(seq, start + seq * 1000L));
        }
        return out;
    }

    /** Publisher A's pushes with publisher B's copies {@code lag} pushes behind. */
    private static List<JsonObject> lagged(List<JsonObject> pushes, int lag) {
        List<JsonObject> out = new ArrayList<>();
        for (int i = 0; i < pushes.size() + lag; i++) {
            if (i < pushes.size()) {
                out.add(pushes.get(i));
            }
            if (i >= lag) {
                out.add(pushes.get(i - lag).copy()); // a replica's own body object, as from another node
            }
        }
        return out;
    }

    private void publish(String address, List<?> bodies) {
        await(Future.<Void>future(p -> publisher.runOnContext(v -> {
            bodies.forEach(b -> vertx.eventBus().publish(address, b));
            p.complete();
        })));
    }

    /**
     * Publishes {@code bodies} then a last push of its own, and returns the bodies of every message the client got
     * before that last one (each client sees the hub's deliveries in order).
     */
    private List<Object> publishAndReceive(RawBridgeClient c, String address, List<?> bodies) throws Exception {
        JsonObject end = new JsonObject().put("end", true);
        List<Object> all = new ArrayList<>(bodies);
        all.add(end);
        publish(address, all);
        List<Object> out = new ArrayList<>();
        for (Object body = c.read().getValue("body"); !end.equals(body); body = c.read().getValue("body")) {
            out.add(body);
        }
        return out;
    }

    @Test
    void twoPublishersInterleavingTheSamePushesWithLagDeliverEachSeqOnceInOrder() throws Exception {
        List<JsonObject> pushes = day(DAY1, 1, 40);
        try (RawBridgeClient c = RawBridgeClient.connect(gateway.port())) {
            c.register(TICK);
            c.sync();
            assertThat(publishAndReceive(c, TICK, lagged(pushes, 5))).isEqualTo(pushes);
            assertThat(metrics.snapshot().pushDuplicates()).isEqualTo(40);
        }
    }

    @Test
    void aReplicaAheadAfterARebuildDoesNotMakeTheOthersEarlierSeqsLookOld() throws Exception {
        List<JsonObject> pushes = day(DAY1, 1, 9);
        List<JsonObject> arrivals = new ArrayList<>(pushes.subList(0, 5)); // A: 1..5
        arrivals.add(pushes.get(7).copy()); // C, just rebuilt (6 and 7 applied while catching up, not pushed): 8
        arrivals.addAll(pushes.subList(5, 9)); // A: 6..9
        arrivals.add(pushes.get(8).copy()); // C: 9
        try (RawBridgeClient c = RawBridgeClient.connect(gateway.port())) {
            c.register(TICK);
            c.sync();
            assertThat(publishAndReceive(c, TICK, arrivals)).isEqualTo(pushes);
            assertThat(metrics.snapshot().pushesHeld()).isEqualTo(1);
            assertThat(metrics.snapshot().pushHoldsExpired()).isZero();
            assertThat(metrics.snapshot().pushDuplicates()).isEqualTo(2);
        }
    }

    @Test
    void aHeldPushWhoseEarlierSeqsNeverComeIsDeliveredAfterTheHoldTime() throws Exception {
        List<JsonObject> pushes = day(DAY1, 1, 5);
        try (RawBridgeClient c = RawBridgeClient.connect(gateway.port())) {
            c.register(TICK);
            c.sync();
            publish(TICK, List.of(pushes.get(0), pushes.get(1), pushes.get(4))); // 3 and 4 never published
            Thread.sleep(SubscriptionHub.STREAM_HOLD_MS * 2);
            assertThat(publishAndReceive(c, TICK, List.of())).isEqualTo(List.of(pushes.get(0), pushes.get(1),
                    pushes.get(4)));
            assertThat(metrics.snapshot().pushHoldsExpired()).isEqualTo(1);
        }
    }

    @Test
    void aDayRollWithTheSeqBackToOneIsDeliveredAndALaggingReplicasPreviousDayPushIsDropped() throws Exception {
        List<JsonObject> pushes = new ArrayList<>(day(DAY1, 1, 10));
        pushes.addAll(day(DAY2, 1, 6));
        try (RawBridgeClient c = RawBridgeClient.connect(gateway.port())) {
            c.register(TICK);
            c.sync();
            // B publishes yesterday's 5…10 after A's today's 1…6: higher seqs, but of the day before
            assertThat(publishAndReceive(c, TICK, lagged(pushes, 6))).isEqualTo(pushes);
            assertThat(metrics.snapshot().pushDuplicates()).isEqualTo(16);
        }
    }

    @Test
    void bodiesWithoutASeqOrATimePassThroughUnchanged() throws Exception {
        List<Object> bodies = List.of(new JsonObject().put("n", 1), new JsonObject().put("n", 1), "text", 42,
                new JsonObject().put("seq", 3), new JsonObject().put("seq", 3),
                new JsonObject().put("seq", "3").put("time", DAY1), new JsonObject().put("seq", "3").put("time", DAY1));
        try (RawBridgeClient c = RawBridgeClient.connect(gateway.port())) {
            c.register("news.flash");
            c.sync();
            assertThat(publishAndReceive(c, "news.flash", bodies)).isEqualTo(bodies);
            assertThat(metrics.snapshot().pushDuplicates()).isZero();
        }
    }

    @Test
    void theInitialValueCountsAsTheFirstArrivalOfItsSeq() throws Exception {
        String quote = "quote.600000.SH";
        JsonObject current = new JsonObject().put("code", "600000.SH").put("seq", 7).put("time", DAY1 + 7000)
                .put("last", 101_200);
        JsonObject next = current.copy().put("seq", 8).put("time", DAY1 + 8000).put("last", 101_300);
        try (RawBridgeClient c = RawBridgeClient.connect(gateway.port())) {
            c.register(quote);
            c.sync();
            BridgeTestSupport.awaitCondition(() -> initialValue != null, "the initial value request");
            initialValue.complete(current);
            assertThat(c.read().getValue("body")).isEqualTo(current);
            // the replicas' live copies of 7, then 8 from both
            assertThat(publishAndReceive(c, quote, List.of(current, current.copy(), next, next.copy())))
                    .containsExactly(next);
        }
    }
}
