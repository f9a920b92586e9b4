package com.quotebus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

class AdminTablesTest {
    static final long NOW = 1_765_000_000_000L;

    static JsonObject instance(String id, String node, String state, long load, int weight, long heartbeatAgoMs) {
        return new JsonObject().put("id", id).put("node", node).put("state", state).put("weight", weight)
                .put("load", load).put("lastHeartbeat", NOW - heartbeatAgoMs).put("address", "svc.kline." + id);
    }

    static JsonObject policy(String strategy, boolean explicit) {
        return new JsonObject().put("strategy", strategy).put("hashField", "code").put("virtualNodes", 160)
                .put("idempotent", true).put("perTryTimeoutMillis", 800).put("explicit", explicit);
    }

    @Test
    void servicesAreOneRowPerInstanceWithoutJsonAndWithShortNodeIds() {
        JsonObject reply = new JsonObject().put("services", new JsonArray()
                .add(new JsonObject().put("service", "kline").put("strategy", "shard-owner")
                        .put("policy", policy("shard-owner", false))
                        .put("instances", new JsonArray()
                                .add(instance("calc-1", "7d3f9a2e-0b1c-4d5e-8f90-123456789abc", "ACTIVE", 3, 100, 800))
                                .add(instance("calc-2", "e1a2b3c4-d5e6-4f70-8a9b-0c1d2e3f4a5b", "DRAINING", 0, 50,
                                        42_000))))
                .add(new JsonObject().put("service", "ticks").put("strategy", "round-robin")
                        .put("policy", policy("round-robin", true)).put("instances", new JsonArray())));
        assertThat(AdminTables.services(reply, NOW)).isEqualTo("""
                services (2)
                SERVICE  STRATEGY           INSTANCE  STATE     LOAD  WEIGHT  NODE       HEARTBEAT
                -------  -----------------  --------  --------  ----  ------  ---------  ---------
                kline    shard-owner        calc-1    ACTIVE       3     100  7d3f9a2e…   0.8s ago
                                            calc-2    DRAINING     0      50  e1a2b3c4…    42s ago
                ticks    round-robin (set)  -         -            -       -  -                  -
                """);
    }

    @Test
    void noServicesIsAnEmptyTable() {
        assertThat(AdminTables.services(new JsonObject().put("services", new JsonArray()), NOW)).isEqualTo("""
                services (0)
                SERVICE  STRATEGY  INSTANCE  STATE  LOAD  WEIGHT  NODE  HEARTBEAT
                -------  --------  --------  -----  ----  ------  ----  ---------
                """);
    }
}
