package com.quotebus.access.bridge;

import static com.quotebus.access.bridge.BridgeTestSupport.await;
import static com.quotebus.access.bridge.BridgeTestSupport.deploy;
import static com.quotebus.access.bridge.BridgeTestSupport.testOptions;
import static org.assertj.core.api.Assertions.assertThat;


import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Client requests (send + replyAddress): replies, each failure type, the pluggable router, stock client frames. */
class BridgeRequestTest {
    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    private static JsonObject request(String address, String replyAddress, JsonObject body) {
        return new JsonObject().put("type", "send").put("address", address).put("replyAddress", replyAddress)
                .put("body", body);
    }

    @Test
    void replyIsDeliveredToTheClientsReplyAddress() throws Exception {
        AccessGatewayVerticle g = deploy(vertx, testOptions().build(), null);
        vertx.eventBus().<JsonObject>consumer("svc.echo", m -> m.reply(m.body().copy().put("echoed", true),
                new DeliveryOptions().addHeader("served-by", "node-1")));
        try (RawBridgeClient c = RawBridgeClient.connect(g.port())) {
            c.send(request("svc.echo", "r-1", new JsonObject().put("q", "hi")));
            assertThat(c.read()).isEqualTo(new JsonObject().put("type", "message").put("address", "r-1")
                    .put("headers", new JsonObject().put("served-by", "node-1"))
                    .put("body", new JsonObject().put("q", "hi").put("echoed", true)).put("send", true));
        }
        assertThat(g.server().metrics().snapshot().requests()).isEqualTo(1);
    }

    @Test
    void eachFailureTypeComesBackAsAnErrFrameNamingBothAddresses() throws Exception {
        AccessGatewayVerticle g = deploy(vertx, testOptions().build(), null);
        vertx.eventBus().consumer("svc.broken", m -> m.fail(42, "boom"));
        vertx.eventBus().consumer("svc.silent", m -> { });
        try (RawBridgeClient c = RawBridgeClient.connect(g.port())) {
            c.send(request("svc.none", "r-1", new JsonObject()));
            assertThat(c.read()).isEqualTo(new JsonObject().put("type", "err").put("address", "r-1")
                    .put("sourceAddress", "svc.none").put("failureCode", -1).put("failureType", "NO_HANDLERS")
                    .put("message", "No handlers for address svc.none"));
            c.send(request("svc.broken", "r-2", new JsonObject()));
            assertThat(c.read()).isEqualTo(new JsonObject().put("type", "err").put("address", "r-2")
                    .put("sourceAddress", "svc.broken").put("failureCode", 42).put("failureType", "RECIPIENT_FAILURE")
                    .put("message", "boom"));
            c.send(request("svc.silent", "r-3", new JsonObject()).put("headers", new JsonObject().put("timeout", "50")));
            JsonObject timeout = c.read();
            assertThat(timeout.fieldNames()).containsExactlyInAnyOrder("type", "address", "sourceAddress",
                    "failureCode", "failureType", "message");
            assertThat(timeout.getString("address")).isEqualTo("r-3");
            assertThat(timeout.getString("sourceAddress")).isEqualTo("svc.silent");
            assertThat(timeout.getString("failureType")).isEqualTo("TIMEOUT");
            assertThat(timeout.getInteger("failureCode")).isEqualTo(-1);
        }
        assertThat(g.server().metrics().snapshot().requestFailures()).isEqualTo(3);
    }

    @Test
    void requestsToRoutedPrefixesGoThroughThePluggableRouterWithClampedDeadline() throws Exception {
        List<ClientRequest> seen = new CopyOnWriteArrayList<>();
        RequestRouter router = req -> {
            seen.add(req);
            return vertx.eventBus().request("backend.instance-2", req.body());
        };
        BridgeServerOptions options = testOptions().inboundPermits(List.of(AddressPermit.regex("(svc|echo)\\..+")))
                .maxRequestTimeoutMs(5000).build();
        AccessGatewayVerticle g = deploy(vertx, options, router);
        vertx.eventBus().consumer("backend.instance-2", m -> m.reply("from instance 2"));
        vertx.eventBus().consumer("echo.plain", m -> m.reply("plain"));
        try (RawBridgeClient c = RawBridgeClient.connect(g.port())) {
            c.send(request("svc.kline.history", "r-1", new JsonObject().put("code", "600000.SH"))
                    .put("headers", new JsonObject().put("timeout", "60000").put("trace", "t1")));
            assertThat(c.read().getString("body")).isEqualTo("from instance 2");
            c.send(request("echo.plain", "r-2", new JsonObject()));
            assertThat(c.read().getString("body")).isEqualTo("plain");
        }
        assertThat(seen).hasSize(1);
        ClientRequest r = seen.get(0);
        assertThat(r.address()).isEqualTo("svc.kline.history");
        assertThat(r.body()).isEqualTo(new JsonObject().put("code", "600000.SH"));
        assertThat(r.timeoutMs()).isEqualTo(5000);
        assertThat(r.headers().names()).containsExactly("trace");
    }

