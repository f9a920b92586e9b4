package com.quotebus.cluster;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shards one calculator instance holds, each with its {@link ShardState}: its entry in the {@link ShardMap}.
 * Written only by that instance; {@code version} grows with every write, so an older write (e.g. from an
 * instance that was frozen and resumes) never replaces a newer one.
 *
 * @param instanceId the calculator instance
 * @param nodeId     its cluster node (the entry goes when the node leaves the cluster)
 * @param version    &gt; 0, increasing per instance
 * @param shards     shard id → state; shards not held are absent
 */
public record ShardHolding(String instanceId, String nodeId, long version, Map<Integer, ShardState> shards)
        implements Serializable {
    private static final long serialVersionUID = 1L;

    public ShardHolding {
        if (instanceId == null || instanceId.isBlank() || nodeId == null || nodeId.isBlank()) {
            throw new IllegalArgumentException("instanceId and nodeId are required");
        }
        if (version <= 0) {
            throw new IllegalArgumentException("version must be > 0, was " + version);
        }
        shards = java.util.Collections.unmodifiableMap(new TreeMap<>(shards));
    }

    /** The state of {@code shard} here, or null when this instance does not hold it. */
    public ShardState state(int shard) {
        return shards.get(shard);
    }
}
