package com.quotebus.access.bridge;

import static com.quotebus.access.bridge.BridgeTestSupport.await;
import static com.quotebus.access.bridge.BridgeTestSupport.awaitCondition;
import static com.quotebus.access.bridge.BridgeTestSupport.deploy;
import static com.quotebus.access.bridge.BridgeTestSupport.testOptions;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subscriptions: one shared consumer per address, cached value first, idempotent register, release on close. */
class BridgeSubscriptionTest {
    private Vertx vertx;
    private AccessGatewayVerticle gateway;
    private int port;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        gateway = deploy(vertx, testOptions().build(), null);
        port = gateway.port();
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    private BridgeMetrics.Snapshot metrics() {
        return gateway.server().metrics().snapshot();
    }

    private static JsonObject message(String address, JsonObject body, boolean send) {
        return new JsonObject().put("type", "message").put("address", address).put("headers", new JsonObject())
                .put("body", body).put("send", send);
    }

    /** True when a point-to-point message to {@code address} finds no consumer anywhere on the bus. */
    private boolean noConsumer(String address) {
        try {
            await(vertx.eventBus().request(address, "probe", new DeliveryOptions().setSendTimeout(200)));
            return false;
        } catch (AssertionError e) {
            return e.getCause().getCause() instanceof ReplyException re
                    && re.failureType() == ReplyFailure.NO_HANDLERS;
        }
    }

    @Test
    void twoSocketsShareOneConsumerBothReceiveAndItGoesWhenBothLeave() throws Exception {
        try (RawBridgeClient a = RawBridgeClient.connect(port); RawBridgeClient b = RawBridgeClient.connect(port)) {
            a.register("news.flash");
            b.register("news.flash");
            a.sync();
            b.sync();
            assertThat(metrics().consumers()).isEqualTo(1);
            assertThat(metrics().subscriptions()).isEqualTo(2);

            vertx.eventBus().publish("news.flash", new JsonObject().put("n", 1));
            assertThat(a.read()).isEqualTo(message("news.flash", new JsonObject().put("n", 1), false));
            assertThat(b.read()).isEqualTo(message("news.flash", new JsonObject().put("n", 1), false));

            a.unregister("news.flash");
            a.sync();
            assertThat(metrics().consumers()).isEqualTo(1);
            b.unregister("news.flash");
            b.sync();
            assertThat(metrics().consumers()).isZero();
            assertThat(metrics().subscriptions()).isZero();
            assertThat(noConsumer("news.flash")).isTrue();
        }
    }

    @Test
    void eachPublishIsEncodedOnceAndTheSameBytesReachEverySubscriber() throws Exception {
        try (RawBridgeClient a = RawBridgeClient.connect(port); RawBridgeClient b = RawBridgeClient.connect(port)) {
            a.register("quote.600000.SH");
            b.register("quote.600000.SH");
            a.sync();
            b.sync();
            vertx.eventBus().publish("quote.600000.SH", new JsonObject().put("last", 101200).put("name", "浦发银行"),
                    new DeliveryOptions().addHeader("seq", "7"));
            String expected = "{\"type\":\"message\",\"address\":\"quote.600000.SH\",\"headers\":{\"seq\":\"7\"},"
                    + "\"body\":{\"last\":101200,\"name\":\"浦发银行\"},\"send\":false}";
            assertThat(a.readRaw()).isEqualTo(expected);
            assertThat(b.readRaw()).isEqualTo(expected);
        }
    }

    @Test
    void aBurstHandledInOneEventLoopTurnReachesTheSocketInOneWrite() throws Exception {
        try (RawBridgeClient c = RawBridgeClient.connect(port)) {
            c.register("tick.600000.SH");
            c.sync();
            long writesBefore = metrics().socketWrites();
            gateway.server().context().runOnContext(v -> {
                for (int i = 0; i < 50; i++) {
                    vertx.eventBus().publish("tick.600000.SH", i);
                }
            });
            for (int i = 0; i < 50; i++) {
                assertThat(c.read().getInteger("body")).isEqualTo(i);
            }
            assertThat(metrics().socketWrites() - writesBefore).isEqualTo(1);
            assertThat(metrics().framesOut()).isEqualTo(1 + 50);
        }
    }

