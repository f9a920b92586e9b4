/**
 * The collector's Vert.x edge: {@link com.quotebus.collector.verticle.CollectorVerticle}, its typed configuration,
 * source factories by type name, event-bus publishing per shard, journal replay and metrics addresses, and the
 * Hazelcast leader lease.
 */
package com.quotebus.collector.verticle;
