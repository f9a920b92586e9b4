package com.quotebus.core.event;

/**
 * The market time of the event stream (a watermark): the collector has published every event with an exchange
 * time before {@code exchangeTime}, so a consumer may close what ends before it. It comes from the stream itself
 * (the exchange times of the events and of the feed's heartbeats, held back while a channel has a hole), never
 * from the wall clock of whoever applies it; it is journaled like any event, so a replay closes bars at exactly
 * the same points of the stream as the live run did. Applies to every symbol and every shard; monotonic
 * (a consumer ignores one that is not later than the last it applied).
 *
 * @param exchangeTime epoch ms, exchange time
 */
public record MarketTime(long exchangeTime) implements MarketEvent {
    /** The code a market time carries: none (it is for every symbol). */
    public static final String NO_CODE = "";

    @Override
    public String code() {
        return NO_CODE;
    }

    @Override
    public int channel() {
        return 0;
    }

    @Override
    public long channelSeq() {
        return 0;
    }

    /** Market times are not numbered per symbol. */
    @Override
    public long seq() {
        return 0;
    }

    @Override
    public String source() {
        return "";
    }
}
