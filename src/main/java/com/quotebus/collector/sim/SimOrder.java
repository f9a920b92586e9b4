package com.quotebus.collector.sim;

import com.quotebus.core.event.Side;

/**
 * A simulated tick-by-tick order (SZSE 300192). Orders are published so that trades can reference them and so
 * that the channel sequence looks like the exchange's; Quotebus only counts them.
 *
 * @param code         {@code SYMBOL.MARKET}
 * @param exchangeTime epoch ms
 * @param channel      feed channel
 * @param channelSeq   per-channel sequence (ApplSeqNum), shared with trades
 * @param price        limit price, minor units
 * @param quantity     shares or contracts
 * @param side         BUY or SELL
 */
public record SimOrder(String code, long exchangeTime, int channel, long channelSeq, long price, long quantity,
        Side side) {}
