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
        assertThat(RouterConfig.fromJson(new JsonObject().put("perTryTimeoutMillis", 500)
                .put("nonIdempotentServices", new JsonArray().add("order"))))
                .isEqualTo(new RouterConfig(2000, 500, 3, Set.of("order")));
        assertThat(RouterConfig.fromJson(new JsonObject().put("retryBudgetRatio", 0.5).put("retryBudgetMinPerSecond", 0)))
                .isEqualTo(new RouterConfig(2000, 1000, 3, Set.of(), 0.5, 0));
    }

    @Test
    void routerConfigRejectsUnknownKeysAndBadValuesNamingThem() {
        assertThatThrownBy(() -> RouterConfig.fromJson(new JsonObject().put("retries", 2)))
                .hasMessageContaining("unknown router config key 'retries'");
        assertThatThrownBy(() -> RouterConfig.fromJson(new JsonObject().put("maxAttempts", 0)))
                .hasMessageContaining("maxAttempts 0");
        assertThatThrownBy(() -> RouterConfig.fromJson(new JsonObject().put("defaultTimeoutMillis", "soon")))
                .hasMessageContaining("wrong type");
        assertThatThrownBy(() -> RouterConfig.fromJson(new JsonObject().put("retryBudgetRatio", 1.5)))
                .hasMessageContaining("retryBudgetRatio 1.5 must be 0-1");
        assertThatThrownBy(() -> RouterConfig.fromJson(new JsonObject().put("retryBudgetMinPerSecond", -1)))
                .hasMessageContaining("retryBudgetMinPerSecond -1.0 must be 0-10000");
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
