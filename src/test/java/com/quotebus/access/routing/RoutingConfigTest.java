package com.quotebus.access.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoutingConfigTest {

    @Test
    void routerConfigReadsItsKeysAndKeepsDefaultsForTheRest() {
        assertThat(RouterConfig.fromJson(new JsonObject())).isEqualTo(RouterConfig.DEFAULT);
        assertThat(RouterConfig.fromJson(new JsonObject().put("per-try-timeout-millis", 500)
                .put("non-idempotent-services", new JsonArray().add("order"))))
                .isEqualTo(new RouterConfig(2000, 500, 3, Set.of("order")));
        assertThat(RouterConfig.fromJson(new JsonObject().put("retry-budget-ratio", 0.5)
                .put("retry-budget-min-per-second", 0)))
                .isEqualTo(new RouterConfig(2000, 1000, 3, Set.of(), 0.5, 0));
        // the old spelling still reads (with a warning)
        assertThat(RouterConfig.fromJson(new JsonObject().put("perTryTimeoutMillis", 500)))
                .isEqualTo(new RouterConfig(2000, 500, 3, Set.of()));
    }

    @Test
    void routerConfigRejectsUnknownKeysAndBadValuesNamingThem() {
        assertThatThrownBy(() -> RouterConfig.fromJson(new JsonObject().put("retries", 2)))
                .hasMessageContaining("unknown setting access.router.retries");
        assertThatThrownBy(() -> RouterConfig.fromJson(new JsonObject().put("max-attempts", 0)))
                .hasMessage("bad setting: access.router.max-attempts 0 must be 1-10");
        assertThatThrownBy(() -> RouterConfig.fromJson(new JsonObject().put("default-timeout-millis", "soon")))
                .hasMessage("bad setting access.router.default-timeout-millis = 'soon': expected an integer "
                        + Long.MIN_VALUE + ".." + Long.MAX_VALUE);
        assertThatThrownBy(() -> RouterConfig.fromJson(new JsonObject().put("retry-budget-ratio", 1.5)))
                .hasMessageContaining("access.router.retry-budget-ratio 1.5 must be 0-1");
        assertThatThrownBy(() -> RouterConfig.fromJson(new JsonObject().put("retry-budget-min-per-second", -1)))
                .hasMessageContaining("access.router.retry-budget-min-per-second -1.0 must be 0-10000");
    }

    @Test
    void policyReadsItsKeysAndRejectsBadOnes() {
        assertThat(ServicePolicy.fromMap(Map.of())).isEqualTo(ServicePolicy.DEFAULT);
        assertThat(ServicePolicy.fromMap(Map.of("strategy", "consistent-hash", "virtualNodes", 64,
                "idempotent", false, "perTryTimeoutMillis", 250, "hashField", "symbol")))
                .isEqualTo(new ServicePolicy(StrategyKind.CONSISTENT_HASH, "symbol", 64, false, 250));
        assertThatThrownBy(() -> ServicePolicy.fromMap(Map.of("strategy", "fastest")))
                .hasMessageContaining("unknown strategy 'fastest'");
        assertThatThrownBy(() -> ServicePolicy.fromMap(Map.of("virtualNodes", 0)))
                .hasMessageContaining("virtualNodes 0");
        assertThatThrownBy(() -> ServicePolicy.fromMap(Map.of("virtualNodes", 1.5)))
                .hasMessageContaining("virtualNodes '1.5'");
        assertThatThrownBy(() -> ServicePolicy.fromMap(Map.of("weight", 1)))
                .hasMessageContaining("unknown policy key 'weight'");
    }
}
