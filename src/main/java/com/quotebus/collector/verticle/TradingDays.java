package com.quotebus.collector.verticle;

import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.TradingCalendar;
import java.time.LocalDate;

/**
 * The trading day a collector journals into at a given time: the Asia/Shanghai date, moved to the next day from
 * 18:00 (a futures night session belongs to the next trading day), then to the first trading day on or after it.
 */
final class TradingDays {
    private static final long ROLL_AT = 18 * 3_600_000L;

    private TradingDays() {}

    static LocalDate of(long epochMillis, TradingCalendar calendar) {
        LocalDate date = ChinaTime.date(epochMillis);
        if (ChinaTime.millisOfDay(epochMillis) >= ROLL_AT) {
            date = date.plusDays(1);
        }
        return calendar.onOrAfter(date);
    }
}
