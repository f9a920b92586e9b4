package com.quotebus.access.admin;

import static com.quotebus.access.bridge.BridgeTestSupport.await;
import static com.quotebus.access.bridge.BridgeTestSupport.awaitCondition;
import static com.quotebus.access.bridge.BridgeTestSupport.testOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.access.bridge.AccessGatewayVerticle;
import com.quotebus.access.bridge.BridgeMetrics;
import com.quotebus.access.bridge.BridgeServerOptions;
import com.quotebus.access.bridge.LiveLimits;
import com.quotebus.access.bridge.RawBridgeClient;
import com.quotebus.access.bridge.SubscriptionHub;
import com.quotebus.access.routing.InMemoryPolicyStore;
import com.quotebus.access.routing.ServicePolicy;
import com.quotebus.access.routing.StrategyKind;
import com.quotebus.access.session.InMemorySessionStore;
import com.quotebus.access.session.SessionManager;
import com.quotebus.access.session.SessionMetrics;
import com.quotebus.access.session.SessionOptions;
import com.quotebus.cluster.registry.InMemoryServiceRegistry;
import com.quotebus.cluster.registry.InstanceState;
import com.quotebus.cluster.registry.RegistryConfig;
import com.quotebus.cluster.registry.ServiceInstance;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin commands over a real gateway socket, with in-memory registry, policies and sessions. */
class AdminServiceTest {
    private static final long NOW = 1_700_000_000_000L;
    private Vertx vertx;
    private InMemoryServiceRegistry registry;
    private InMemoryPolicyStore policies;
    private LiveLimits limits;
    private int port;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        registry = new InMemoryServiceRegistry(RegistryConfig.DEFAULT, Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC));
        policies = new InMemoryPolicyStore();
        await(Future.fromCompletionStage(registry.register(ServiceInstance.of("ticks", "calc-a", "node-a"))));
        await(Future.fromCompletionStage(registry.register(ServiceInstance.of("ticks", "calc-b", "node-b"))));
        await(Future.fromCompletionStage(policies.setPolicy("ticks", ServicePolicy.of(StrategyKind.SHARD_OWNER))));
        BridgeServerOptions options = testOptions().build();
        limits = new LiveLimits(options);
        SessionManager sessions = new SessionManager(vertx, new InMemorySessionStore(() -> NOW),
                req -> Future.failedFuture("no ticks"), SessionOptions.DEFAULT, "node-a",
                new SessionMetrics(new SimpleMeterRegistry()), () -> NOW);
        await(sessions.start());
        AdminService admin = new AdminService(vertx, registry, policies, sessions, limits,
                () -> new JsonArray().add(new JsonObject().put("id", "node-a").put("address", "127.0.0.1:5701")),
                () -> NOW);
        await(admin.start());
        AccessGatewayVerticle g = new AccessGatewayVerticle(options,
                new SubscriptionHub(vertx, options, new BridgeMetrics()), null, sessions, limits);
        await(vertx.deployVerticle(g));
        port = g.port();
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    private static JsonObject call(RawBridgeClient c, String address, JsonObject body, String token) throws Exception {
        String reply = "r-" + System.nanoTime();
        JsonObject frame = new JsonObject().put("type", "send").put("address", address).put("replyAddress", reply)
                .put("body", body);
        if (token != null) {
            frame.put("headers", new JsonObject().put("token", token));
        }
        c.send(frame);
        for (JsonObject f = c.read(); ; f = c.read()) {
            if (reply.equals(f.getString("address")) || f.getString("address") == null) {
                return f;
            }
        }
    }

    private static JsonObject admin(RawBridgeClient c, String address, JsonObject body) throws Exception {
        return call(c, address, body, "s3cret");
    }

    @Test
    void adminAddressesNeedTheToken() throws Exception {
        try (RawBridgeClient c = RawBridgeClient.connect(port)) {
            assertThat(call(c, "admin.services", new JsonObject(), null))
                    .isEqualTo(new JsonObject().put("type", "err").put("message", "invalid_token"));
            assertThat(call(c, "admin.services", new JsonObject(), "wrong"))
                    .isEqualTo(new JsonObject().put("type", "err").put("message", "invalid_token"));
            assertThat(admin(c, "admin.nodes", new JsonObject()).getJsonObject("body")).isEqualTo(new JsonObject()
                    .put("nodes", new JsonArray().add(new JsonObject().put("id", "node-a").put("address", "127.0.0.1:5701"))));
        }
    }

    @Test
    void servicesListsInstancesAndPolicies() throws Exception {
        try (RawBridgeClient c = RawBridgeClient.connect(port)) {
            JsonObject services = admin(c, "admin.services", null).getJsonObject("body");
            JsonObject ticks = services.getJsonArray("services").getJsonObject(0);
            assertThat(ticks.getString("service")).isEqualTo("ticks");
            assertThat(ticks.getString("strategy")).isEqualTo("shard-owner");
            assertThat(ticks.getJsonArray("instances").getJsonObject(0)).isEqualTo(new JsonObject()
                    .put("id", "calc-a").put("node", "node-a").put("state", "ACTIVE").put("weight", 1).put("load", 0)
                    .put("lastHeartbeat", NOW).put("address", ServiceInstance.defaultAddress("ticks", "calc-a")));
        }
    }

    @Test
    void strategyWeightAndDrainChangeThePoliciesAndTheRegistry() throws Exception {
        try (RawBridgeClient c = RawBridgeClient.connect(port)) {
            assertThat(admin(c, "admin.strategy", new JsonObject().put("service", "svc.ticks")
                    .put("strategy", "weighted")).getJsonObject("body"))
                    .isEqualTo(new JsonObject().put("service", "ticks").put("strategy", "weighted"));
            assertThat(policies.policy("ticks").strategy()).isEqualTo(StrategyKind.WEIGHTED);

            admin(c, "admin.weight", new JsonObject().put("service", "ticks").put("instance", "calc-b").put("weight", 7));
            assertThat(registry.instance("ticks", "calc-b").orElseThrow().weight()).isEqualTo(7);

            admin(c, "admin.drain", new JsonObject().put("service", "ticks").put("instance", "calc-a"));
            assertThat(registry.instance("ticks", "calc-a").orElseThrow().state()).isEqualTo(InstanceState.DRAINING);
            admin(c, "admin.undrain", new JsonObject().put("service", "ticks").put("instance", "calc-a"));
            assertThat(registry.instance("ticks", "calc-a").orElseThrow().state()).isEqualTo(InstanceState.ACTIVE);
        }
    }

    @Test
    void badRequestsNameTheFieldAndUnknownTargetsAre404() throws Exception {
        try (RawBridgeClient c = RawBridgeClient.connect(port)) {
            JsonObject missing = admin(c, "admin.weight", new JsonObject().put("service", "ticks").put("weight", 2));
            assertThat(missing.getInteger("failureCode")).isEqualTo(400);
            assertThat(missing.getString("message")).startsWith("bad_request: 'instance'");
            JsonObject badStrategy = admin(c, "admin.strategy", new JsonObject().put("service", "ticks")
                    .put("strategy", "fastest"));
            assertThat(badStrategy.getInteger("failureCode")).isEqualTo(400);
            assertThat(badStrategy.getString("message")).contains("strategy").contains("round-robin");
            JsonObject badWeight = admin(c, "admin.weight", new JsonObject().put("service", "ticks")
                    .put("instance", "calc-a").put("weight", 0));
            assertThat(badWeight.getString("message")).startsWith("bad_request: weight");

            JsonObject noInstance = admin(c, "admin.drain", new JsonObject().put("service", "ticks").put("instance", "x"));
            assertThat(noInstance.getInteger("failureCode")).isEqualTo(404);
            JsonObject noService = admin(c, "admin.strategy", new JsonObject().put("service", "nope")
                    .put("strategy", "weighted"));
            assertThat(noService.getInteger("failureCode")).isEqualTo(404);
            JsonObject noSession = admin(c, "admin.kick", new JsonObject().put("session", "s-nobody"));
            assertThat(noSession.getInteger("failureCode")).isEqualTo(404);
            assertThat(registry.instance("ticks", "calc-a").orElseThrow().weight()).isEqualTo(1);
        }
    }

    @Test
    void kickClosesThatSessionsConnectionAndSessionsListsIt() throws Exception {
        try (RawBridgeClient victim = RawBridgeClient.connect(port); RawBridgeClient op = RawBridgeClient.connect(port)) {
            JsonObject opened = call(victim, "session.open", new JsonObject(), null).getJsonObject("body");
            String id = opened.getString("session");
            victim.register("quote.600000.SH");
            victim.sync();
            awaitCondition(() -> {
                try {
                    return admin(op, "admin.sessions", new JsonObject()).getJsonObject("body").getJsonArray("sessions")
                            .stream().anyMatch(s -> id.equals(((JsonObject) s).getString("id"))
                                    && ((JsonObject) s).getInteger("subscriptions") == 1);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            }, "the session listed with its subscription");
            JsonObject listed = admin(op, "admin.sessions", new JsonObject()).getJsonObject("body").getJsonArray("sessions")
                    .stream().map(JsonObject.class::cast).filter(s -> id.equals(s.getString("id"))).findFirst().orElseThrow();
            assertThat(listed).isEqualTo(new JsonObject().put("id", id).put("node", "node-a").put("connected", true)
                    .put("subscriptions", 1).put("idleMs", 0));

            assertThat(admin(op, "admin.kick", new JsonObject().put("session", id)).getJsonObject("body"))
                    .isEqualTo(new JsonObject().put("session", id).put("kicked", true));
            assertThat(victim.readUntilClosed()).isEmpty();
            // Ended, not resumable.
            JsonObject again = call(op, "session.open", new JsonObject().put("token", opened.getString("token")), null);
            assertThat(again.getInteger("failureCode")).isEqualTo(440);
        }
    }

    @Test
    void limitsApplyToOpenConnections() throws Exception {
        try (RawBridgeClient client = RawBridgeClient.connect(port); RawBridgeClient op = RawBridgeClient.connect(port)) {
            client.register("quote.1");
            client.register("quote.2");
            assertThat(client.sync()).isEmpty();
            JsonObject reply = admin(op, "admin.limits", new JsonObject().put("maxSubscriptionsPerConnection", 2));
            assertThat(reply.getJsonObject("body").getJsonObject("limits").getInteger("maxSubscriptionsPerConnection"))
                    .isEqualTo(2);
            client.register("quote.3");
            assertThat(client.sync()).containsExactly(new JsonObject().put("type", "err")
                    .put("message", "subscription_quota_exceeded"));

            JsonObject bad = admin(op, "admin.limits", new JsonObject().put("rateLimitBurst", -1));
            assertThat(bad.getInteger("failureCode")).isEqualTo(400);
            assertThat(bad.getString("message")).isEqualTo("bad_request: rateLimitBurst must be >= 1");
            JsonObject unknown = admin(op, "admin.limits", new JsonObject().put("maxConnections", 1));
            assertThat(unknown.getString("message")).startsWith("bad_request: maxConnections is not a live limit");
            assertThat(limits.current().rateLimitBurst()).isEqualTo(100_000);
        }
    }
}