    @Test
    void aRouterThatNeverAnswersStillGivesTheClientATimeout() throws Exception {
        RequestRouter never = req -> Promise.<Message<Object>>promise().future();
        AccessGatewayVerticle g = deploy(vertx, testOptions().requestTimeoutMs(50).build(), never);
        try (RawBridgeClient c = RawBridgeClient.connect(g.port())) {
            c.send(request("svc.stuck", "r-1", new JsonObject()));
            JsonObject err = c.read();
            assertThat(err.getString("type")).isEqualTo("err");
            assertThat(err.getString("address")).isEqualTo("r-1");
            assertThat(err.getString("failureType")).isEqualTo("TIMEOUT");
        }
    }

    @Test
    void aRouterThatThrowsIsReportedAsRecipientFailure() throws Exception {
        RequestRouter throwing = req -> {
            throw new IllegalStateException("no route");
        };
        AccessGatewayVerticle g = deploy(vertx, testOptions().build(), throwing);
        try (RawBridgeClient c = RawBridgeClient.connect(g.port())) {
            c.send(request("svc.x", "r-1", new JsonObject()));
            assertThat(c.read()).isEqualTo(new JsonObject().put("type", "err").put("address", "r-1")
                    .put("sourceAddress", "svc.x").put("failureCode", -1).put("failureType", "RECIPIENT_FAILURE")
                    .put("message", "no route"));
        }
    }

    @Test
    void inFlightRequestsPerConnectionAreBounded() throws Exception {
        List<Promise<Message<Object>>> held = new CopyOnWriteArrayList<>();
        RequestRouter holding = req -> {
            Promise<Message<Object>> p = Promise.promise();
            held.add(p);
            return p.future();
        };
        AccessGatewayVerticle g = deploy(vertx, testOptions().maxInFlightRequestsPerConnection(2).build(), holding);
        try (RawBridgeClient c = RawBridgeClient.connect(g.port())) {
            for (int i = 0; i < 3; i++) {
                c.send(request("svc.x", "r-" + i, new JsonObject()));
            }
            assertThat(c.sync()).containsExactly(new JsonObject().put("type", "err").put("message",
                    "too_many_requests"));
        }
    }

    @Test
    void aReplyThatAsksForAnAnswerStartsAConversation() throws Exception {
        AccessGatewayVerticle g = deploy(vertx, testOptions().build(), null);
        List<Object> second = new CopyOnWriteArrayList<>();
        vertx.eventBus().<String>consumer("svc.login", m -> m.<String>replyAndRequest("challenge")
                .onSuccess(answer -> {
                    second.add(answer.body());
                    answer.reply("welcome");
                }));
        try (RawBridgeClient c = RawBridgeClient.connect(g.port())) {
            c.send(request("svc.login", "r-1", null).put("body", "user"));
            JsonObject challenge = c.read();
            assertThat(challenge.getString("body")).isEqualTo("challenge");
            String answerTo = challenge.getString("replyAddress");
            assertThat(answerTo).isNotNull();
            c.send(new JsonObject().put("type", "send").put("address", answerTo).put("replyAddress", "r-2")
                    .put("body", "response"));
            // The answer goes to the waiting service; the bridge does not treat it as a new request.
            assertThat(c.sync()).isEmpty();
        }
        BridgeTestSupport.awaitCondition(() -> !second.isEmpty(), "the service got the answer");
        assertThat(second).containsExactly("response");
    }

    /**
     * Frames exactly as the stock Java/Python/Node clients write them (headers present and empty,
     * replyAddress a client-chosen id, bodies JSON objects), answered byte for byte as the stock bridge would.
     */
    @Test
    void stockClientFramesWorkUnchanged() throws Exception {
        AccessGatewayVerticle g = deploy(vertx, testOptions().build(), null);
        vertx.eventBus().<JsonObject>consumer("svc.echo", m -> m.reply(m.body()));
        try (RawBridgeClient c = RawBridgeClient.connect(g.port())) {
            c.sendJson("{\"type\":\"register\",\"address\":\"quote.600000.SH\",\"headers\":{}}");
            c.sendJson("{\"type\":\"send\",\"address\":\"svc.echo\",\"replyAddress\":\"6d6f8c5e-1\",\"headers\":{},"
                    + "\"body\":{\"value\":\"vert.x\"}}");
            assertThat(c.readRaw()).isEqualTo("{\"type\":\"message\",\"address\":\"6d6f8c5e-1\",\"headers\":{},"
                    + "\"body\":{\"value\":\"vert.x\"},\"send\":true}");
            vertx.eventBus().publish("quote.600000.SH", new JsonObject().put("last", 1));
            assertThat(c.readRaw()).isEqualTo("{\"type\":\"message\",\"address\":\"quote.600000.SH\",\"headers\":{},"
                    + "\"body\":{\"last\":1},\"send\":false}");
            c.sendJson("{\"type\":\"unregister\",\"address\":\"quote.600000.SH\",\"headers\":{}}");
            c.sendJson("{\"type\":\"ping\"}");
            assertThat(c.readRaw()).isEqualTo("{\"type\":\"pong\"}");
        }
    }

}
