package com.quotebus.core.event;

/** A normalised event for one instrument: a {@link Snapshot} or a {@link Trade}. */
public sealed interface MarketEvent permits Snapshot, Trade {
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
