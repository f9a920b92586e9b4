package com.quotebus.cluster.hazelcast;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.quotebus.cluster.registry.InstanceState;
import com.quotebus.cluster.registry.RecordingListener;
import com.quotebus.cluster.registry.RegistryConfig;
import com.quotebus.cluster.registry.ServiceInstance;
import com.quotebus.cluster.registry.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Two (and briefly three) embedded Hazelcast members on 127.0.0.1, TCP-IP join, multicast off. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HazelcastServiceRegistryTest {

    private final String clusterName = "quotebus-registry-test-" + UUID.randomUUID();
    private final List<HazelcastInstance> members = new ArrayList<>();
    private final TestClock clock1 = new TestClock(50_000);
    private final TestClock clock2 = new TestClock(50_000);
    private HazelcastServiceRegistry registry1;
    private HazelcastServiceRegistry registry2;
    private final RecordingListener events1 = new RecordingListener();

    private HazelcastInstance member() {
        Config config = com.quotebus.testkit.LoopbackHazelcast.config(clusterName, 5931, 5);
        config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        config.setProperty("hazelcast.max.no.heartbeat.seconds", "5");
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(config);
        members.add(hz);
        return hz;
    }

    private static String nodeId(HazelcastInstance hz) {
        return hz.getCluster().getLocalMember().getUuid().toString();
    }

    /** Polls every 20 ms for at most 10 s. */
    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    @BeforeAll
    void startMembers() {
        HazelcastInstance hz1 = member();
        HazelcastInstance hz2 = member();
        RegistryConfig config = new RegistryConfig(Duration.ofSeconds(3), "test.services");
        registry1 = new HazelcastServiceRegistry(hz1, config, clock1);
        registry2 = new HazelcastServiceRegistry(hz2, config, clock2);
        registry1.addListener(events1);
        registry1.start();
        registry2.start();
    }

    @AfterAll
    void stopMembers() {
        if (registry1 != null) {
            registry1.close();
        }
        if (registry2 != null) {
            registry2.close();
        }
        members.forEach(m -> m.getLifecycleService().terminate());
    }

    @Test
    void anInstanceRegisteredOnOneNodeIsSeenOnTheOtherWithItsHeartbeatsAndDrain() throws Exception {
        ServiceInstance k1 = ServiceInstance.of("kline", "k1", nodeId(members.get(1)));
        registry2.register(k1).toCompletableFuture().join();
        eventually("k1 on node 1", () -> registry1.instance("kline", "k1").isPresent());
        assertThat(registry1.instances("kline")).containsExactly(k1.withLastHeartbeat(50_000));

        clock2.advance(1_000);
        assertThat(registry2.heartbeat("kline", "k1", 12).toCompletableFuture().join()).isTrue();
        assertThat(registry1.drain("kline", "k1").toCompletableFuture().join()).isTrue();
        clock2.advance(1_000);
        assertThat(registry2.heartbeat("kline", "k1", 13).toCompletableFuture().join()).isTrue();

        ServiceInstance expected = k1.withHeartbeat(13, 52_000).withState(InstanceState.DRAINING);
        eventually("drained k1 with load 13 on both nodes", () -> registry1.instances("kline").equals(List.of(expected))
                && registry2.instances("kline").equals(List.of(expected)));
        assertThat(registry2.heartbeat("kline", "nobody", 1).toCompletableFuture().join()).isFalse();

        assertThat(registry1.deregister("kline", "k1").toCompletableFuture().join()).isTrue();
        eventually("k1 gone from both nodes",
                () -> registry1.instances("kline").isEmpty() && registry2.instances("kline").isEmpty());
    }

    @Test
    void anInstanceWhoseHeartbeatsStopIsSweptFromEveryNode() throws Exception {
        registry2.register(ServiceInstance.of("snapshot", "s1", nodeId(members.get(1)))).toCompletableFuture().join();
        eventually("s1 on node 1", () -> registry1.instance("snapshot", "s1").isPresent());

        clock1.advance(3_000);
        assertThat(registry1.sweep()).as("exactly the TTL is not yet expired").isZero();
        clock1.advance(1);
        assertThat(registry1.sweep()).isEqualTo(1);

        assertThat(registry1.instances("snapshot")).isEmpty();
        eventually("s1 removed from the map, so from node 2", () -> registry2.instances("snapshot").isEmpty());
        clock1.advance(-3_001);
    }

    @Test
    void theInstancesOfAMemberThatLeavesDisappearFromTheOtherNodes() throws Exception {
        HazelcastInstance hz3 = member();
        HazelcastServiceRegistry registry3 = new HazelcastServiceRegistry(hz3, new RegistryConfig(Duration.ofSeconds(3),
                "test.services"), clock2);
        registry3.start();
        registry3.register(ServiceInstance.of("stream", "on3", nodeId(hz3))).toCompletableFuture().join();
        registry2.register(ServiceInstance.of("stream", "on2", nodeId(members.get(1)))).toCompletableFuture().join();
        eventually("both stream instances on node 1", () -> registry1.instances("stream").size() == 2);

        hz3.getLifecycleService().terminate(); // a crash: no deregistration

        eventually("on3 gone from node 1", () -> registry1.instances("stream").size() == 1);
        assertThat(registry1.instances("stream")).extracting(ServiceInstance::instanceId).containsExactly("on2");
        eventually("on3 gone from the map", () -> !members.get(0).getMap("test.services").containsKey("stream/on3"));
        assertThat(events1.events()).contains("removed stream/on3");
        registry2.deregister("stream", "on2").toCompletableFuture().join();
        eventually("on2 gone from both nodes",
                () -> registry1.instances("stream").isEmpty() && registry2.instances("stream").isEmpty());
    }
}
