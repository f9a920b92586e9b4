package com.quotebus.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodAggregatesTest {
    private static Bar day(String date, long open, long high, long low, long close, long volume) {
        return new Bar("600001.SH", Period.DAY, LocalDate.parse(date), 0, 0, open, high, low, close, volume, volume * 10,
                0, true);
    }

    @Test
    void earlierDaysOfTheWeekAndMonthAggregateOnlyTheirOwnDays() {
        List<Bar> days = List.of(day("2025-03-28", 9, 9, 9, 9, 1), day("2025-03-31", 10, 12, 9, 11, 100),
                day("2025-04-01", 11, 15, 10, 14, 200), day("2025-04-02", 14, 14, 8, 9, 300));
        LocalDate thursday = LocalDate.parse("2025-04-03");
        Bar week = PeriodAggregates.earlierDays("600001.SH", Period.WEEK, thursday, days);
        assertThat(List.of(week.open(), week.high(), week.low(), week.close(), week.volume()))
                .containsExactly(10L, 15L, 8L, 9L, 600L);
        Bar month = PeriodAggregates.earlierDays("600001.SH", Period.MONTH, thursday, days);
        assertThat(List.of(month.open(), month.high(), month.low(), month.close(), month.volume()))
                .containsExactly(11L, 15L, 8L, 9L, 500L);
        assertThat(PeriodAggregates.earlierDays("600001.SH", Period.WEEK, LocalDate.parse("2025-03-31"), days)).isNull();
    }
}
