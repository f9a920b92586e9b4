package com.quotebus.cluster;

import java.util.Map;

/**
 * The one cluster-wide map of who serves which shard: per calculator instance, the shards it holds and their
 * {@link ShardState}. Every calculator writes its own entry as its shards change state; the gateways route a
 * code's queries only to instances holding its shard {@link ShardState#LIVE}. Which shards an instance
 * <em>should</em> hold is computed, not stored: {@link Shards#replicas} over the calculators in the service
 * registry. An entry goes when its instance withdraws it or its node leaves the cluster.
 *
 * <p>Reads are local (a mirrored view) and never block; writes are asynchronous. {@link #epoch()} counts the
 * changes this node has seen, so a reader can tell whether the map moved since it last looked.
 */
public interface ShardMap {

    /** Publishes this instance's holding, replacing its previous one (a lower or equal version is ignored). */
    void publish(ShardHolding holding);

    /** Removes an instance's entry (it stopped). */
    void withdraw(String instanceId);

    /** Every entry, by instance id; a snapshot. */
    Map<String, ShardHolding> holdings();

    /** The state of {@code shard} at {@code instanceId}, or null when that instance does not hold it. */
    default ShardState state(int shard, String instanceId) {
        ShardHolding h = holdings().get(instanceId);
        return h == null ? null : h.state(shard);
    }

    /** Changes seen by this node so far. */
    long epoch();

    /** Told (on any thread) after every change to the map. */
    void addListener(Runnable onChange);

    void removeListener(Runnable onChange);
}
