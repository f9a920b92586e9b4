package com.quotebus.core.event;

/**
 * A normalised event: a {@link Snapshot} or a {@link Trade} of one instrument, or the stream's {@link MarketTime}
 * (for every instrument, with an empty code).
 */
public sealed interface MarketEvent permits Snapshot, Trade, MarketTime {
    /** {@code SYMBOL.MARKET}. */
    String code();

    /** Exchange time, epoch milliseconds. */
    long exchangeTime();

    /** Feed channel the event came on (SZSE ChannelNo; 0 when the source has none). */
    int channel();

    /** Contiguous per-channel sequence number from the source (0 when the source has none). */
    long channelSeq();

    /** Per-symbol sequence assigned by the collector (1, 2, 3, … per code per trading day; 0 = unassigned). */
    long seq();

    /** Name of the source whose copy won arbitration (e.g. {@code szse-a}); empty when unknown. */
    String source();
}
