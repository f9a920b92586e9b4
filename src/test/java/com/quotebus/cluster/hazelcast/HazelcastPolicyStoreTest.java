package com.quotebus.cluster.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.quotebus.access.routing.ServicePolicy;
import com.quotebus.access.routing.StrategyKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Two embedded Hazelcast members on 127.0.0.1: a policy set on one applies on the other. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HazelcastPolicyStoreTest {

    private final String clusterName = "quotebus-policy-test-" + UUID.randomUUID();
    private final List<HazelcastInstance> members = new ArrayList<>();
    private HazelcastPolicyStore store1;
    private HazelcastPolicyStore store2;

    private HazelcastInstance member() {
        Config config = com.quotebus.testkit.LoopbackHazelcast.config(clusterName, 5941, 3);
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(config);
        members.add(hz);
        return hz;
    }

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    @BeforeAll
    void start() {
        HazelcastInstance hz1 = member();
        HazelcastInstance hz2 = member();
        store1 = new HazelcastPolicyStore(hz1, "test.policies");
        store1.start();
        store1.setPolicy("board", ServicePolicy.of(StrategyKind.MULTICAST_MERGE)).toCompletableFuture().join();
        store2 = new HazelcastPolicyStore(hz2, "test.policies");
        store2.start(); // joins later: loads what is already there
    }

    @AfterAll
    void stop() {
        if (store1 != null) {
            store1.close();
        }
        if (store2 != null) {
            store2.close();
        }
        members.forEach(m -> m.getLifecycleService().terminate());
    }

    @Test
    void aPolicySetOnOneNodeAppliesOnTheOtherAndClearingRestoresTheDefault() throws Exception {
        assertThat(store2.policy("board")).isEqualTo(ServicePolicy.of(StrategyKind.MULTICAST_MERGE));

        ServicePolicy weighted = ServicePolicy.of(StrategyKind.WEIGHTED).withIdempotent(false);
        store2.setPolicy("kline", weighted).toCompletableFuture().join();
        eventually("kline policy on node 1", () -> store1.policy("kline").equals(weighted));
        assertThat(store1.all()).isEqualTo(Map.of("kline", weighted, "board", ServicePolicy.of(StrategyKind.MULTICAST_MERGE)));

        store1.clearPolicy("kline").toCompletableFuture().join();
        eventually("kline back to default on node 2", () -> store2.policy("kline").equals(ServicePolicy.DEFAULT));
    }
}
