package com.quotebus.cluster.registry;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class ServiceRegistrationTest {

    private final TestClock clock = new TestClock(10_000);
    private final InMemoryServiceRegistry registry =
            new InMemoryServiceRegistry(RegistryConfig.withTtl(Duration.ofSeconds(3)), clock);
    private final AtomicLong load = new AtomicLong(4);

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
    void registersHeartbeatsTheCurrentLoadAndDeregistersOnStop(Vertx vertx, VertxTestContext test) {
        ServiceInstance me = ServiceInstance.of("kline", "k1", "node1");
        vertx.runOnContext(x -> ServiceRegistration.start(vertx, registry, me, Duration.ofMillis(20), load::get)
                .compose(reg -> {
                    test.verify(() -> assertThat(registry.instances("kline")).containsExactly(me.withLastHeartbeat(10_000)));
                    clock.advance(1_000);
                    load.set(9);
                    return eventually(vertx, () -> registry.instances("kline").get(0).load() == 9).map(reg);
                })
                .compose(reg -> {
                    test.verify(() -> assertThat(registry.instances("kline"))
                            .containsExactly(me.withHeartbeat(9, 11_000)));
                    return reg.stop();
                })
                .onComplete(test.succeeding(v -> test.verify(() -> {
                    assertThat(registry.services()).isEmpty();
                    test.completeNow();
                }))));
    }

    @Test
    void anInstanceThatExpiredRegistersAgainOnItsNextHeartbeat(Vertx vertx, VertxTestContext test) {
        ServiceInstance me = ServiceInstance.of("kline", "k1", "node1");
        RecordingListener events = new RecordingListener();
        registry.addListener(events);
        vertx.runOnContext(x -> ServiceRegistration.start(vertx, registry, me, Duration.ofMillis(20), load::get)
                .compose(reg -> {
                    // the service "paused" past the TTL: its heartbeats stop being stamped in time
                    clock.advance(3_001);
                    // same event loop as the heartbeat timer, so no heartbeat lands between advance and sweep
                    registry.sweep();
                    return eventually(vertx, () -> reg.reRegistrations() > 0 && !registry.services().isEmpty()).map(reg);
                })
                .onComplete(test.succeeding(reg -> test.verify(() -> {
                    assertThat(events.events()).contains("removed kline/k1");
                    assertThat(events.events().get(events.events().indexOf("removed kline/k1") + 1))
                            .isEqualTo("added kline/k1 ACTIVE w1 load4 t13001");
                    assertThat(registry.instances("kline")).extracting(ServiceInstance::address).containsExactly("svc.kline.k1");
                    reg.stop().onComplete(test.succeedingThenComplete());
                }))));
    }

    @Test
    void badIntervalsAreRejected(Vertx vertx) {
        ServiceInstance me = ServiceInstance.of("kline", "k1", "node1");
        assertThatThrownBy(() -> ServiceRegistration.start(vertx, registry, me, Duration.ofMillis(1), load::get))
                .hasMessageContaining("heartbeat interval");
        assertThat(registry.services()).isEmpty();
    }
}
