package com.quotebus.core.event;

import java.util.Objects;

/**
 * One trade (逐笔成交). Cancellations are not trades: adapters drop them (SZSE ExecType 4).
 *
 * @param code         {@code SYMBOL.MARKET}
 * @param exchangeTime exchange time, epoch ms
 * @param price        trade price, minor units
 * @param quantity     shares or contracts
 * @param amount       price × quantity × multiplier, minor units
 * @param side         aggressor side (B/S/N)
 * @param channel      feed channel
 * @param channelSeq   per-channel sequence (SZSE ApplSeqNum)
 * @param buyOrderNo   buy order number when known, else 0
 * @param sellOrderNo  sell order number when known, else 0
 * @param seq          per-symbol sequence assigned by the collector
 * @param source       source that won arbitration
 */
public record Trade(
        String code,
        long exchangeTime,
        long price,
        long quantity,
        long amount,
        Side side,
        int channel,
        long channelSeq,
        long buyOrderNo,
        long sellOrderNo,
        long seq,
        String source) implements MarketEvent {

    public Trade {
        Objects.requireNonNull(code, "code");
        side = side == null ? Side.NONE : side;
        source = source == null ? "" : source;
        if (quantity <= 0) {
            throw new IllegalArgumentException(code + ": trade quantity must be > 0, was " + quantity);
        }
        if (price <= 0) {
            throw new IllegalArgumentException(code + ": trade price must be > 0, was " + price);
        }
    }

    /** The same trade with the collector's per-symbol sequence and winning source set. */
    public Trade withSequencing(long newSeq, String newSource) {
        return new Trade(code, exchangeTime, price, quantity, amount, side, channel, channelSeq, buyOrderNo,
                sellOrderNo, newSeq, newSource);
    }
}
