package com.quotebus.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorAnchorTest {

    /** One bar per weekday from {@code first}, labelled by day number. */
    private static List<Bar> weekdayBars(Period period, LocalDate first, int count, int perDay) {
        List<Bar> bars = new ArrayList<>();
        LocalDate d = first;
        long end = 1_000;
        while (bars.size() < count) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                for (int i = 0; i < perDay && bars.size() < count; i++) {
                    end += 60_000;
                    bars.add(new Bar("600000.SH", period, d, end - 60_000, end, 100, 100, 100, 100, 1, 100, 0, true));
                }
            }
            d = d.plusDays(1);
        }
        return bars;
    }

    @Test
    void blocksAreIsoWeeksForIntradayPeriodsAndCalendarYearsForLongerOnes() {
        LocalDate wednesday = LocalDate.parse("2025-03-12");
        assertThat(IndicatorAnchor.blockStart(Period.M1, wednesday)).isEqualTo("2025-03-10");
        assertThat(IndicatorAnchor.blockStart(Period.M60, LocalDate.parse("2025-03-16"))).isEqualTo("2025-03-10");
        assertThat(IndicatorAnchor.blockStart(Period.M5, LocalDate.parse("2025-03-10"))).isEqualTo("2025-03-10");
        assertThat(IndicatorAnchor.blockStart(Period.DAY, wednesday)).isEqualTo("2025-01-01");
        assertThat(IndicatorAnchor.blockStart(Period.WEEK, wednesday)).isEqualTo("2025-01-01");
        assertThat(IndicatorAnchor.blockStart(Period.YEAR, wednesday)).isEqualTo("2025-01-01");
        assertThat(IndicatorAnchor.maxBarsInBlock(Period.M1)).isEqualTo(10_080);
        assertThat(IndicatorAnchor.maxBarsInBlock(Period.M60)).isEqualTo(168);
        assertThat(IndicatorAnchor.maxBarsInBlock(Period.DAY)).isEqualTo(366);
        assertThatThrownBy(() -> new IndicatorAnchor(0)).hasMessageContaining("reach");
    }

    @Test
    void aSeriesNoLongerThanTheReachIsComputedFromItsFirstBar() {
        IndicatorAnchor anchor = new IndicatorAnchor(100);
        List<Bar> bars = weekdayBars(Period.DAY, LocalDate.parse("2024-11-01"), 100, 1);
        assertThat(anchor.anchorIndex(bars)).isZero();
        assertThat(anchor.holdFrom(bars)).isEqualTo("2024-01-01");
        assertThat(anchor.holdFrom(bars.subList(1, 100))).as("fewer than the reach: the whole history").isNull();
        assertThat(anchor.anchorIndex(List.of())).isZero();
    }

    @Test
    void aLongerSeriesStartsAtTheBlockOfTheReachThNewestBar() {
        IndicatorAnchor anchor = new IndicatorAnchor(300);
        List<Bar> bars = weekdayBars(Period.DAY, LocalDate.parse("2021-06-01"), 1_000, 1);
        int i = anchor.anchorIndex(bars);
        LocalDate reachDay = bars.get(1_000 - 300).tradingDay();
        assertThat(i).isLessThan(1_000 - 300);
        assertThat(bars.get(i).tradingDay().getYear()).isEqualTo(reachDay.getYear());
        assertThat(bars.get(i - 1).tradingDay().getYear()).isEqualTo(reachDay.getYear() - 1);
        // holdFrom tells a reader how far back it must read; more bars before that change nothing.
        LocalDate from = anchor.holdFrom(bars.subList(700, 1_000));
        int firstNeeded = 0;
        while (bars.get(firstNeeded).tradingDay().isBefore(from)) {
            firstNeeded++;
        }
        List<Bar> enough = bars.subList(firstNeeded - 1, 1_000);
        assertThat(enough.get(anchor.anchorIndex(enough))).isSameAs(bars.get(i));
    }

    /**
     * Bars arrive one at a time: the anchor never moves back, moves only when the reach-th newest bar
     * enters a new block (so once a week for 1m bars), always to a block's first bar, and the series stays
     * between the reach and the reach plus one block long.
     */
    @Test
    void theAnchorMovesForwardOneBlockAtATimeAsBarsArrive() {
        int reach = 1_250;
        IndicatorAnchor anchor = new IndicatorAnchor(reach);
        List<Bar> all = weekdayBars(Period.M1, LocalDate.parse("2025-01-06"), 240 * 40, 240);
        assertThat(all).hasSize(9_600);
        Bar previous = null;
        int moves = 0;
        for (int n = 1; n <= all.size(); n++) {
            List<Bar> held = all.subList(0, n);
            Bar a = held.get(anchor.anchorIndex(held));
            int length = n - anchor.anchorIndex(held);
            assertThat(length).isBetween(Math.min(n, reach), reach + IndicatorAnchor.maxBarsInBlock(Period.M1));
            if (previous != null && a != previous) {
                moves++;
                assertThat(a.end()).isGreaterThan(previous.end());
                assertThat(a.tradingDay()).isEqualTo(a.tradingDay().with(DayOfWeek.MONDAY));
                assertThat(a.tradingDay()).isEqualTo(previous.tradingDay().plusWeeks(1));
                assertThat(held.get(n - reach).tradingDay().with(DayOfWeek.MONDAY)).isEqualTo(a.tradingDay());
            }
            previous = a;
        }
        // 1,200 bars a week: the reach-th newest bar goes from week 0 to week (9,600 - 1,250) / 1,200 = 6.
        assertThat(moves).isEqualTo((all.size() - reach) / 1_200);
    }
}
