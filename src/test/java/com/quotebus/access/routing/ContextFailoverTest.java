package com.quotebus.access.routing;

import com.quotebus.cluster.registry.InMemoryServiceRegistry;
import com.quotebus.cluster.registry.RegistryConfig;
import com.quotebus.cluster.registry.ServiceInstance;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class ContextFailoverTest {

    private final Clock clock = Clock.systemUTC();
    private final JsonObject subscribe = new JsonObject().put("code", "600000.SH").put("reply", "client.s1");
    private InMemoryServiceRegistry registry;
    private ServiceRouter router;
    private ContextFailover failover;

    @BeforeEach
    void setUp(Vertx vertx) {
        registry = new InMemoryServiceRegistry(RegistryConfig.DEFAULT, clock);
        router = new ServiceRouter(vertx, registry, new InMemoryPolicyStore(), new RouterConfig(4000, 1000, 3, Set.of()),
                clock, new RouterMetrics(new SimpleMeterRegistry()));
        failover = new ContextFailover(vertx, router, registry, clock, 2, 100, 2000, 60_000);
    }

    @AfterEach
    void tearDown() {
        failover.close();
        router.close();
    }

    private Future<Void> start(Vertx vertx, FakeService f) {
        return vertx.deployVerticle(f).compose(id ->
                Future.fromCompletionStage(registry.register(ServiceInstance.of(f.service, f.instanceId, "n"))));
    }

    /** Completes once {@code condition} holds, checking every 10 ms (the test timeout bounds it). */
    private static Future<Void> eventually(Vertx vertx, BooleanSupplier condition) {
        Promise<Void> p = Promise.promise();
        vertx.setPeriodic(10, id -> {
            if (condition.getAsBoolean()) {
                vertx.cancelTimer(id);
                p.tryComplete();
            }
        });
        return p.future();
    }

    @Test
    void aSubscriptionOnARemovedInstanceIsSentAgainToAHealthyOne(Vertx vertx, VertxTestContext test) {
        FakeService x = FakeService.answering("stream", "x");
        FakeService y = FakeService.answering("stream", "y");
        start(vertx, x).compose(v -> start(vertx, y))
                .compose(v -> failover.open("s1", "stream:600000.SH", "svc.stream.subscribe", subscribe, Map.of(), 0))
                .compose(reply -> {
                    test.verify(() -> assertThat(reply.instanceIds()).containsExactly("x"));
                    registry.deregister("stream", "x");
                    return eventually(vertx, () -> !failover.contexts().heldOn("stream", "y").isEmpty());
                })
                .onComplete(test.succeeding(v -> test.verify(() -> {
                    assertThat(y.received).containsExactly("y:subscribe:" + subscribe.encode());
                    assertThat(y.resentHeaders).containsExactly("true");
                    assertThat(failover.contexts().contexts("s1")).containsExactly(new HeldContext("s1",
                            "stream:600000.SH", "stream", "svc.stream.subscribe", subscribe, Map.of(), "y"));
                    assertThat(failover.resent()).isEqualTo(1);
                    test.completeNow();
                })));
    }

    @Test
    void withNoInstanceLeftTheSubscriptionWaitsAndGoesToTheNextInstanceThatRegisters(Vertx vertx,
                                                                                    VertxTestContext test) {
        FakeService x = FakeService.answering("stream", "x");
        FakeService z = FakeService.answering("stream", "z");
        start(vertx, x)
                .compose(v -> failover.open("s1", "stream:600000.SH", "svc.stream.subscribe", subscribe, Map.of(), 0))
                .compose(reply -> {
                    registry.deregister("stream", "x");
                    return eventually(vertx, () -> failover.contexts().orphans() == 1);
                })
                .compose(v -> start(vertx, z))
                .compose(v -> eventually(vertx, () -> !failover.contexts().heldOn("stream", "z").isEmpty()))
                .onComplete(test.succeeding(v -> test.verify(() -> {
                    assertThat(z.received).containsExactly("z:subscribe:" + subscribe.encode());
                    assertThat(failover.resendFailures()).isEqualTo(1);
                    assertThat(failover.contexts().orphans()).isZero();
                    test.completeNow();
                })));
    }

    @Test
    void openRefusesPastTheSessionLimitWithoutSendingAnything(Vertx vertx, VertxTestContext test) {
        FakeService x = FakeService.answering("stream", "x");
        start(vertx, x)
                .compose(v -> failover.open("s1", "a", "svc.stream.subscribe", subscribe, Map.of(), 0))
                .compose(v -> failover.open("s1", "b", "svc.stream.subscribe", subscribe, Map.of(), 0))
                .compose(v -> failover.open("s1", "c", "svc.stream.subscribe", subscribe, Map.of(), 0))
                .onComplete(test.failing(e -> test.verify(() -> {
                    assertThat(((ReplyException) e).failureCode()).isEqualTo(ContextFailover.TOO_MANY_CONTEXTS);
                    assertThat(x.received).hasSize(2);
                    assertThat(failover.close("s1", "a")).map(HeldContext::instanceId).contains("x");
                    assertThat(failover.closeSession("s1")).extracting(HeldContext::contextId).isEqualTo(List.of("b"));
                    assertThat(failover.contexts().size()).isZero();
                    test.completeNow();
                })));
    }
}
