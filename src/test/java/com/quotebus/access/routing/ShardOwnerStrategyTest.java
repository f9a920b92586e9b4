package com.quotebus.access.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.access.registry.ServiceInstance;
import com.quotebus.cluster.Shards;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardOwnerStrategyTest {
    private final List<ServiceInstance> calculators = List.of(ServiceInstance.of("kline", "calc-a", "n1"),
            ServiceInstance.of("kline", "calc-b", "n1"), ServiceInstance.of("kline", "calc-c", "n2"));

    @Test
    void aCodeGoesToTheInstanceThatOwnsItsShardAndAfterItFailsToTheNextOwner() {
        ShardOwnerStrategy strategy = new ShardOwnerStrategy(16);
        List<String> ids = List.of("calc-a", "calc-b", "calc-c");
        for (String code : List.of("600000.SH", "000001.SZ", "300750.SZ", "rb2605.SHF", "IF2606.CFX")) {
            String owner = Shards.owner(Shards.shardOf(code, 16), ids);
            ServiceInstance chosen = strategy.choose(calculators, RouteRequest.of("kline", code));
            assertThat(chosen.instanceId()).as(code).isEqualTo(owner);
            List<ServiceInstance> rest = calculators.stream().filter(i -> !i.instanceId().equals(owner)).toList();
            String next = Shards.owner(Shards.shardOf(code, 16), rest.stream().map(ServiceInstance::instanceId).toList());
            assertThat(strategy.choose(rest, RouteRequest.of("kline", code)).instanceId()).isEqualTo(next);
        }
        assertThat(strategy.choose(calculators, RouteRequest.of("kline", null))).isEqualTo(calculators.get(0));
        assertThat(StrategyKind.ofConfigName("shard-owner")).isEqualTo(StrategyKind.SHARD_OWNER);
    }
}
