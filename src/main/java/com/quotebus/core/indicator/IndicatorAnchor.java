package com.quotebus.core.indicator;

import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/**
 * Where an indicator series computed for a query starts (its anchor), chosen so that a served value
 * never depends on how many bars were asked for, stays put as new bars arrive, and costs a bounded
 * amount of work.
 *
 * <p>Recursive indicators (EMA, MACD, RSI, KDJ, SAR) depend on every bar since their first, cumulative
 * ones (OBV) on the starting point itself: computed from "the requested bars plus a warm-up", their
 * values moved with the request's {@code count} (OBV of one bar: 45,974,100 for count 5, 97,727,000
 * for count 1000). Computing from the first stored bar is exact but unbounded (1m history grows by
 * 240+ bars a day). So the anchor is:
 *
 * <ul>
 *   <li>when the series holds at most {@code reach} bars: its first bar (the whole history);
 *   <li>otherwise: the first bar of the <em>block</em> that holds the {@code reach}-th newest bar. A
 *       block is a fixed calendar unit of trading days ({@link #blockStart}): the ISO week (Monday to
 *       Sunday) for intraday periods, the calendar year for day bars and longer.
 * </ul>
 *
 * <p>Consequences: the anchor depends only on the bars held, not on the request; it moves forward one
 * block at a time (once a week for intraday periods, once a year for day bars and longer), when the
 * {@code reach}-th newest bar enters a new block — between two moves every bar's value is fixed; the
 * series is at least {@code reach} bars and at most {@code reach} plus one block long
 * ({@link #maxBarsInBlock}).
 */
public record IndicatorAnchor(int reach) {

    public IndicatorAnchor {
        if (reach < 1) {
            throw new IllegalArgumentException("an indicator anchor needs a reach of at least 1 bar, was " + reach);
        }
    }

    /** First trading day of the block holding {@code tradingDay}: its ISO week's Monday, or its January 1. */
    public static LocalDate blockStart(Period period, LocalDate tradingDay) {
        return period.isIntraday() ? tradingDay.with(DayOfWeek.MONDAY) : tradingDay.withDayOfYear(1);
    }

    /**
     * An upper bound of the bars one block can hold, whatever the market: a week of round-the-clock
     * trading minutes for intraday periods, 366 days' worth (one bar a day at most) for longer ones.
     */
    public static int maxBarsInBlock(Period period) {
        return period.isIntraday() ? 7 * 1440 / period.minutes() : 366;
    }

    /**
     * The trading day from which a reader must hold bars for {@link #anchorIndex}, given the newest
     * {@code reach} bars (oldest first): the block start of the oldest of them; {@code null} when fewer
     * than {@code reach} bars exist at all (then they are the whole history and the anchor is the first).
     */
    public LocalDate holdFrom(List<Bar> newest) {
        return newest.size() < reach ? null : blockStart(newest.get(0).period(), newest.get(newest.size() - reach)
                .tradingDay());
    }

    /**
     * Index of the anchor in {@code bars} (one code and period, oldest first), which must hold every bar
     * of the series from {@link #holdFrom} on (more, older bars are allowed), or the whole series.
     */
    public int anchorIndex(List<Bar> bars) {
        if (bars.size() <= reach) {
            return 0;
        }
        int i = bars.size() - reach;
        LocalDate from = blockStart(bars.get(i).period(), bars.get(i).tradingDay());
        while (i > 0 && !bars.get(i - 1).tradingDay().isBefore(from)) {
            i--;
        }
        return i;
    }
}
