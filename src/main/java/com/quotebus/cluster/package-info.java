/**
 * Plain-Java rules every node must agree on: which shard a code belongs to and which live calculator
 * instance owns a shard. The collector publishes by shard, calculators subscribe to the shards they
 * own, and the gateway routes a query for a code to the owner — all through {@link com.quotebus.cluster.Shards}.
 */
package com.quotebus.cluster;
