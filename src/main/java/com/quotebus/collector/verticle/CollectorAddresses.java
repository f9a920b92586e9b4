package com.quotebus.collector.verticle;

import com.quotebus.cluster.Shards;

/**
 * Event-bus addresses of the collector (docs/collector.md "Event bus"). Events go to one address per shard so a
 * calculator instance subscribes to the shards it owns; the shard of a code is
 * {@code Math.floorMod(code.hashCode(), shards)} — {@link String#hashCode()} is specified by the JDK, so every
 * node computes the same shard.
 */
public final class CollectorAddresses {
    /** Prefix of the per-shard event addresses: {@code internal.md.shard.<n>}; bodies are Snapshot / Trade. */
    public static final String SHARD_PREFIX = Shards.STREAM_PREFIX;
    /** Stream health (gaps, stale/fresh symbols, sources down/up, leadership), JSON. */
    public static final String STATUS = "internal.md.status";
    /**
     * Request: a page of the day's journal for a shard or a code set (see {@link JournalReplayHandler}); the address
     * the calculators know from {@link Shards#JOURNAL_REPLAY_ADDRESS}.
     */
    public static final String REPLAY = Shards.JOURNAL_REPLAY_ADDRESS;
    /** Request: the collector's counters, JSON. */
    public static final String METRICS = "internal.collector.metrics";

    private CollectorAddresses() {}

    /** The shard of {@code code} among {@code shards}. */
    public static int shardOf(String code, int shards) {
        return Math.floorMod(code.hashCode(), shards);
    }

    /** The address carrying {@code code}'s events. */
    public static String shardAddress(String code, int shards) {
        return SHARD_PREFIX + shardOf(code, shards);
    }
}
