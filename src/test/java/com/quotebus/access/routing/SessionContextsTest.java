package com.quotebus.access.routing;

import com.quotebus.cluster.registry.InMemoryServiceRegistry;
import com.quotebus.cluster.registry.InstanceState;
import com.quotebus.cluster.registry.RegistryConfig;
import com.quotebus.cluster.registry.ServiceInstance;
import com.quotebus.cluster.registry.TestClock;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SessionContextsTest {

    /** A resender that records what it is asked to send; the test answers for the "network". */
    private final List<HeldContext> resends = new ArrayList<>();
    private final SessionContexts contexts = new SessionContexts(3, 5, resends::add);
    private final InMemoryServiceRegistry registry =
            new InMemoryServiceRegistry(RegistryConfig.DEFAULT, new TestClock(0));

    SessionContextsTest() {
        registry.addListener(contexts.registryListener());
        registry.register(ServiceInstance.of("stream", "x", "n1"));
        registry.register(ServiceInstance.of("stream", "y", "n2"));
    }

    private static HeldContext subscribe(String session, String code, String instance) {
        return new HeldContext(session, "stream:" + code, "stream", "svc.stream.subscribe",
                Map.of("code", code), Map.of(), instance);
    }

    @Test
    void contextsOfARemovedInstanceAreResentAndReboundToTheNewInstance() {
        contexts.hold(subscribe("s1", "600000.SH", "x"));
        contexts.hold(subscribe("s1", "000001.SZ", "y"));
        contexts.hold(subscribe("s2", "600000.SH", "x"));

        registry.deregister("stream", "x");

        assertThat(resends).containsExactly(subscribe("s1", "600000.SH", null), subscribe("s2", "600000.SH", null));
        assertThat(contexts.heldOn("stream", "x")).isEmpty();
        for (HeldContext c : List.copyOf(resends)) {
            assertThat(contexts.rebind(c, "y")).isTrue();
        }
        assertThat(contexts.heldOn("stream", "y")).containsExactly(subscribe("s1", "000001.SZ", "y"),
                subscribe("s1", "600000.SH", "y"), subscribe("s2", "600000.SH", "y"));
        assertThat(contexts.contexts("s1")).containsExactly(subscribe("s1", "600000.SH", "y"),
                subscribe("s1", "000001.SZ", "y"));
        assertThat(contexts.size()).isEqualTo(3);
    }

    @Test
    void drainingAnInstanceKeepsItsContexts() {
        contexts.hold(subscribe("s1", "600000.SH", "x"));
        registry.drain("stream", "x");
        assertThat(resends).isEmpty();
        assertThat(contexts.heldOn("stream", "x")).containsExactly(subscribe("s1", "600000.SH", "x"));
    }

    @Test
    void aFailedResendWaitsAsAnOrphanUntilAnInstanceAppears() {
        contexts.hold(subscribe("s1", "600000.SH", "x"));
        registry.deregister("stream", "y");
        registry.deregister("stream", "x");
        HeldContext first = resends.remove(0);
        contexts.resendFailed(first);
        assertThat(contexts.orphans()).isEqualTo(1);

        registry.register(ServiceInstance.of("stream", "z", "n3").withState(InstanceState.DRAINING));
        assertThat(resends).as("a draining instance takes no new contexts").isEmpty();
        registry.undrain("stream", "z");

        assertThat(resends).containsExactly(subscribe("s1", "600000.SH", null));
        assertThat(contexts.rebind(resends.get(0), "z")).isTrue();
        assertThat(contexts.orphans()).isZero();
        assertThat(contexts.heldOn("stream", "z")).containsExactly(subscribe("s1", "600000.SH", "z"));
    }

    @Test
    void retryOrphansResendsEveryOrphan() {
        contexts.hold(subscribe("s1", "600000.SH", "x"));
        registry.deregister("stream", "x");
        contexts.resendFailed(resends.remove(0));

        contexts.retryOrphans();

        assertThat(resends).containsExactly(subscribe("s1", "600000.SH", null));
        assertThat(contexts.orphans()).isZero();
    }

    @Test
    void aContextReleasedDuringItsResendIsNotRebound() {
        contexts.hold(subscribe("s1", "600000.SH", "x"));
        registry.deregister("stream", "x");
        assertThat(contexts.release("s1", "stream:600000.SH")).contains(subscribe("s1", "600000.SH", null));

        assertThat(contexts.rebind(resends.get(0), "y")).isFalse();
        assertThat(contexts.size()).isZero();
        assertThat(contexts.heldOn("stream", "y")).isEmpty();
    }

    @Test
    void aContextReplacedDuringItsResendKeepsTheReplacement() {
        contexts.hold(subscribe("s1", "600000.SH", "x"));
        registry.deregister("stream", "x");
        assertThat(contexts.hold(subscribe("s1", "600000.SH", "y"))).isEqualTo(SessionContexts.HoldResult.REPLACED);

        assertThat(contexts.rebind(resends.get(0), "y")).isFalse();
        assertThat(contexts.contexts("s1")).containsExactly(subscribe("s1", "600000.SH", "y"));
        assertThat(contexts.size()).isEqualTo(1);
    }

    @Test
    void limitsPerSessionAndInTotalRejectWithoutKeepingAnything() {
        for (String code : List.of("1", "2", "3")) {
            assertThat(contexts.hold(subscribe("s1", code, "x"))).isEqualTo(SessionContexts.HoldResult.HELD);
        }
        assertThat(contexts.hold(subscribe("s1", "4", "x"))).isEqualTo(SessionContexts.HoldResult.SESSION_LIMIT);
        contexts.hold(subscribe("s2", "1", "x"));
        contexts.hold(subscribe("s2", "2", "x"));
        assertThat(contexts.hold(subscribe("s3", "1", "x"))).isEqualTo(SessionContexts.HoldResult.TOTAL_LIMIT);
        assertThat(contexts.size()).isEqualTo(5);

        assertThat(contexts.releaseSession("s1")).hasSize(3);
        assertThat(contexts.hold(subscribe("s3", "1", "x"))).isEqualTo(SessionContexts.HoldResult.HELD);
        assertThat(contexts.size()).isEqualTo(3);
        assertThat(contexts.heldOn("stream", "x")).extracting(HeldContext::sessionId)
                .containsExactly("s2", "s2", "s3");
    }
}
