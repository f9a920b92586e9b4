package com.quotebus.core.kline;

import java.time.LocalDate;

/**
 * One K-line bar. Labelled by {@link #end()} (Chinese terminal convention); {@link #start()} is
 * stored too so that clients labelling by start time need no calendar.
 *
 * @param code         {@code SYMBOL.MARKET}
 * @param period       bar period
 * @param tradingDay   trading day of the bar's last minute (for week+ bars: the last trading day so far)
 * @param start        start of the bar, epoch ms (exclusive bound of the covered interval)
 * @param end          end of the bar, epoch ms (inclusive bound; the label)
 * @param open         minor units
 * @param high         minor units
 * @param low          minor units
 * @param close        minor units
 * @param volume       shares or contracts
 * @param turnover     minor units
 * @param openInterest futures open interest at the bar's end (0 for stocks)
 * @param closed       {@code false} while the bar is in progress; a closed bar is final
 */
public record Bar(
        String code,
        Period period,
        LocalDate tradingDay,
        long start,
        long end,
        long open,
        long high,
        long low,
        long close,
        long volume,
        long turnover,
        long openInterest,
        boolean closed) {

    /** The same bar marked closed (final). */
    public Bar asClosed() {
        return closed ? this : new Bar(code, period, tradingDay, start, end, open, high, low, close, volume, turnover,
                openInterest, true);
    }
}
