package com.quotebus.access.routing;

import com.quotebus.cluster.registry.ServiceInstance;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingStrategiesTest {

    private static ServiceInstance instance(String id, int weight) {
        return ServiceInstance.of("kline", id, "n").withWeight(weight);
    }

    private static final RouteRequest NO_KEY = RouteRequest.of("kline", null);

    private static Map<String, Integer> count(RoutingStrategy s, List<ServiceInstance> candidates, int picks) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < picks; i++) {
            counts.merge(s.choose(candidates, NO_KEY).instanceId(), 1, Integer::sum);
        }
        return counts;
    }

    private static String sequence(RoutingStrategy s, List<ServiceInstance> candidates, int picks) {
        return IntStream.range(0, picks).mapToObj(i -> s.choose(candidates, NO_KEY).instanceId())
                .collect(Collectors.joining());
    }

    @Test
    void roundRobinTakesEachInstanceInTurn() {
        List<ServiceInstance> three = List.of(instance("a", 1), instance("b", 5), instance("c", 1));
        assertThat(sequence(new RoundRobinStrategy(), three, 7)).isEqualTo("abcabca");
    }

    @Test
    void smoothWeightedOneToThreeGivesExactlyAQuarterAndThreeQuarters() {
        List<ServiceInstance> pair = List.of(instance("a", 1), instance("b", 3));
        assertThat(count(new SmoothWeightedStrategy(), pair, 4000)).isEqualTo(Map.of("a", 1000, "b", 3000));
    }

    @Test
    void smoothWeightedSpreadsPicksLikeNginx() {
        List<ServiceInstance> three = List.of(instance("a", 5), instance("b", 1), instance("c", 1));
        assertThat(sequence(new SmoothWeightedStrategy(), three, 14)).isEqualTo("aabacaa" + "aabacaa");
    }

    @Test
    void smoothWeightedFollowsAWeightChangeAndForgetsRemovedInstances() {
        SmoothWeightedStrategy s = new SmoothWeightedStrategy();
        sequence(s, List.of(instance("a", 1), instance("b", 1), instance("c", 1)), 5);
        List<ServiceInstance> changed = List.of(instance("a", 2), instance("b", 1));
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 300; i++) {
            counts.merge(s.choose(changed, NO_KEY).instanceId(), 1, Integer::sum);
        }
        assertThat(counts).isEqualTo(Map.of("a", 200, "b", 100));
    }

    @Test
    void leastOutstandingPicksTheIdlestAndSharesTies() {
        OutstandingRequests outstanding = new OutstandingRequests();
        LeastOutstandingStrategy s = new LeastOutstandingStrategy(outstanding);
        List<ServiceInstance> three = List.of(instance("a", 1), instance("b", 1), instance("c", 1));
        outstanding.started("kline", "a");
        outstanding.started("kline", "a");
        outstanding.started("kline", "b");

        assertThat(sequence(s, three, 3)).isEqualTo("ccc");
        outstanding.started("kline", "c");
        outstanding.started("kline", "c");
        assertThat(sequence(s, three, 1)).isEqualTo("b");
        outstanding.finished("kline", "a");
        outstanding.finished("kline", "a");
        assertThat(sequence(s, three, 1)).isEqualTo("a");
        outstanding.started("kline", "a");
        // a, b and c each have 1 or 2: a=1, b=1, c=2 -> a and b alternate
        assertThat(count(s, three, 10)).isEqualTo(Map.of("a", 5, "b", 5));
    }

    @Test
    void outstandingCountsDisappearAtZero() {
        OutstandingRequests outstanding = new OutstandingRequests();
        outstanding.started("kline", "a");
        outstanding.finished("kline", "a");
        outstanding.finished("kline", "a");
        assertThat(outstanding.of("kline", "a")).isZero();
        assertThat(outstanding.total()).isZero();
    }

    private static List<String> keys(int n) {
        return IntStream.range(0, n).mapToObj(i -> String.format("%06d.SZ", i)).toList();
    }

    private static Map<String, String> owners(ConsistentHashStrategy s, List<ServiceInstance> candidates,
                                              List<String> keys) {
        Map<String, String> owners = new HashMap<>();
        for (String k : keys) {
            owners.put(k, s.choose(candidates, RouteRequest.of("kline", k)).instanceId());
        }
        return owners;
    }

    @Test
    void consistentHashSendsTheSameKeyToTheSameInstanceOnEveryNode() {
        List<ServiceInstance> four = List.of(instance("a", 1), instance("b", 1), instance("c", 1), instance("d", 1));
        List<String> keys = keys(2000);
        Map<String, String> first = owners(new ConsistentHashStrategy(128), four, keys);
        Map<String, String> again = owners(new ConsistentHashStrategy(128), four, keys);
        assertThat(again).isEqualTo(first);
        assertThat(owners(new ConsistentHashStrategy(128), four, keys)).isEqualTo(first);
    }

    @Test
    void consistentHashSpreadsKeysOverAllInstances() {
        List<ServiceInstance> four = List.of(instance("a", 1), instance("b", 1), instance("c", 1), instance("d", 1));
        Map<String, Long> perInstance = owners(new ConsistentHashStrategy(128), four, keys(10_000)).values().stream()
                .collect(Collectors.groupingBy(v -> v, TreeMap::new, Collectors.counting()));
        assertThat(perInstance).containsOnlyKeys("a", "b", "c", "d");
        // 128 points per instance keep every share within 2000-3000 of 10000 (fair share 2500)
        assertThat(perInstance.values()).allSatisfy(n -> assertThat(n).isBetween(2000L, 3000L));
    }

    @Test
    void whenOneOfFourInstancesLeavesOnlyItsKeysMove() {
        ConsistentHashStrategy s = new ConsistentHashStrategy(128);
        List<ServiceInstance> four = List.of(instance("a", 1), instance("b", 1), instance("c", 1), instance("d", 1));
        List<ServiceInstance> withoutC = List.of(instance("a", 1), instance("b", 1), instance("d", 1));
        List<String> keys = keys(10_000);
        Map<String, String> before = owners(s, four, keys);
        Map<String, String> after = owners(s, withoutC, keys);

        List<String> moved = new ArrayList<>();
        for (String k : keys) {
            if (!before.get(k).equals(after.get(k))) {
                moved.add(k);
            }
        }
        List<String> ownedByC = keys.stream().filter(k -> before.get(k).equals("c")).toList();
        assertThat(moved).isEqualTo(ownedByC);
        assertThat(ownedByC).isNotEmpty();
    }

    @Test
    void whenAnInstanceJoinsOnlyTheKeysItTakesMove() {
        ConsistentHashStrategy s = new ConsistentHashStrategy(128);
        List<ServiceInstance> three = List.of(instance("a", 1), instance("b", 1), instance("c", 1));
        List<ServiceInstance> four = List.of(instance("a", 1), instance("b", 1), instance("c", 1), instance("e", 1));
        List<String> keys = keys(10_000);
        Map<String, String> before = owners(s, three, keys);
        Map<String, String> after = owners(s, four, keys);

        for (String k : keys) {
            if (!before.get(k).equals(after.get(k))) {
                assertThat(after.get(k)).as("new owner of moved key %s", k).isEqualTo("e");
            }
        }
        assertThat(after.values()).contains("e");
    }

    @Test
    void consistentHashIgnoresLoadChangesAndSpreadsKeylessRequestsRoundRobin() {
        ConsistentHashStrategy s = new ConsistentHashStrategy(16);
        List<ServiceInstance> two = List.of(instance("a", 1), instance("b", 1));
        String owner = s.choose(two, RouteRequest.of("kline", "600000.SH")).instanceId();
        List<ServiceInstance> loaded = List.of(instance("a", 1).withHeartbeat(50, 9), instance("b", 1).withHeartbeat(7, 9));
        ServiceInstance again = s.choose(loaded, RouteRequest.of("kline", "600000.SH"));
        assertThat(again.instanceId()).isEqualTo(owner);
        assertThat(again.load()).as("the current record is returned, not the one the ring was built from")
                .isEqualTo(owner.equals("a") ? 50 : 7);
        assertThat(sequence(s, two, 4)).isEqualTo("abab");
    }

    @Test
    void strategyKindsParseTheirConfigNames() {
        for (StrategyKind k : StrategyKind.values()) {
            assertThat(StrategyKind.ofConfigName(k.configName())).isEqualTo(k);
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StrategyKind.ofConfigName("random"))
                .hasMessageContaining("unknown strategy 'random'").hasMessageContaining("consistent-hash");
    }
}
