package com.quotebus.calculator;

import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import com.quotebus.core.market.SymbolState;
import java.time.LocalDate;
import java.util.List;

/** Aggregates of day bars for the calendar periods (week, month, quarter, year). */
final class PeriodAggregates {
    private PeriodAggregates() {}

    /**
     * The aggregate of the day bars that lie in {@code today}'s period but before {@code today}, or
     * {@code null} when there are none (the period starts today).
     */
    static Bar earlierDays(String code, Period period, LocalDate today, List<Bar> dayBars) {
        LocalDate first = SymbolState.periodFirstDay(period, today);
        Bar agg = null;
        for (Bar d : dayBars) {
            if (d.tradingDay().isBefore(first) || !d.tradingDay().isBefore(today)) {
                continue;
            }
            agg = agg == null ? new Bar(code, period, d.tradingDay(), d.start(), d.end(), d.open(), d.high(), d.low(),
                    d.close(), d.volume(), d.turnover(), d.openInterest(), false)
                    : new Bar(code, period, d.tradingDay(), agg.start(), d.end(), agg.open(),
                    Math.max(agg.high(), d.high()), Math.min(agg.low(), d.low()), d.close(),
                    agg.volume() + d.volume(), agg.turnover() + d.turnover(), d.openInterest(), false);
        }
        return agg;
    }
}
