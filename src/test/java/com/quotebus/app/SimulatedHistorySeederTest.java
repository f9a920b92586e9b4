package com.quotebus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.calculator.history.RocksHistoryStore;
import com.quotebus.collector.sim.DailyHistory;
import com.quotebus.collector.sim.SimSymbol;
import com.quotebus.collector.sim.SimUniverse;
import com.quotebus.collector.sim.SimulatorConfig;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import com.quotebus.core.minute.MinutePoint;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingSchedules;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedHistorySeederTest {
    static final TradingCalendar CALENDAR = TradingCalendar.loadDefault();

    @TempDir
    Path dir;

    @Test
    void seededHistoryIsConsistentAcrossPeriodsAndWithTheDailyModel() {
        SimulatorConfig config = SimulatorConfig.DEFAULT.withStocks(6);
        SimUniverse universe = new SimUniverse(config);
        DailyHistory daily = new DailyHistory(config.seed(), universe, CALENDAR);
        LocalDate live = LocalDate.parse("2025-06-16");
        LocalDate yesterday = CALENDAR.previousTradingDay(live);
        try (RocksHistoryStore store = RocksHistoryStore.open(dir)) {
            SimulatedHistorySeeder seeder = new SimulatedHistorySeeder(universe, daily, new TradingSchedules(CALENDAR),
                    store, config.seed());
            assertThat(seeder.seed(live, 2, m -> {})).isPositive();
            assertThat(seeder.seed(live, 2, m -> {})).as("seeded once").isZero();

            for (SimSymbol s : universe.symbols()) {
                String code = s.codeText();
                List<Bar> days = store.bars(code, Period.DAY, Long.MAX_VALUE, 1000);
                assertThat(days.get(days.size() - 1).tradingDay()).isEqualTo(yesterday);
                assertThat(days).hasSizeGreaterThan(250);
                // older days are the daily model itself; the close chain continues into the live day
                Bar older = days.get(days.size() - 10);
                var model = daily.day(s, older.tradingDay());
                assertThat(List.of(older.open(), older.high(), older.low(), older.close()))
                        .containsExactly(model.open(), model.high(), model.low(), model.close());
                assertThat(days.get(days.size() - 1).close()).isEqualTo(daily.day(s, live).preClose());
                if (s.isFuture()) {
                    continue;
                }
                // yesterday: a whole 241-point line that touches the day's extremes; the auction minutes are blank
                List<MinutePoint> line = store.minuteLine(code, yesterday);
                assertThat(line).hasSize(241);
                Bar day = days.get(days.size() - 1);
                var summary = daily.day(s, yesterday);
                assertThat(line.get(0).price()).isEqualTo(summary.open());
                assertThat(line.get(240).price()).isEqualTo(summary.close());
                assertThat(line.stream().mapToLong(MinutePoint::price).max().orElseThrow()).isEqualTo(summary.high());
                assertThat(line.stream().mapToLong(MinutePoint::price).min().orElseThrow()).isEqualTo(summary.low());
                assertThat(line.get(238).blank()).isTrue();
                assertThat(line.get(239).blank()).isTrue();
                assertThat(ChinaTime.dateTime(line.get(239).time()).toLocalTime().toString()).isEqualTo("14:59");
                assertThat(line.stream().mapToLong(MinutePoint::volume).sum()).isEqualTo(day.volume());
                // intraday bars agree with each other and with the day bar
                List<Bar> ones = store.bars(code, Period.M1, day.end(), 240).stream()
                        .filter(b -> b.tradingDay().equals(yesterday)).toList();
                assertThat(ones.stream().mapToLong(Bar::volume).sum()).isEqualTo(day.volume());
                assertThat(ones.stream().mapToLong(Bar::high).max().orElseThrow()).isEqualTo(day.high());
                assertThat(ones.stream().mapToLong(Bar::low).min().orElseThrow()).isEqualTo(day.low());
                List<Bar> fives = store.bars(code, Period.M5, day.end(), 48).stream()
                        .filter(b -> b.tradingDay().equals(yesterday)).toList();
                for (Bar f : fives) {
                    List<Bar> parts = ones.stream().filter(b -> b.end() > f.start() && b.end() <= f.end()).toList();
                    assertThat(f.volume()).isEqualTo(parts.stream().mapToLong(Bar::volume).sum());
                    assertThat(f.open()).isEqualTo(parts.get(0).open());
                    assertThat(f.close()).isEqualTo(parts.get(parts.size() - 1).close());
                }
                // the last closed week holds exactly its days
                List<Bar> weeks = store.bars(code, Period.WEEK, Long.MAX_VALUE, 3);
                Bar week = weeks.get(weeks.size() - 1);
                long weekVolume = days.stream().filter(d -> d.end() > week.start() && d.end() <= week.end())
                        .mapToLong(Bar::volume).sum();
                assertThat(week.volume()).isEqualTo(weekVolume);
            }
        }
    }
}
