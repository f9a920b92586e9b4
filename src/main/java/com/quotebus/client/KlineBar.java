package com.quotebus.client;

/**
 * One bar. {@code start} is exclusive, {@code end} inclusive and the bar's label (epoch ms, exchange
 * time); prices and turnover in minor units; {@code closed} false for the bar in progress. {@code seq}
 * is the push sequence (0 in query replies).
 */
public record KlineBar(String code, String period, long seq, long start, long end, long open, long high, long low,
                       long close, long volume, long turnover, boolean closed) {
}
