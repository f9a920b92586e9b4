package com.quotebus.client;

import java.util.List;

/**
 * A quote snapshot ({@code quote.<code>} push, {@code svc.snapshot} reply). Prices and turnover in minor
 * units (1/10000 yuan), volume in shares / contracts, {@code time} epoch ms of exchange time.
 */
public record Quote(String code, long seq, long time, String phase, long preClose, long open, long high, long low,
                    long last, long volume, long turnover, long trades, long upper, long lower,
                    List<BookLevel> bids, List<BookLevel> asks) {
    public Quote {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    /** Last minus previous close, minor units. */
    public long change() {
        return last - preClose;
    }

    /** The change against the previous close as text, e.g. {@code "+1.23%"}. */
    public String changePercentText() {
        return PriceFormat.changePercent(last, preClose);
    }

    /** Best bid, or null when the bid side is empty. */
    public BookLevel bid1() {
        return bids.isEmpty() ? null : bids.get(0);
    }

    /** Best ask, or null when the ask side is empty. */
    public BookLevel ask1() {
        return asks.isEmpty() ? null : asks.get(0);
    }
}
