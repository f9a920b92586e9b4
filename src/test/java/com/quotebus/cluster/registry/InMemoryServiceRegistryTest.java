package com.quotebus.cluster.registry;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InMemoryServiceRegistryTest {

    private final TestClock clock = new TestClock(1_000);
    private final InMemoryServiceRegistry registry =
            new InMemoryServiceRegistry(RegistryConfig.withTtl(Duration.ofSeconds(3)), clock);
    private final RecordingListener events = new RecordingListener();

    InMemoryServiceRegistryTest() {
        registry.addListener(events);
    }

    @Test
    void registrationHeartbeatDrainWeightAndDeregisterAreReportedInOrder() {
        registry.register(ServiceInstance.of("kline", "b", "node1"));
        registry.register(ServiceInstance.of("kline", "a", "node1"));
        clock.advance(500);
        assertThat(join(registry.heartbeat("kline", "a", 7))).isTrue();
        assertThat(join(registry.drain("kline", "b"))).isTrue();
        assertThat(join(registry.setWeight("kline", "a", 3))).isTrue();
        assertThat(join(registry.undrain("kline", "b"))).isTrue();
        assertThat(join(registry.deregister("kline", "b"))).isTrue();

        assertThat(events.events()).containsExactly(
                "added kline/b ACTIVE w1 load0 t1000",
                "added kline/a ACTIVE w1 load0 t1000",
                "updated kline/a ACTIVE w1 load7 t1500",
                "updated kline/b DRAINING w1 load0 t1000",
                "updated kline/a ACTIVE w3 load7 t1500",
                "updated kline/b ACTIVE w1 load0 t1000",
                "removed kline/b");
        assertThat(registry.instances("kline")).containsExactly(
                new ServiceInstance("kline", "a", "svc.kline.a", 3, 7, InstanceState.ACTIVE, "node1", 1500));
    }

    @Test
    void instancesAreSortedByIdAndServicesAreSeparate() {
        registry.register(ServiceInstance.of("kline", "z", "n"));
        registry.register(ServiceInstance.of("kline", "m", "n"));
        registry.register(ServiceInstance.of("snapshot", "a", "n"));

        assertThat(registry.instances("kline")).extracting(ServiceInstance::instanceId).containsExactly("m", "z");
        assertThat(registry.services()).containsExactlyInAnyOrder("kline", "snapshot");
        assertThat(registry.instances("nothing")).isEmpty();
    }

    @Test
    void writesToUnknownInstancesAnswerFalseAndChangeNothing() {
        assertThat(join(registry.heartbeat("kline", "x", 1))).isFalse();
        assertThat(join(registry.drain("kline", "x"))).isFalse();
        assertThat(join(registry.setWeight("kline", "x", 2))).isFalse();
        assertThat(join(registry.deregister("kline", "x"))).isFalse();
        assertThat(events.events()).isEmpty();
    }

    @Test
    void instanceWithoutHeartbeatExpiresAfterTheTtlAndOnlyThen() {
        registry.register(ServiceInstance.of("kline", "a", "n"));
        registry.register(ServiceInstance.of("kline", "b", "n"));
        clock.advance(2_000);
        registry.heartbeat("kline", "b", 0);
        clock.advance(1_000); // a: exactly 3000 ms old: not yet expired

        assertThat(registry.sweep()).isZero();
        clock.advance(1);
        assertThat(registry.sweep()).isEqualTo(1);

        assertThat(registry.instances("kline")).extracting(ServiceInstance::instanceId).containsExactly("b");
        clock.advance(2_000);
        assertThat(registry.sweep()).isEqualTo(1);
        assertThat(registry.services()).isEmpty();
        assertThat(events.events()).endsWith("removed kline/a", "removed kline/b");
    }

    @Test
    void registeringAgainReplacesTheInstanceAndStampsTheRegistryTime() {
        registry.register(ServiceInstance.of("kline", "a", "n").withState(InstanceState.DRAINING));
        clock.advance(10);
        registry.register(ServiceInstance.of("kline", "a", "n").withHeartbeat(5, 999_999));

        assertThat(registry.instances("kline")).containsExactly(
                new ServiceInstance("kline", "a", "svc.kline.a", 1, 5, InstanceState.ACTIVE, "n", 1010));
    }

    @Test
    void badInstancesAreRejectedNamingTheField() {
        assertThatThrownBy(() -> ServiceInstance.of("K.line", "a", "n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("service 'K.line'");
        assertThatThrownBy(() -> ServiceInstance.of("kline", "a b", "n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("instanceId 'a b'");
        assertThatThrownBy(() -> ServiceInstance.of("kline", "a", "n").withWeight(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight 0");
        assertThatThrownBy(() -> registry.setWeight("kline", "a", 10_001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("weight 10001");
        assertThatThrownBy(() -> RegistryConfig.withTtl(Duration.ofMillis(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ttl");
        assertThat(registry.services()).isEmpty();
    }

    @Test
    void removedListenerHearsNothingMore() {
        registry.removeListener(events);
        registry.register(ServiceInstance.of("kline", "a", "n"));
        assertThat(events.events()).isEqualTo(List.of());
    }

    private static <T> T join(java.util.concurrent.CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
