package com.quotebus.access.routing;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The routing strategies a service can be configured with, by their configuration name. */
public enum StrategyKind {
    /** {@link RoundRobinStrategy}. */
    ROUND_ROBIN("round-robin"),
    /** {@link SmoothWeightedStrategy}, by instance weight. */
    WEIGHTED("weighted"),
    /** {@link LeastOutstandingStrategy}. */
    LEAST_OUTSTANDING("least-outstanding"),
    /** {@link ConsistentHashStrategy} on the policy's hash field. */
    CONSISTENT_HASH("consistent-hash"),
    /** {@link ShardOwnerStrategy}: a calculator instance holding the code's shard LIVE in the shard map. */
    SHARD_OWNER("shard-owner"),
    /**
     * A request for many codes (body field {@code codes}) split by shard, each part routed like
     * {@link #SHARD_OWNER} (hedged), the replies merged (see {@link ReplyMerger}).
     */
    SHARD_SCATTER("shard-scatter"),
    /** Every ACTIVE instance; the replies are merged (see {@link ReplyMerger}). */
    MULTICAST_MERGE("multicast-merge"),
    /** Every ACTIVE instance; the first successful reply wins. */
    MULTICAST_FIRST("multicast-first");

    private final String configName;

    StrategyKind(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public boolean multicast() {
        return this == MULTICAST_MERGE || this == MULTICAST_FIRST;
    }

    /** A fresh strategy for one service; {@code null} for the multicast kinds, which the router runs itself. */
    public RoutingStrategy create(ServicePolicy policy, OutstandingRequests outstanding,
                                  com.quotebus.cluster.ShardMap shardMap) {
        return switch (this) {
            case ROUND_ROBIN -> new RoundRobinStrategy();
            case WEIGHTED -> new SmoothWeightedStrategy();
            case LEAST_OUTSTANDING -> new LeastOutstandingStrategy(outstanding);
            case CONSISTENT_HASH -> new ConsistentHashStrategy(policy.virtualNodes());
            case SHARD_OWNER, SHARD_SCATTER ->
                    new ShardOwnerStrategy(com.quotebus.cluster.Shards.configuredCount(), shardMap);
            case MULTICAST_MERGE, MULTICAST_FIRST -> null;
        };
    }

    /** Parses a configuration name such as {@code weighted}; the error lists the known names. */
    public static StrategyKind ofConfigName(String name) {
        for (StrategyKind k : values()) {
            if (k.configName.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown strategy '" + name + "' (known: "
                + Arrays.stream(values()).map(StrategyKind::configName).collect(Collectors.joining(", ")) + ")");
    }
}
