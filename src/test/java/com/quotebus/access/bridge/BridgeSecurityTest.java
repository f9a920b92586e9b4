package com.quotebus.access.bridge;

import static com.quotebus.access.bridge.BridgeTestSupport.await;
import static com.quotebus.access.bridge.BridgeTestSupport.awaitCondition;
import static com.quotebus.access.bridge.BridgeTestSupport.deploy;
import static com.quotebus.access.bridge.BridgeTestSupport.testOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.access.bridge.frame.ErrorCode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Permits, internal/admin/market-data addresses, quota, rate limit, idle timeout. */
class BridgeSecurityTest {
    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    private static JsonObject err(String message) {
        return new JsonObject().put("type", "err").put("message", message);
    }

    private static JsonObject frame(String type, String address) {
        return new JsonObject().put("type", type).put("address", address).put("body", new JsonObject().put("x", 1));
    }

    @Test
    void inboundAndOutboundPermitsAreEnforced() throws Exception {
        AccessGatewayVerticle g = deploy(vertx, testOptions().build(), null);
        List<Object> received = new CopyOnWriteArrayList<>();
        vertx.eventBus().consumer("echo", m -> received.add(m.body()));
        try (RawBridgeClient c = RawBridgeClient.connect(g.port())) {
            c.send(frame("send", "echo"));
            c.send(frame("send", "echo2"));
            c.send(frame("publish", "orders.new"));
            c.register("orders.new");
            c.register("svc.quote");
            assertThat(c.sync()).containsExactly(err("access_denied"), err("access_denied"), err("access_denied"),
                    err("access_denied"));
        }
        awaitCondition(() -> !received.isEmpty(), "delivery to echo");
        assertThat(received).containsExactly(new JsonObject().put("x", 1));
        assertThat(g.server().metrics().snapshot().errors(ErrorCode.ACCESS_DENIED)).isEqualTo(4);
    }

    @Test
    void internalAddressesAreUnreachableEvenWhenPermitsMatchEverything() throws Exception {
        BridgeServerOptions options = testOptions().inboundPermits(List.of(AddressPermit.regex(".+")))
                .outboundPermits(List.of(AddressPermit.regex(".+"))).build();
        AccessGatewayVerticle g = deploy(vertx, options, null);
        try (RawBridgeClient c = RawBridgeClient.connect(g.port())) {
            c.send(frame("send", "internal.cluster.sync"));
            c.send(frame("publish", "internal.cluster.sync"));
            c.register("internal.cluster.sync");
            assertThat(c.sync()).containsExactly(err("access_denied"), err("access_denied"), err("access_denied"));
        }
    }

    @Test
    void clientsCannotSendOrPublishOntoMarketDataAddresses() throws Exception {
        BridgeServerOptions options = testOptions().inboundPermits(List.of(AddressPermit.regex(".+"))).build();
        AccessGatewayVerticle g = deploy(vertx, options, null);
        List<Object> received = new CopyOnWriteArrayList<>();
        vertx.eventBus().consumer("quote.600000.SH", m -> received.add(m.body()));
        try (RawBridgeClient c = RawBridgeClient.connect(g.port())) {
            c.send(frame("publish", "quote.600000.SH"));
            c.send(frame("send", "tick.600000.SH"));
            c.send(frame("publish", "kline.600000.SH.1m"));
            assertThat(c.sync()).containsExactly(err("access_denied"), err("access_denied"), err("access_denied"));
        }
        assertThat(received).isEmpty();
    }

    @Test
    void adminAddressesNeedTheToken() throws Exception {
        AccessGatewayVerticle g = deploy(vertx, testOptions().build(), null);
        List<JsonObject> received = new CopyOnWriteArrayList<>();
        vertx.eventBus().<JsonObject>consumer("admin.reload", m -> {
            received.add(m.body());
            assertThat(m.headers().contains("token")).isFalse();
        });
        try (RawBridgeClient c = RawBridgeClient.connect(g.port())) {
            c.send(frame("send", "admin.reload"));
            c.send(frame("send", "admin.reload").put("headers", new JsonObject().put("token", "wrong")));
            c.send(frame("send", "admin.reload").put("headers", new JsonObject().put("token", "s3cret")));
            assertThat(c.sync()).containsExactly(err("invalid_token"), err("invalid_token"));
        }
        awaitCondition(() -> !received.isEmpty(), "delivery to admin.reload");
        assertThat(received).containsExactly(new JsonObject().put("x", 1));
    }

