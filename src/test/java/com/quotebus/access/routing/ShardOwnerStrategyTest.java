package com.quotebus.access.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.cluster.InMemoryShardMap;
import com.quotebus.cluster.ShardHolding;
import com.quotebus.cluster.ShardState;
import com.quotebus.cluster.Shards;
import com.quotebus.cluster.registry.ServiceInstance;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShardOwnerStrategyTest {
    private final List<ServiceInstance> calculators = List.of(ServiceInstance.of("kline", "calc-a", "n1"),
            ServiceInstance.of("kline", "calc-b", "n1"), ServiceInstance.of("kline", "calc-c", "n2"));
    private final InMemoryShardMap map = new InMemoryShardMap();
    private long version;

    private void hold(String instance, ShardState state, int... shards) {
        Map<Integer, ShardState> states = new HashMap<>();
        for (int s : shards) {
            states.put(s, state);
        }
        map.publish(new ShardHolding(instance, "n", ++version, states));
    }

    private static int[] all() {
        int[] out = new int[16];
        for (int i = 0; i < 16; i++) {
            out[i] = i;
        }
        return out;
    }

    @Test
    void aCodeGoesToItsShardsPreferredLiveReplicaAndThenToTheNext() {
        hold("calc-a", ShardState.LIVE, all());
        hold("calc-b", ShardState.LIVE, all());
        hold("calc-c", ShardState.LIVE, all());
        ShardOwnerStrategy strategy = new ShardOwnerStrategy(16, map);
        List<String> ids = List.of("calc-a", "calc-b", "calc-c");
        for (String code : List.of("600000.SH", "000001.SZ", "300750.SZ", "rb2605.SHF", "IF2606.CFX")) {
            RouteRequest r = RouteRequest.of("kline", code);
            String owner = Shards.owner(Shards.shardOf(code, 16), ids);
            ServiceInstance chosen = strategy.choose(strategy.eligible(calculators, r), r);
            assertThat(chosen.instanceId()).as(code).isEqualTo(owner);
            List<ServiceInstance> rest = calculators.stream().filter(i -> !i.instanceId().equals(owner)).toList();
            String next = Shards.owner(Shards.shardOf(code, 16), rest.stream().map(ServiceInstance::instanceId).toList());
            assertThat(strategy.choose(strategy.eligible(rest, r), r).instanceId()).isEqualTo(next);
        }
        assertThat(strategy.choose(calculators, RouteRequest.of("kline", null))).isEqualTo(calculators.get(0));
        assertThat(StrategyKind.ofConfigName("shard-owner")).isEqualTo(StrategyKind.SHARD_OWNER);
    }

    @Test
    void onlyInstancesHoldingTheShardLiveAreEligibleThenReleasingThenAcquiring() {
        String code = "600000.SH";
        int shard = Shards.shardOf(code, 16);
        RouteRequest r = RouteRequest.of("kline", code);
        ShardOwnerStrategy strategy = new ShardOwnerStrategy(16, map);
        assertThat(strategy.eligible(calculators, r)).as("nobody holds it").isEmpty();

        hold("calc-a", ShardState.ACQUIRING, shard);
        assertThat(ids(strategy.eligible(calculators, r))).containsExactly("calc-a");
        hold("calc-b", ShardState.RELEASING, shard);
        assertThat(ids(strategy.eligible(calculators, r))).as("the releasing one still serves").containsExactly("calc-b");
        hold("calc-c", ShardState.LIVE, shard);
        assertThat(ids(strategy.eligible(calculators, r))).containsExactly("calc-c");
        hold("calc-a", ShardState.LIVE, shard);
        assertThat(ids(strategy.eligible(calculators, r))).containsExactly("calc-a", "calc-c");
        hold("calc-b", ShardState.LIVE, (shard + 1) % 16);
        assertThat(ids(strategy.eligible(calculators, r))).as("b released it").containsExactly("calc-a", "calc-c");
        map.withdraw("calc-c");
        assertThat(ids(strategy.eligible(calculators, r))).containsExactly("calc-a");
    }

    private static List<String> ids(List<ServiceInstance> instances) {
        return instances.stream().map(ServiceInstance::instanceId).toList();
    }
}
