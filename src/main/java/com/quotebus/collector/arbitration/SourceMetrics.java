package com.quotebus.collector.arbitration;

/**
 * Counters of one source since start.
 *
 * @param up          delivering now
 * @param eventsIn    events received
 * @param won         events whose copy from this source was delivered
 * @param duplicates  events dropped because another copy was delivered first (normal on A/B lines)
 * @param outOfOrder  events older than one this source already sent on the same channel (or an older snapshot)
 * @param malformed   messages the source could not decode
 * @param heartbeats  heartbeats received
 * @param downs       times the source was reported down
 */
public record SourceMetrics(boolean up, long eventsIn, long won, long duplicates, long outOfOrder, long malformed,
        long heartbeats, long downs) {}