    @Test
    void aBurstOnTheHubsLoopCrossesToAServerOnAnotherLoopAsOneWrite() throws Exception {
        io.vertx.core.Context hubContext = vertx.getOrCreateContext(); // a new event-loop context
        BridgeMetrics hubMetrics = new BridgeMetrics();
        SubscriptionHub hub = await(Future.<SubscriptionHub>future(p -> hubContext.runOnContext(
                v -> p.complete(new SubscriptionHub(vertx, testOptions().build(), hubMetrics)))));
        AccessGatewayVerticle other = new AccessGatewayVerticle(testOptions().build(), hub, null);
        await(vertx.deployVerticle(other));
        org.junit.jupiter.api.Assumptions.assumeFalse(
                ((io.vertx.core.internal.ContextInternal) hubContext).nettyEventLoop()
                        == other.server().context().nettyEventLoop(), "hub and server got the same loop");
        try (RawBridgeClient c = RawBridgeClient.connect(other.port())) {
            c.register("tick.600000.SH");
            c.sync();
            // A second consumer on the hub's loop takes 0.3 ms per message: the server's loop is idle between
            // two of the hub's deliveries, and would flush each message on its own if each crossed alone.
            await(Future.<Void>future(p -> hubContext.runOnContext(v -> vertx.eventBus()
                    .consumer("tick.600000.SH", m -> spin(300_000)).completion().onComplete(p))));
            long writesBefore = hubMetrics.snapshot().socketWrites();
            hubContext.runOnContext(v -> {
                for (int i = 0; i < 50; i++) {
                    vertx.eventBus().publish("tick.600000.SH", i);
                }
            });
            for (int i = 0; i < 50; i++) {
                assertThat(c.read().getInteger("body")).isEqualTo(i);
            }
            // one task to the server's loop for the whole burst, so one flush: not a write per message
            assertThat(hubMetrics.snapshot().socketWrites() - writesBefore).isEqualTo(1);
        }
    }

