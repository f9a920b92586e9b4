package com.quotebus.core.event;

import java.util.Objects;

/**
 * A quote snapshot with cumulative day totals and the order book (5 levels; level-2: 10 with order counts).
 *
 * @param code          {@code SYMBOL.MARKET}
 * @param exchangeTime  exchange time, epoch ms
 * @param phase         trading phase
 * @param preClose      previous close (futures: previous settlement), minor units
 * @param open          day open, minor units (0 before the open)
 * @param high          day high so far, minor units
 * @param low           day low so far, minor units
 * @param last          last price, minor units
 * @param volume        cumulative day volume, shares or contracts
 * @param turnover      cumulative day turnover, minor units
 * @param numTrades     cumulative number of trades
 * @param upperLimit    limit-up price (0 = none)
 * @param lowerLimit    limit-down price (0 = none)
 * @param openInterest  futures open interest (0 for stocks)
 * @param settlement    futures settlement (0 until known)
 * @param preSettlement futures previous settlement (0 for stocks)
 * @param bid           bid side, best first
 * @param ask           ask side, best first
 * @param channel       feed channel
 * @param channelSeq    per-channel source sequence
 * @param seq           per-symbol sequence assigned by the collector
 * @param source        source that won arbitration
 */
public record Snapshot(
        String code,
        long exchangeTime,
        TradingPhase phase,
        long preClose,
        long open,
        long high,
        long low,
        long last,
        long volume,
        long turnover,
        long numTrades,
        long upperLimit,
        long lowerLimit,
        long openInterest,
        long settlement,
        long preSettlement,
        BookSide bid,
        BookSide ask,
        int channel,
        long channelSeq,
        long seq,
        String source) implements MarketEvent {

    public Snapshot {
        Objects.requireNonNull(code, "code");
        phase = phase == null ? TradingPhase.UNKNOWN : phase;
        bid = bid == null ? BookSide.EMPTY : bid;
        ask = ask == null ? BookSide.EMPTY : ask;
        source = source == null ? "" : source;
    }

    /** The same snapshot with the collector's per-symbol sequence and winning source set. */
    public Snapshot withSequencing(long newSeq, String newSource) {
        return new Snapshot(code, exchangeTime, phase, preClose, open, high, low, last, volume, turnover, numTrades,
                upperLimit, lowerLimit, openInterest, settlement, preSettlement, bid, ask, channel, channelSeq,
                newSeq, newSource);
    }
}