    @Test
    void adminAddressesAreUnreachableWithoutAConfiguredTokenAndSaySoAsAdminOff() throws Exception {
        AccessGatewayVerticle g = deploy(vertx, testOptions().adminToken(null).build(), null);
        try (RawBridgeClient c = RawBridgeClient.connect(g.port())) {
            c.send(frame("send", "admin.reload").put("headers", new JsonObject().put("token", "anything")));
            c.send(frame("send", "admin.reload"));
            assertThat(c.sync()).containsExactly(err("admin_off"), err("admin_off"));
        }
    }

    @Test
    void subscriptionQuotaIsEnforcedAndFreedByUnregister() throws Exception {
        AccessGatewayVerticle g = deploy(vertx, testOptions().maxSubscriptionsPerConnection(2).build(), null);
        try (RawBridgeClient c = RawBridgeClient.connect(g.port())) {
            c.register("quote.1.SH");
            c.register("quote.2.SH");
            c.register("quote.2.SH"); // already held: no error, no extra quota
            c.register("quote.3.SH");
            assertThat(c.sync()).containsExactly(err("subscription_quota_exceeded"));
            c.unregister("quote.1.SH");
            c.register("quote.3.SH");
            assertThat(c.sync()).isEmpty();
        }
        assertThat(g.server().metrics().snapshot().errors(ErrorCode.SUBSCRIPTION_QUOTA_EXCEEDED)).isEqualTo(1);
    }

    @Test
    void requestRateIsLimitedByATokenBucketOnTheInjectedClock() throws Exception {
        AtomicLong clock = new AtomicLong(1_000_000_000L);
        BridgeServerOptions options = testOptions().rateLimitPerSecond(1).rateLimitBurst(3).build();
        BridgeMetrics metrics = new BridgeMetrics();
        SubscriptionHub hub = new SubscriptionHub(vertx, options, metrics);
        BridgeServer server = new BridgeServer(vertx, options, hub, null, clock::get);
        int port = await(server.listen());
        List<Object> received = new CopyOnWriteArrayList<>();
        vertx.eventBus().consumer("echo", m -> received.add(m.body()));
        try (RawBridgeClient c = RawBridgeClient.connect(port)) {
            for (int i = 0; i < 5; i++) {
                c.send(frame("send", "echo"));
            }
            assertThat(c.sync()).containsExactly(err("rate_limited"), err("rate_limited"));
            clock.addAndGet(2_000_000_000L); // two seconds: two tokens back
            for (int i = 0; i < 3; i++) {
                c.send(frame("send", "echo"));
            }
            assertThat(c.sync()).containsExactly(err("rate_limited"));
        }
        awaitCondition(() -> received.size() >= 5, "five deliveries");
        assertThat(received).hasSize(5);
        assertThat(metrics.snapshot().errors(ErrorCode.RATE_LIMITED)).isEqualTo(3);
        await(server.close());
    }

    @Test
    void silentClientIsClosedAfterTheIdleTimeoutWithAReason() throws Exception {
        AccessGatewayVerticle g = deploy(vertx, testOptions().idleTimeoutMs(200).build(), null);
        try (RawBridgeClient c = RawBridgeClient.connect(g.port())) {
            c.register("quote.1.SH");
            assertThat(c.readUntilClosed()).containsExactly(err("idle_timeout"));
        }
        BridgeMetrics metrics = g.server().metrics();
        awaitCondition(() -> metrics.snapshot().consumers() == 0, "consumer released");
        assertThat(metrics.snapshot().errors(ErrorCode.IDLE_TIMEOUT)).isEqualTo(1);
        assertThat(metrics.snapshot().subscriptions()).isZero();
    }

    @Test
    void pingsKeepAClientAlivePastTheIdleTimeout() throws Exception {
        AtomicLong clock = new AtomicLong(0);
        BridgeServerOptions options = testOptions().idleTimeoutMs(1000).build();
        SubscriptionHub hub = new SubscriptionHub(vertx, options, new BridgeMetrics());
        BridgeServer server = new BridgeServer(vertx, options, hub, null, clock::get);
        int port = await(server.listen());
        try (RawBridgeClient c = RawBridgeClient.connect(port)) {
            List<JsonObject> seen = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                clock.addAndGet(600_000_000L); // 0.6 s between pings, 3 s in all
                seen.addAll(c.sync());
                Thread.sleep(300); // let the idle scan (every 250 ms) run at this clock
            }
            assertThat(seen).isEmpty();
            clock.addAndGet(1_000_000_000L);
            assertThat(c.readUntilClosed()).containsExactly(err("idle_timeout"));
        }
        await(server.close());
    }
}
