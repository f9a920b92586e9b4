/**
 * The collector's Vert.x edge: {@link com.quotebus.collector.verticle.CollectorVerticle}, its typed configuration,
 * source factories by type name, event-bus publishing per shard, journal replay and metrics addresses. The
 * leader lease of redundant collectors is a {@link com.quotebus.collector.pipeline.LeaderElection} given by the
 * node (in a cluster {@code cluster.hazelcast.HazelcastLeaderElection}).
 */
package com.quotebus.collector.verticle;
