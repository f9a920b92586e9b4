package com.quotebus.access.bridge;

import static com.quotebus.access.bridge.BridgeTestSupport.await;
import static com.quotebus.access.bridge.BridgeTestSupport.testOptions;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A new subscription to a last-value address gets its first value once: the cached frame (or the loaded initial
 * value) and the live push of the same seq racing it are one push, delivered once to each subscriber.
 */
class SubscriptionHubFirstValueTest {
    private static final long T0 = 1_765_242_000_000L; // 2025-12-09 09:00 China time

    private Vertx vertx;
    private final List<AccessGatewayVerticle> gateways = new ArrayList<>();
    private final AtomicReference<JsonObject> current = new AtomicReference<>();

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        BridgeServerOptions options = testOptions().build();
        Context hubContext = vertx.getOrCreateContext();
        SubscriptionHub hub = await(Future.<SubscriptionHub>future(p -> hubContext.runOnContext(v -> {
            SubscriptionHub h = new SubscriptionHub(vertx, options, new BridgeMetrics());
            // svc.last: the publisher's current value, answered a moment later (as over the network)
            h.setInitialValues(address -> Future.future(r -> vertx.setTimer(1, id -> {
                JsonObject now = current.get();
                r.complete(now == null ? new JsonObject() : now.copy());
            })));
            p.complete(h);
        })));
        for (int i = 0; i < 2; i++) { // two servers on other event loops than the hub's
            AccessGatewayVerticle g = new AccessGatewayVerticle(options, hub, null);
            await(vertx.deployVerticle(g));
            gateways.add(g);
        }
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    private static JsonObject quote(long seq) {
        return new JsonObject().put("code", "600000.SH").put("seq", seq).put("time", T0 + seq * 3).put("last", 100_000 + seq);
    }

    @Test
    void everySubscriberSeesEachSeqOnceWhileSubscriptionsRaceThePushes() throws Exception {
        Context publisher = vertx.getOrCreateContext();
        long[] seq = {0};
        long timer = await(Future.<Long>future(p -> publisher.runOnContext(v -> p.complete(vertx.setPeriodic(1, id -> {
            JsonObject q = quote(++seq[0]);
            current.set(q);
            vertx.eventBus().publish("quote.600000.SH", q);
        })))));
        int duplicates = 0;
        List<String> seen = new ArrayList<>();
        for (int round = 0; round < 60; round++) {
            List<RawBridgeClient> clients = new ArrayList<>();
            try {
                for (int i = 0; i < 4; i++) { // the first of a server attaches; the next ones join a live topic
                    RawBridgeClient c = RawBridgeClient.connect(gateways.get(i % 2).port());
                    c.register("quote.600000.SH");
                    clients.add(c);
                }
                for (RawBridgeClient c : clients) {
                    Set<Long> got = new HashSet<>();
                    List<Long> order = new ArrayList<>();
                    for (int n = 0; n < 8; n++) {
                        long s = c.read().getJsonObject("body").getLong("seq");
                        order.add(s);
                        if (!got.add(s)) {
                            duplicates++;
                        }
                    }
                    seen.add(order.toString());
                }
            } finally {
                for (RawBridgeClient c : clients) {
                    c.close();
                }
            }
            Thread.sleep(5); // let the topics go (last subscriber left) so the next round attaches afresh
        }
        vertx.cancelTimer(timer);
        assertThat(duplicates).as("repeated seqs; per subscriber: %s", seen).isZero();
    }

    @Test
    void aLoadedFirstValueAndItsLiveCopyStampedALittleLaterAreOnePush() throws Exception {
        current.set(quote(5)); // what svc.last answers: seq 5 at T0 + 15 ms
        try (RawBridgeClient c = RawBridgeClient.connect(gateways.get(0).port())) {
            c.register("quote.600000.SH");
            assertThat(c.read().getJsonObject("body").getLong("seq")).isEqualTo(5);
            vertx.eventBus().publish("quote.600000.SH", quote(5).put("time", T0 + 2_000)); // the live copy, 2 s on
            vertx.eventBus().publish("quote.600000.SH", quote(6).put("time", T0 + 2_500));
            assertThat(c.read().getJsonObject("body").getLong("seq")).isEqualTo(6);
        }
    }
}
