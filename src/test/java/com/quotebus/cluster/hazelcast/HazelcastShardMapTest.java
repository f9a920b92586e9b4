package com.quotebus.cluster.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.quotebus.cluster.ShardHolding;
import com.quotebus.cluster.ShardState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Three embedded Hazelcast members on 127.0.0.1, each with its own view of the shard map. */
class HazelcastShardMapTest {
    private final String clusterName = "quotebus-shardmap-test-" + UUID.randomUUID();
    private final List<HazelcastInstance> members = new ArrayList<>();
    private final List<HazelcastShardMap> maps = new ArrayList<>();

    private HazelcastShardMap member() {
        Config config = com.quotebus.testkit.LoopbackHazelcast.config(clusterName, 5951, 5);
        HazelcastInstance hz = Hazelcast.newHazelcastInstance(config);
        members.add(hz);
        HazelcastShardMap map = new HazelcastShardMap(hz, "test.shard-map");
        map.start();
        maps.add(map);
        return map;
    }

    private static String nodeId(HazelcastInstance hz) {
        return hz.getCluster().getLocalMember().getUuid().toString();
    }

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within 15 s: " + what);
            }
            Thread.sleep(20);
        }
    }

    @AfterEach
    void stop() {
        for (HazelcastShardMap m : maps) {
            try {
                m.close();
            } catch (RuntimeException e) { // its member was terminated by the test
            }
        }
        members.forEach(m -> m.getLifecycleService().terminate());
    }

    @Test
    void everyNodeSeesEveryHoldingAnOlderVersionNeverWinsAndALeftNodesEntriesGo() throws Exception {
        HazelcastShardMap one = member();
        HazelcastShardMap two = member();
        HazelcastShardMap three = member();
        String nodeOfThree = nodeId(members.get(2));
        long changesBefore = one.epoch();

        two.publish(new ShardHolding("calc-2", nodeId(members.get(1)), 5,
                Map.of(0, ShardState.LIVE, 1, ShardState.ACQUIRING)));
        three.publish(new ShardHolding("calc-3", nodeOfThree, 1, Map.of(1, ShardState.LIVE)));
        eventually("both entries on node one", () -> one.holdings().size() == 2);
        assertThat(one.holdings().get("calc-2").shards())
                .isEqualTo(Map.of(0, ShardState.LIVE, 1, ShardState.ACQUIRING));
        assertThat(one.state(1, "calc-3")).isEqualTo(ShardState.LIVE);
        assertThat(one.state(2, "calc-3")).isNull();
        assertThat(one.epoch()).isGreaterThan(changesBefore);

        // a stale write (an instance that was frozen, replaying an old state) does not replace a newer one
        two.publish(new ShardHolding("calc-2", nodeId(members.get(1)), 6, Map.of(0, ShardState.LIVE, 1, ShardState.LIVE)));
        eventually("version 6 on node one", () -> one.holdings().get("calc-2").version() == 6);
        two.publish(new ShardHolding("calc-2", nodeId(members.get(1)), 4, Map.of(0, ShardState.RELEASING)));
        Thread.sleep(300);
        assertThat(one.holdings().get("calc-2").version()).isEqualTo(6);
        assertThat(one.state(1, "calc-2")).isEqualTo(ShardState.LIVE);

        // a node that fails: its entries leave every view
        members.get(2).getLifecycleService().terminate();
        eventually("node three's entry gone on node one", () -> !one.holdings().containsKey("calc-3"));
        eventually("and on node two", () -> !two.holdings().containsKey("calc-3"));

        // an instance that stops withdraws its entry
        two.withdraw("calc-2");
        eventually("calc-2 withdrawn", () -> one.holdings().isEmpty());
    }
}
