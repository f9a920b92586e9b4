package com.quotebus.access.routing;

import com.hazelcast.config.Config;
import com.quotebus.cluster.hazelcast.HazelcastPolicyStore;
import com.quotebus.cluster.hazelcast.HazelcastServiceRegistry;
import com.quotebus.cluster.registry.ServiceInstance;
import com.quotebus.cluster.registry.ServiceRegistration;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two clustered Vert.x nodes (vertx-hazelcast, 127.0.0.1): a quote service on node B registers itself with
 * {@link ServiceRegistration}; the gateway router on node A sees it and routes to it over the clustered event
 * bus; when B's Hazelcast member dies, A drops the instance and answers NO_INSTANCE.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusteredRoutingIT {

    private final String clusterName = "quotebus-routing-it-" + UUID.randomUUID();
    private final Clock clock = Clock.systemUTC();
    private Vertx gateway;
    private Vertx serviceNode;
    private HazelcastClusterManager gatewayCluster;
    private HazelcastClusterManager serviceCluster;
    private AccessRouting routing;

    private HazelcastClusterManager clusterManager() {
        Config config = com.quotebus.testkit.LoopbackHazelcast.config(clusterName, 5951, 3);
        return new HazelcastClusterManager(config);
    }

    private Vertx clustered(HazelcastClusterManager cm) throws Exception {
        VertxOptions options = new VertxOptions().setEventBusOptions(
                new EventBusOptions().setHost("127.0.0.1").setClusterPublicHost("127.0.0.1").setPort(0));
        return Vertx.builder().with(options).withClusterManager(cm).buildClustered()
                .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 20 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    /** A service verticle: answers quotes and keeps itself registered. */
    static final class QuoteService extends VerticleBase {
        private final HazelcastServiceRegistry registry;
        private final String nodeId;
        private ServiceRegistration registration;

        QuoteService(HazelcastServiceRegistry registry, String nodeId) {
            this.registry = registry;
            this.nodeId = nodeId;
        }

        @Override
        public Future<?> start() {
            ServiceInstance me = ServiceInstance.of("quote", "q1", nodeId);
            return vertx.eventBus().<JsonObject>consumer(me.address(),
                            m -> m.reply(new JsonObject().put("code", m.body().getString("code")).put("last", 102500)))
                    .completion()
                    .compose(v -> ServiceRegistration.start(vertx, registry, me, Duration.ofMillis(500), () -> 1))
                    .onSuccess(r -> registration = r);
        }

        @Override
        public Future<?> stop() {
            return registration.stop();
        }
    }

    @BeforeAll
    void startNodes() throws Exception {
        gatewayCluster = clusterManager();
        gateway = clustered(gatewayCluster);
        serviceCluster = clusterManager();
        serviceNode = clustered(serviceCluster);
        HazelcastServiceRegistry serviceRegistry = await(HazelcastServiceRegistry.started(serviceNode,
                serviceCluster.getHazelcastInstance(), AccessRouting.Settings.DEFAULT.registry(), clock));
        await(serviceNode.deployVerticle(new QuoteService(serviceRegistry, serviceCluster.getNodeId())));
        AccessRouting.Settings d = AccessRouting.Settings.DEFAULT;
        // Generous per-try timeout: the first clustered request opens the event-bus connection between the nodes.
        AccessRouting.Settings settings = new AccessRouting.Settings(d.registry(), new RouterConfig(10_000, 8_000, 3,
                java.util.Set.of()), d.policyMapName(), d.maxContextsPerSession(), d.maxContexts(),
                d.resendTimeoutMillis(), d.orphanRetryMillis());
        HazelcastServiceRegistry gatewayRegistry = await(HazelcastServiceRegistry.started(gateway,
                gatewayCluster.getHazelcastInstance(), settings.registry(), clock));
        HazelcastPolicyStore policies = await(HazelcastPolicyStore.started(gateway,
                gatewayCluster.getHazelcastInstance(), settings.policyMapName()));
        routing = AccessRouting.clustered(gateway, gatewayRegistry, policies, new com.quotebus.cluster.InMemoryShardMap(),
                settings, clock, new SimpleMeterRegistry());
    }

    @AfterAll
    void stopNodes() throws Exception {
        if (routing != null) {
            await(routing.close());
        }
        if (serviceNode != null) {
            // its Hazelcast member is already dead: the service's deregistration fails, which is expected here
            serviceNode.close().toCompletionStage().toCompletableFuture().handle((v, e) -> null).get(20, TimeUnit.SECONDS);
        }
        if (gateway != null) {
            await(gateway.close());
        }
    }

    @Test
    void theGatewayRoutesToAServiceOnAnotherNodeAndForgetsItWhenItsMemberDies() throws Exception {
        eventually("quote/q1 visible on the gateway", () -> !routing.registry().instances("quote").isEmpty());

        RouteReply reply = await(routing.router().route("svc.quote.last", new JsonObject().put("code", "600000.SH"),
                Map.of()));
        assertThat(reply.body()).isEqualTo(new JsonObject().put("code", "600000.SH").put("last", 102500));
        assertThat(reply.instanceIds()).containsExactly("q1");

        serviceCluster.getHazelcastInstance().getLifecycleService().terminate(); // crash, no deregistration
        eventually("quote/q1 dropped by the gateway", () -> routing.registry().instances("quote").isEmpty());

        Throwable failure = routing.router().route("svc.quote.last", new JsonObject(), Map.of())
                .toCompletionStage().toCompletableFuture().handle((r, e) -> e).get(5, TimeUnit.SECONDS);
        Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
        assertThat(cause).isInstanceOf(ReplyException.class);
        assertThat(((ReplyException) cause).failureCode()).isEqualTo(RouteFailures.NO_INSTANCE);
    }
}
