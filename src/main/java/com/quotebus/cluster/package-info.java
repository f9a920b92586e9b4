/**
 * Plain-Java rules every node must agree on: which shard a code belongs to and which live calculator
 * instance owns a shard. The collector publishes by shard, calculators subscribe to the shards they
 * own, and the gateway routes a query for a code to the owner — all through {@link com.quotebus.cluster.Shards}.
 *
 * <p>What the roles share lives here, so that no role imports another: the shard rules and the shard map, the
 * instrument directory, the market clock feed, the stream and journal-replay addresses ({@link
 * com.quotebus.cluster.Shards}), and the service registry ({@code cluster.registry}). The Hazelcast
 * implementations of these contracts, and of the ones the roles define for themselves, are in {@code
 * cluster.hazelcast}; the node wires them in.
 */
package com.quotebus.cluster;