    private static void spin(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) {
            Thread.onSpinWait();
        }
    }

    @Test
    void newSubscriberGetsTheCachedLastValueBeforeUpdates() throws Exception {
        try (RawBridgeClient first = RawBridgeClient.connect(port);
             RawBridgeClient late = RawBridgeClient.connect(port)) {
            first.register("quote.000001.SZ");
            first.sync();
            vertx.eventBus().publish("quote.000001.SZ", new JsonObject().put("v", 1));
            vertx.eventBus().publish("quote.000001.SZ", new JsonObject().put("v", 2));
            assertThat(first.read().getJsonObject("body").getInteger("v")).isEqualTo(1);
            assertThat(first.read().getJsonObject("body").getInteger("v")).isEqualTo(2);

            late.register("quote.000001.SZ");
            assertThat(late.sync()).containsExactly(message("quote.000001.SZ", new JsonObject().put("v", 2), false));
            vertx.eventBus().publish("quote.000001.SZ", new JsonObject().put("v", 3));
            assertThat(late.read().getJsonObject("body").getInteger("v")).isEqualTo(3);
            assertThat(first.read().getJsonObject("body").getInteger("v")).isEqualTo(3);
        }
    }

    @Test
    void streamAddressesAreNotReplayedToNewSubscribers() throws Exception {
        try (RawBridgeClient first = RawBridgeClient.connect(port);
             RawBridgeClient late = RawBridgeClient.connect(port)) {
            first.register("tick.600000.SH");
            first.sync();
            vertx.eventBus().publish("tick.600000.SH", new JsonObject().put("v", 1));
            first.read();
            late.register("tick.600000.SH");
            assertThat(late.sync()).isEmpty();
        }
    }

    @Test
    void registeringTwiceIsIdempotentAndClosingReleasesEverything() throws Exception {
        List<Object> answers = new ArrayList<>();
        try (RawBridgeClient c = RawBridgeClient.connect(port)) {
            c.register("client.inbox");
            c.register("client.inbox");
            assertThat(c.sync()).isEmpty();
            assertThat(metrics().subscriptions()).isEqualTo(1);

            // Point-to-point: exactly one delivery, and the client can answer it.
            var reply = vertx.eventBus().request("client.inbox", new JsonObject().put("q", 1));
            JsonObject got = c.read();
            assertThat(got.getString("address")).isEqualTo("client.inbox");
            assertThat(got.getBoolean("send")).isTrue();
            c.send(new JsonObject().put("type", "send").put("address", got.getString("replyAddress"))
                    .put("body", new JsonObject().put("a", 1)));
            answers.add(await(reply).body());
            assertThat(c.sync()).isEmpty();
        }
        assertThat(answers).containsExactly(new JsonObject().put("a", 1));
        awaitCondition(() -> metrics().connectionsActive() == 0, "connection released");
        assertThat(metrics().subscriptions()).isZero();
        assertThat(metrics().consumers()).isZero();
        assertThat(noConsumer("client.inbox")).isTrue();
    }

    @Test
    void clientCanFailAServerRequest() throws Exception {
        try (RawBridgeClient c = RawBridgeClient.connect(port)) {
            c.register("client.inbox");
            c.sync();
            var reply = vertx.eventBus().request("client.inbox", "hello");
            JsonObject got = c.read();
            c.send(new JsonObject().put("type", "send").put("address", got.getString("replyAddress"))
                    .put("failureCode", 409).put("message", "conflict"));
            assertThatThrownBy(() -> await(reply)).hasRootCauseInstanceOf(ReplyException.class)
                    .rootCause().satisfies(e -> {
                        ReplyException re = (ReplyException) e;
                        assertThat(re.failureCode()).isEqualTo(409);
                        assertThat(re.failureType()).isEqualTo(ReplyFailure.RECIPIENT_FAILURE);
                        assertThat(re.getMessage()).isEqualTo("conflict");
                    });
        }
    }

    @Test
    void serversOnTwoEventLoopsShareTheHubsSingleConsumer() throws Exception {
        BridgeServerOptions options = testOptions().build();
        BridgeMetrics shared = new BridgeMetrics();
        SubscriptionHub hub = new SubscriptionHub(vertx, options, shared);
        AccessGatewayVerticle v1 = new AccessGatewayVerticle(options, hub, null);
        AccessGatewayVerticle v2 = new AccessGatewayVerticle(options, hub, null);
        await(vertx.deployVerticle(v1));
        await(vertx.deployVerticle(v2));
        assertThat(v1.server().context().nettyEventLoop()).isNotSameAs(v2.server().context().nettyEventLoop());
        try (RawBridgeClient a = RawBridgeClient.connect(v1.port());
             RawBridgeClient b = RawBridgeClient.connect(v2.port())) {
            a.register("quote.600519.SH");
            a.sync();
            awaitCondition(() -> shared.snapshot().consumers() == 1, "the hub consumer");
            vertx.eventBus().publish("quote.600519.SH", new JsonObject().put("v", 1));
            assertThat(a.read().getJsonObject("body").getInteger("v")).isEqualTo(1);

            b.register("quote.600519.SH");
            // b's loop attaches through the hub, which answers with the cached value.
            assertThat(b.read().getJsonObject("body").getInteger("v")).isEqualTo(1);
            assertThat(shared.snapshot().consumers()).isEqualTo(1);
            assertThat(shared.snapshot().subscriptions()).isEqualTo(2);

            vertx.eventBus().publish("quote.600519.SH", new JsonObject().put("v", 2));
            assertThat(a.read().getJsonObject("body").getInteger("v")).isEqualTo(2);
            assertThat(b.read().getJsonObject("body").getInteger("v")).isEqualTo(2);
        }
        awaitCondition(() -> shared.snapshot().consumers() == 0, "consumer released");
        awaitCondition(() -> shared.snapshot().subscriptions() == 0, "subscriptions released");
    }

    @Test
    void pointToPointMessagesGoToOneSubscriberInTurn() throws Exception {
        try (RawBridgeClient a = RawBridgeClient.connect(port); RawBridgeClient b = RawBridgeClient.connect(port)) {
            a.register("client.work");
            b.register("client.work");
            a.sync();
            b.sync();
            for (int i = 0; i < 4; i++) {
                vertx.eventBus().send("client.work", i);
            }
            List<Integer> toA = new ArrayList<>();
            List<Integer> toB = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                toA.add(a.read().getInteger("body"));
                toB.add(b.read().getInteger("body"));
            }
            assertThat(a.sync()).isEmpty();
            assertThat(b.sync()).isEmpty();
            assertThat(toA).containsExactly(0, 2);
            assertThat(toB).containsExactly(1, 3);
        }
    }
}
