package com.quotebus.access.routing;

import com.quotebus.cluster.registry.InMemoryServiceRegistry;
import com.quotebus.cluster.registry.RegistryConfig;
import com.quotebus.cluster.registry.ServiceInstance;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class ServiceRouterTest {

    private final Clock clock = Clock.systemUTC();
    private InMemoryServiceRegistry registry;
    private InMemoryPolicyStore policies;
    private ServiceRouter router;

    @BeforeEach
    void setUp(Vertx vertx) {
        registry = new InMemoryServiceRegistry(RegistryConfig.DEFAULT, clock);
        policies = new InMemoryPolicyStore();
        router = new ServiceRouter(vertx, registry, policies,
                new RouterConfig(4000, 1000, 3, Set.of("order")), clock, new RouterMetrics(new SimpleMeterRegistry()));
    }

    /** Deploys the fakes and registers them. */
    private Future<Void> start(Vertx vertx, FakeService... fakes) {
        List<Future<?>> all = new ArrayList<>();
        for (FakeService f : fakes) {
            registry.register(ServiceInstance.of(f.service, f.instanceId, "node1"));
            all.add(vertx.deployVerticle(f));
        }
        return Future.all(all).mapEmpty();
    }

    /** Routes {@code n} requests one after another; returns the answering instance ids. */
    private Future<List<String>> routeInSequence(String address, JsonObject body, int n) {
        List<String> ids = new ArrayList<>();
        Future<Void> chain = Future.succeededFuture();
        for (int i = 0; i < n; i++) {
            chain = chain.compose(v -> router.route(address, body, Map.of())
                    .map(r -> { ids.add(r.instanceIds().get(0)); return null; }));
        }
        return chain.map(v -> ids);
    }

    @Test
    void roundRobinByDefaultAndTheActionTravelsInAHeader(Vertx vertx, VertxTestContext test) {
        FakeService a = FakeService.answering("kline", "a");
        FakeService b = FakeService.answering("kline", "b");
        start(vertx, a, b)
                .compose(v -> routeInSequence("svc.kline.history", new JsonObject().put("code", "600000.SH"), 4))
                .onComplete(test.succeeding(ids -> test.verify(() -> {
                    assertThat(ids).containsExactly("a", "b", "a", "b");
                    assertThat(a.received).containsExactly("a:history:{\"code\":\"600000.SH\"}",
                            "a:history:{\"code\":\"600000.SH\"}");
                    assertThat(router.outstanding()).isZero();
                    test.completeNow();
                })));
    }

    /** Completes once the router holds no request to the instance any more (its attempt answered or timed out). */
    private static Future<Void> settled(Vertx vertx, ServiceRouter router, String service, String instanceId) {
        io.vertx.core.Promise<Void> done = io.vertx.core.Promise.promise();
        vertx.setPeriodic(10, id -> {
            if (router.outstanding(service, instanceId) == 0) {
                vertx.cancelTimer(id);
                done.tryComplete();
            }
        });
        return done.future();
    }

    @Test
    void anInstanceThatDoesNotAnswerInTheHedgeDelayIsHedgedToAnotherAndPassedOverOnceItsTryTimesOut(Vertx vertx,
                                                                                                    VertxTestContext test) {
        FakeService a = FakeService.silent("kline", "a");
        FakeService b = FakeService.answering("kline", "b");
        long[] tookMs = new long[1];
        start(vertx, a, b)
                .compose(v -> {
                    long t0 = System.nanoTime();
                    return router.route("svc.kline", new JsonObject().put("q", 1), Map.of(), clock.millis() + 4000)
                            .onSuccess(r -> tookMs[0] = (System.nanoTime() - t0) / 1_000_000);
                })
                // a's try runs out its per-try timeout (1 s) unanswered: that, not the hedge, marks it slow
                .compose(first -> settled(vertx, router, "kline", "a").map(first))
                .compose(first -> router.route("svc.kline", new JsonObject().put("q", 2), Map.of(),
                        clock.millis() + 4000).map(second -> List.of(first, second)))
                .onComplete(test.succeeding(replies -> test.verify(() -> {
                    RouteReply reply = replies.get(0);
                    assertThat(reply.body()).isEqualTo(new JsonObject().put("instance", "b")
                            .put("echo", new JsonObject().put("q", 1)));
                    assertThat(reply.instanceIds()).containsExactly("b");
                    assertThat(reply.attempts()).isEqualTo(2);
                    assertThat(tookMs[0]).as("answered after the hedge delay, not the 1 s per-try timeout")
                            .isLessThan(900);
                    assertThat(router.metrics().hedges("kline", "sent")).isEqualTo(1.0);
                    assertThat(router.metrics().hedges("kline", "won")).isEqualTo(1.0);
                    assertThat(replies.get(1).instanceIds()).as("the silent one is passed over").containsExactly("b");
                    assertThat(replies.get(1).attempts()).isEqualTo(1);
                    assertThat(a.received).hasSize(1);
                    test.completeNow();
                })));
    }

    @Test
    void anInstanceAnsweringLaterThanTheSlowThresholdIsPassedOverNextTime(Vertx vertx, VertxTestContext test) {
        long lateMs = ServiceRouter.SLOW_ANSWER_NANOS / 1_000_000 + 50;
        FakeService a = new FakeService("kline", "a", m -> {
            vertx.setTimer(lateMs, t -> m.reply(new JsonObject().put("instance", "a")));
            return null;
        });
        FakeService b = FakeService.answering("kline", "b");
        start(vertx, a, b)
                .compose(v -> router.route("svc.kline", new JsonObject().put("q", 1), Map.of(), clock.millis() + 4000))
                .compose(first -> settled(vertx, router, "kline", "a").map(first)) // a's late answer has come
                .compose(first -> router.route("svc.kline", new JsonObject().put("q", 2), Map.of(),
                        clock.millis() + 4000).map(second -> List.of(first, second)))
                .onComplete(test.succeeding(replies -> test.verify(() -> {
                    assertThat(replies.get(0).instanceIds()).as("hedged to b").containsExactly("b");
                    assertThat(replies.get(0).attempts()).isEqualTo(2);
                    assertThat(replies.get(1).instanceIds()).as("the late one is passed over").containsExactly("b");
                    assertThat(replies.get(1).attempts()).isEqualTo(1);
                    assertThat(a.received).hasSize(1);
                    test.completeNow();
                })));
    }

    @Test
    void anInstanceAnsweringALittleLaterThanTheHedgeDelayKeepsGettingFirstTries(Vertx vertx, VertxTestContext test) {
        // hedge delay fixed at 20 ms, a generous retry budget: every request to a is hedged to b, which wins
        ServiceRouter hedging = new ServiceRouter(vertx, registry, policies,
                new RouterConfig(4000, 1000, 3, Set.of(), 1.0, 1000, 20, 20), clock,
                new RouterMetrics(new SimpleMeterRegistry()));
        List<String> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
        FakeService a = new FakeService("kline", "a", m -> {
            arrivals.add("a:" + ((JsonObject) m.body()).getInteger("q"));
            vertx.setTimer(40, t -> m.reply(new JsonObject().put("instance", "a"))); // a cold replica: 40 ms
            return null;
        });
        FakeService b = new FakeService("kline", "b", m -> {
            arrivals.add("b:" + ((JsonObject) m.body()).getInteger("q"));
            return new JsonObject().put("instance", "b");
        });
        policies.setPolicy("kline", ServicePolicy.of(StrategyKind.CONSISTENT_HASH));
        ConsistentHashStrategy ring = new ConsistentHashStrategy(ServicePolicy.DEFAULT.virtualNodes());
        List<ServiceInstance> both = List.of(ServiceInstance.of("kline", "a", "node1"),
                ServiceInstance.of("kline", "b", "node1"));
        String key = null;
        for (int i = 0; key == null; i++) {
            if (ring.choose(both, RouteRequest.of("kline", "K" + i)).instanceId().equals("a")) {
                key = "K" + i;
            }
        }
        String codeOfA = key;
        List<RouteReply> replies = new ArrayList<>();
        Future<Void> chain = start(vertx, a, b);
        for (int q = 0; q < 5; q++) {
            int n = q;
            chain = chain.compose(v -> hedging.route("svc.kline", new JsonObject().put("code", codeOfA).put("q", n),
                    Map.of(), clock.millis() + 4000).map(r -> { replies.add(r); return null; }));
        }
        chain.onComplete(test.succeeding(v -> test.verify(() -> {
            assertThat(arrivals).as("a is asked first every time, then b by the hedge")
                    .containsExactly("a:0", "b:0", "a:1", "b:1", "a:2", "b:2", "a:3", "b:3", "a:4", "b:4");
            assertThat(replies).extracting(RouteReply::attempts).containsOnly(2);
            assertThat(hedging.metrics().hedges("kline", "sent")).isEqualTo(5.0);
            test.completeNow();
        })));
    }

    @Test
    void aStalledInstanceThatLosesHedgesWithoutAnsweringIsPassedOverBeforeItsTryTimesOut(Vertx vertx,
                                                                                        VertxTestContext test) {
        ServiceRouter hedging = new ServiceRouter(vertx, registry, policies,
                new RouterConfig(4000, 1000, 3, Set.of(), 1.0, 1000, 20, 20), clock,
                new RouterMetrics(new SimpleMeterRegistry()));
        List<String> arrivals = new java.util.concurrent.CopyOnWriteArrayList<>();
        FakeService a = new FakeService("kline", "a", m -> { // stalled: never answers (a SIGSTOPped process)
            arrivals.add("a:" + ((JsonObject) m.body()).getInteger("q"));
            return null;
        });
        FakeService b = new FakeService("kline", "b", m -> {
            arrivals.add("b:" + ((JsonObject) m.body()).getInteger("q"));
            return new JsonObject().put("instance", "b");
        });
        policies.setPolicy("kline", ServicePolicy.of(StrategyKind.CONSISTENT_HASH));
        ConsistentHashStrategy ring = new ConsistentHashStrategy(ServicePolicy.DEFAULT.virtualNodes());
        List<ServiceInstance> both = List.of(ServiceInstance.of("kline", "a", "node1"),
                ServiceInstance.of("kline", "b", "node1"));
        String key = null;
        for (int i = 0; key == null; i++) {
            if (ring.choose(both, RouteRequest.of("kline", "K" + i)).instanceId().equals("a")) {
                key = "K" + i;
            }
        }
        String codeOfA = key;
        long t0 = System.nanoTime();
        Future<Void> chain = start(vertx, a, b);
        for (int q = 0; q < 5; q++) {
            int n = q;
            chain = chain.compose(v -> hedging.route("svc.kline", new JsonObject().put("code", codeOfA).put("q", n),
                    Map.of(), clock.millis() + 4000).mapEmpty());
        }
        chain.onComplete(test.succeeding(v -> test.verify(() -> {
            assertThat(arrivals).as("three hedges lost without an answer, then a is passed over")
                    .containsExactly("a:0", "b:0", "a:1", "b:1", "a:2", "b:2", "b:3", "b:4");
            assertThat((System.nanoTime() - t0) / 1_000_000).as("well before a's first try times out (1 s)")
                    .isLessThan(900);
            test.completeNow();
        })));
    }

    @Test
    void anInstanceWithoutConsumerIsRetriedEvenWhenTheRequestIsNotIdempotent(Vertx vertx, VertxTestContext test) {
        registry.register(ServiceInstance.of("order", "a", "node1")); // registered, but nothing consumes
        FakeService b = FakeService.answering("order", "b");
        start(vertx, b)
                .compose(v -> router.route("svc.order.place", "x", Map.of()))
                .onComplete(test.succeeding(reply -> test.verify(() -> {
                    assertThat(reply.instanceIds()).containsExactly("b");
                    assertThat(reply.attempts()).isEqualTo(2);
                    test.completeNow();
                })));
    }

    @Test
    void aTimeoutIsNotRetriedWhenTheRequestSaysItIsNotIdempotent(Vertx vertx, VertxTestContext test) {
        FakeService a = FakeService.silent("kline", "a");
        FakeService b = FakeService.answering("kline", "b");
        start(vertx, a, b)
                .compose(v -> router.route("svc.kline", "x", Map.of(ServiceRouter.IDEMPOTENT_HEADER, "false")))
                .onComplete(test.failing(e -> test.verify(() -> {
                    assertThat(e).isInstanceOf(ReplyException.class);
                    assertThat(((ReplyException) e).failureType()).isEqualTo(ReplyFailure.TIMEOUT);
                    assertThat(((ReplyException) e).failureCode()).isEqualTo(RouteFailures.DEADLINE);
                    assertThat(b.received).isEmpty();
                    assertThat(router.metrics().errors("kline", "DEADLINE")).isEqualTo(1.0);
                    test.completeNow();
                })));
    }

    @Test
    void aTimeoutIsNotRetriedForAServiceConfiguredNonIdempotent(Vertx vertx, VertxTestContext test) {
        FakeService a = FakeService.silent("order", "a");
        FakeService b = FakeService.answering("order", "b");
        start(vertx, a, b)
                .compose(v -> router.route("svc.order", "x", Map.of()))
                .onComplete(test.failing(e -> test.verify(() -> {
                    assertThat(((ReplyException) e).failureType()).isEqualTo(ReplyFailure.TIMEOUT);
                    assertThat(b.received).isEmpty();
                    test.completeNow();
                })));
    }

    @Test
    void whenTheDeadlineLeavesNoTimeForARetryTheCallerGetsTheTimeout(Vertx vertx, VertxTestContext test) {
        FakeService a = FakeService.silent("kline", "a");
        FakeService b = FakeService.answering("kline", "b");
        start(vertx, a, b)
                .compose(v -> router.route("svc.kline", "x", Map.of(), clock.millis() + 150))
                .onComplete(test.failing(e -> test.verify(() -> {
                    assertThat(((ReplyException) e).failureType()).isEqualTo(ReplyFailure.TIMEOUT);
                    assertThat(b.received).isEmpty();
                    test.completeNow();
                })));
    }

    @Test
    void aDrainingInstanceGetsNoNewRequests(Vertx vertx, VertxTestContext test) {
        FakeService a = FakeService.answering("kline", "a");
        FakeService b = FakeService.answering("kline", "b");
        FakeService c = FakeService.answering("kline", "c");
        start(vertx, a, b, c)
                .compose(v -> Future.fromCompletionStage(registry.drain("kline", "b")))
                .compose(v -> routeInSequence("svc.kline", new JsonObject(), 6))
                .onComplete(test.succeeding(ids -> test.verify(() -> {
                    assertThat(ids).containsExactly("a", "c", "a", "c", "a", "c");
                    assertThat(b.received).isEmpty();
                    test.completeNow();
                })));
    }

    @Test
    void anInstanceRemovedWhileHoldingARequestIsRetriedAtOnce(Vertx vertx, VertxTestContext test) {
        ServiceRouter slowTries = new ServiceRouter(vertx, registry, policies, new RouterConfig(5000, 4000, 3, Set.of()),
                clock, new RouterMetrics(new SimpleMeterRegistry()));
        FakeService a = FakeService.silent("kline", "a");
        a.onReceive(() -> registry.deregister("kline", "a")); // its node "dies" with the request
        FakeService b = FakeService.answering("kline", "b");
        start(vertx, a, b)
                .compose(v -> slowTries.route("svc.kline", "x", Map.of()))
                .onComplete(test.succeeding(reply -> test.verify(() -> {
                    assertThat(reply.instanceIds()).containsExactly("b");
                    assertThat(reply.attempts()).isEqualTo(2);
                    assertThat(slowTries.metrics().retries("kline", "INSTANCE_LOST"))
                            .as("retried because the instance was removed, not after the per-try timeout").isEqualTo(1.0);
                    assertThat(slowTries.metrics().retries("kline", "TIMEOUT")).isZero();
                    test.completeNow();
                })));
    }

    @Test
    void theServicesOwnFailureIsPassedThroughWithoutRetry(Vertx vertx, VertxTestContext test) {
        FakeService a = new FakeService("kline", "a", m -> { throw new IllegalStateException("bad period"); });
        FakeService b = FakeService.answering("kline", "b");
        start(vertx, a, b)
                .compose(v -> router.route("svc.kline", "x", Map.of()))
                .onComplete(test.failing(e -> test.verify(() -> {
                    ReplyException re = (ReplyException) e;
                    assertThat(re.failureType()).isEqualTo(ReplyFailure.RECIPIENT_FAILURE);
                    assertThat(re.failureCode()).isEqualTo(7);
                    assertThat(re.getMessage()).isEqualTo("bad period");
                    assertThat(b.received).isEmpty();
                    test.completeNow();
                })));
    }

    @Test
    void noActiveInstanceAndBadAddressesAreRejectedWithTheirCodes(VertxTestContext test) {
        registry.register(ServiceInstance.of("kline", "a", "n"));
        registry.drain("kline", "a");
        Future<RouteReply> none = router.route("svc.kline", "x", Map.of());
        Future<RouteReply> unknown = router.route("svc.nothing", "x", Map.of());
        Future<RouteReply> bad = router.route("kline", "x", Map.of());
        Future<RouteReply> badName = router.route("svc.Kline!", "x", Map.of());
        Future.join(none, unknown, bad, badName).onComplete(ar -> test.verify(() -> {
            assertThat(List.of(none, unknown, bad, badName)).extracting(f -> ((ReplyException) f.cause()).failureCode())
                    .containsExactly(RouteFailures.NO_INSTANCE, RouteFailures.NO_INSTANCE, RouteFailures.BAD_ADDRESS,
                            RouteFailures.BAD_ADDRESS);
            assertThat(((ReplyException) none.cause()).failureType()).isEqualTo(ReplyFailure.NO_HANDLERS);
            assertThat(router.metrics().errors("kline", "NO_INSTANCE")).isEqualTo(1.0);
            assertThat(router.metrics().errors("unknown", "NO_INSTANCE")).isEqualTo(1.0);
            test.completeNow();
        }));
    }

    @Test
    void weightedPolicySetLiveSplitsByWeight(Vertx vertx, VertxTestContext test) {
        FakeService a = FakeService.answering("kline", "a");
        FakeService b = FakeService.answering("kline", "b");
        start(vertx, a, b)
                .compose(v -> Future.fromCompletionStage(registry.setWeight("kline", "b", 3)))
                .compose(v -> Future.fromCompletionStage(policies.setPolicy("kline", ServicePolicy.of(StrategyKind.WEIGHTED))))
                .compose(v -> routeInSequence("svc.kline", new JsonObject(), 8))
                .onComplete(test.succeeding(ids -> test.verify(() -> {
                    assertThat(ids).containsExactly("b", "a", "b", "b", "b", "a", "b", "b");
                    test.completeNow();
                })));
    }

    @Test
    void consistentHashKeepsACodeOnOneInstance(Vertx vertx, VertxTestContext test) {
        FakeService a = FakeService.answering("kline", "a");
        FakeService b = FakeService.answering("kline", "b");
        FakeService c = FakeService.answering("kline", "c");
        policies.setPolicy("kline", ServicePolicy.of(StrategyKind.CONSISTENT_HASH));
        ConsistentHashStrategy oracle = new ConsistentHashStrategy(ServicePolicy.DEFAULT.virtualNodes());
        List<ServiceInstance> three = List.of(ServiceInstance.of("kline", "a", "n"), ServiceInstance.of("kline", "b", "n"),
                ServiceInstance.of("kline", "c", "n"));
        List<String> expected = new ArrayList<>();
        Future<Void> chain = start(vertx, a, b, c);
        List<String> got = new ArrayList<>();
        for (String code : List.of("600000.SH", "000001.SZ", "600000.SH", "rb2505.SHF", "000001.SZ", "600000.SH")) {
            expected.add(oracle.choose(three, RouteRequest.of("kline", code)).instanceId());
            chain = chain.compose(v -> router.route("svc.kline", new JsonObject().put("code", code), Map.of())
                    .map(r -> { got.add(r.instanceIds().get(0)); return null; }));
        }
        chain.onComplete(test.succeeding(v -> test.verify(() -> {
            assertThat(got).isEqualTo(expected);
            assertThat(got.get(0)).isEqualTo(got.get(2)).isEqualTo(got.get(5));
            test.completeNow();
        })));
    }

    @Test
    void multicastMergeConcatenatesArrayRepliesAndCountsFailures(Vertx vertx, VertxTestContext test) {
        FakeService a = new FakeService("board", "a", m -> new JsonArray().add("a1").add("a2"));
        FakeService b = FakeService.silent("board", "b");
        FakeService c = new FakeService("board", "c", m -> new JsonArray().add("c1"));
        policies.setPolicy("board", ServicePolicy.of(StrategyKind.MULTICAST_MERGE));
        start(vertx, a, b, c)
                .compose(v -> router.route("svc.board.top", new JsonObject(), Map.of()))
                .onComplete(test.succeeding(reply -> test.verify(() -> {
                    assertThat(reply.body()).isEqualTo(new JsonArray().add("a1").add("a2").add("c1"));
                    assertThat(reply.instanceIds()).containsExactly("a", "c");
                    assertThat(reply.headers()).isEqualTo(Map.of(ServiceRouter.MULTICAST_REPLIED_HEADER, "2",
                            ServiceRouter.MULTICAST_FAILED_HEADER, "1"));
                    assertThat(b.received).hasSize(1);
                    test.completeNow();
                })));
    }

    @Test
    void multicastFirstAnswersWithTheFirstSuccess(Vertx vertx, VertxTestContext test) {
        FakeService a = new FakeService("board", "a", m -> { throw new IllegalStateException("no"); });
        FakeService b = FakeService.silent("board", "b");
        FakeService c = FakeService.answering("board", "c");
        policies.setPolicy("board", ServicePolicy.of(StrategyKind.MULTICAST_FIRST));
        start(vertx, a, b, c)
                .compose(v -> router.route("svc.board", "x", Map.of()))
                .onComplete(test.succeeding(reply -> test.verify(() -> {
                    assertThat(reply.instanceIds()).containsExactly("c");
                    // the others got the request too; they run on their own event loops, so wait for them
                    vertx.setPeriodic(10, id -> {
                        if (!a.received.isEmpty() && !b.received.isEmpty()) {
                            vertx.cancelTimer(id);
                            test.verify(() -> {
                                // each instance asked exactly once: no retry after a's failure or b's silence
                                assertThat(a.received).hasSize(1);
                                assertThat(b.received).hasSize(1);
                                assertThat(c.received).hasSize(1);
                                test.completeNow();
                            });
                        }
                    });
                })));
    }

    @Test
    void leastOutstandingAvoidsTheInstanceHoldingARequest(Vertx vertx, VertxTestContext test) {
        ServiceRouter patient = new ServiceRouter(vertx, registry, policies, new RouterConfig(3000, 2000, 1, Set.of()),
                clock, new RouterMetrics(new SimpleMeterRegistry()));
        FakeService a = FakeService.silent("kline", "a");
        FakeService b = FakeService.answering("kline", "b");
        policies.setPolicy("kline", ServicePolicy.of(StrategyKind.LEAST_OUTSTANDING));
        start(vertx, a, b).onComplete(test.succeeding(v -> {
            Future<RouteReply> held = patient.route("svc.kline", "slow", Map.of()); // a (tie, first in turn)
            List<String> ids = new ArrayList<>();
            Future<Void> chain = Future.succeededFuture();
            for (int i = 0; i < 4; i++) {
                chain = chain.compose(x -> patient.route("svc.kline", "fast", Map.of())
                        .map(r -> { ids.add(r.instanceIds().get(0)); return null; }));
            }
            chain.onComplete(test.succeeding(x -> test.verify(() -> {
                assertThat(patient.outstanding("kline", "a")).isEqualTo(1);
                assertThat(ids).containsExactly("b", "b", "b", "b");
                assertThat(a.received).containsExactly("a:null:slow");
                assertThat(held.isComplete()).isFalse();
                test.completeNow();
            })));
        }));
    }

    @Test
    void aServiceSayingUnavailableIsRetriedOnAnotherInstance(Vertx vertx, VertxTestContext test) {
        FakeService a = new FakeService("kline", "a", m -> {
            m.fail(ServiceRouter.SERVICE_UNAVAILABLE, "unavailable: rebuilding");
            return null;
        });
        FakeService b = new FakeService("kline", "b", m -> {
            m.fail(ServiceRouter.SERVICE_UNAVAILABLE, "unavailable: rebuilding");
            return null;
        });
        FakeService c = FakeService.answering("kline", "c");
        start(vertx, a, b, c)
                .compose(v -> router.route("svc.kline", new JsonObject().put("code", "600000.SH"), Map.of()))
                .onComplete(test.succeeding(reply -> test.verify(() -> {
                    assertThat(reply.instanceIds()).last().isEqualTo("c");
                    test.completeNow();
                })));
    }

    @Test
    void retriesStayWithinTheRetryBudgetSoAnOverloadedServiceIsNotHitWithItsLoadTimesMaxAttempts(Vertx vertx, VertxTestContext test) {
        // a quarter of first attempts, no per-second floor: of 20 requests that each fail once, 5 are retried
        ServiceRouter budgeted = new ServiceRouter(vertx, registry, policies,
                new RouterConfig(4000, 1000, 3, Set.of(), 0.25, 0), clock, new RouterMetrics(new SimpleMeterRegistry()));
        FakeService a = new FakeService("kline", "a", m -> {
            m.fail(ServiceRouter.SERVICE_UNAVAILABLE, "unavailable: overloaded");
            return null;
        });
        FakeService b = FakeService.answering("kline", "b");
        policies.setPolicy("kline", ServicePolicy.of(StrategyKind.CONSISTENT_HASH));
        List<String> outcomes = new ArrayList<>();
        Future<Void> chain = start(vertx, a, b);
        // keys that hash to a: every first attempt goes there and fails
        List<String> keys = new ArrayList<>();
        ConsistentHashStrategy ring = new ConsistentHashStrategy(128);
        List<ServiceInstance> both = List.of(ServiceInstance.of("kline", "a", "node1"),
                ServiceInstance.of("kline", "b", "node1"));
        for (int i = 0; keys.size() < 20; i++) {
            String key = "K" + i;
            if (ring.choose(both, new RouteRequest("kline", key, Map.of())).instanceId().equals("a")) {
                keys.add(key);
            }
        }
        for (String key : keys) {
            chain = chain.compose(v -> budgeted.route("svc.kline", new JsonObject().put("code", key), Map.of())
                    .transform(ar -> {
                        outcomes.add(ar.succeeded() ? "ok:" + ar.result().instanceIds()
                                : "failed:" + ((ReplyException) ar.cause()).failureCode());
                        return Future.succeededFuture();
                    }));
        }
        chain.onComplete(test.succeeding(v -> test.verify(() -> {
            assertThat(outcomes.stream().filter(o -> o.equals("ok:[b]")).count()).as(outcomes.toString())
                    .isEqualTo(5);
            assertThat(outcomes.stream().filter(o -> o.equals("failed:503")).count()).isEqualTo(15);
            assertThat(budgeted.metrics().retries("kline")).isEqualTo(5.0);
            assertThat(budgeted.metrics().retriesDenied("kline")).isEqualTo(15.0);
            test.completeNow();
        })));
    }
}
