package com.quotebus.client;

import java.util.List;

/** A {@code svc.kline} reply: the newest bars, oldest first, with the price adjustment applied. */
public record Kline(String code, String period, String adjust, long seq, List<KlineBar> bars) {
    public Kline {
        bars = List.copyOf(bars);
    }
}
