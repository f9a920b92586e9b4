package com.quotebus.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShardsTest {
    @Test
    void shardOfACodeIsStableAndInRange() {
        assertThat(Shards.shardOf("600000.SH", 16)).isEqualTo(Shards.shardOf("600000.SH", 16)).isBetween(0, 15);
        int[] counts = new int[16];
        for (int i = 0; i < 16_000; i++) {
            counts[Shards.shardOf(String.format("%06d.SZ", i), 16)]++;
        }
        for (int c : counts) {
            assertThat(c).isBetween(800, 1200);
        }
    }

    @Test
    void everyShardHasExactlyOneOwnerAndOnlyTheLeaversShardsMove() {
        List<String> four = List.of("calc-a", "calc-b", "calc-c", "calc-d");
        List<String> three = List.of("calc-a", "calc-b", "calc-d");
        int total = 0;
        for (String id : four) {
            total += Shards.ownedBy(id, four, 64).size();
            assertThat(Shards.ownedBy(id, four, 64)).isNotEmpty();
        }
        assertThat(total).isEqualTo(64);
        List<Integer> moved = new ArrayList<>();
        for (int s = 0; s < 64; s++) {
            String before = Shards.owner(s, four);
            String after = Shards.owner(s, three);
            if (!before.equals(after)) {
                moved.add(s);
                assertThat(before).isEqualTo("calc-c");
            }
        }
        assertThat(moved).containsExactlyElementsOf(Shards.ownedBy("calc-c", four, 64));
        assertThat(Shards.owner(3, List.of())).isNull();
    }
}
