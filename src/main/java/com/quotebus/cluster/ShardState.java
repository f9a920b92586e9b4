package com.quotebus.cluster;

/** Where a calculator instance is with one shard it holds (see {@link ShardMap}). */
public enum ShardState {
    /** Subscribed and rebuilding the shard's day from the journal: not serving yet. */
    ACQUIRING,
    /** Caught up, follows the live stream, answers queries and publishes pushes. */
    LIVE,
    /** Leaving (its instance stops, or the shard moved away): serves what it still gets, routed nothing new. */
    RELEASING
}
