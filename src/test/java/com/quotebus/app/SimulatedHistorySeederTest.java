package com.quotebus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.calculator.history.RocksHistoryStore;
import com.quotebus.collector.sim.DailyHistory;
import com.quotebus.collector.sim.DailySummary;
import com.quotebus.collector.sim.SimSymbol;
import com.quotebus.collector.sim.SimUniverse;
import com.quotebus.collector.sim.SimulatorConfig;
import com.quotebus.core.adjust.AdjustFactor;
import com.quotebus.core.adjust.CorporateAction;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import com.quotebus.core.minute.MinutePoint;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingSchedules;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedHistorySeederTest {
    static final TradingCalendar CALENDAR = TradingCalendar.loadDefault();

    @TempDir
    Path dir;

    @Test
    void seedingInSlicesWritesWhatSeedingInOneGoWrites() {
        SimulatorConfig config = SimulatorConfig.DEFAULT.withStocks(5);
        SimUniverse universe = new SimUniverse(config);
        LocalDate live = LocalDate.parse("2025-06-16");
        try (RocksHistoryStore whole = RocksHistoryStore.open(dir.resolve("whole"));
             RocksHistoryStore sliced = RocksHistoryStore.open(dir.resolve("sliced"))) {
            long written = new SimulatedHistorySeeder(universe, new DailyHistory(config.seed(), universe, CALENDAR, live),
                    new TradingSchedules(CALENDAR), whole, config.seed()).seed(live, 2, m -> {});
            SimulatedHistorySeeder seeder = new SimulatedHistorySeeder(universe,
                    new DailyHistory(config.seed(), universe, CALENDAR, live), new TradingSchedules(CALENDAR), sliced,
                    config.seed());
            SimulatedHistorySeeder.Run run = seeder.start(live, 2, m -> {});
            int slices = 1;
            while (run.next(2)) {
                slices++;
            }
            assertThat(slices).isEqualTo((universe.size() + 1) / 2);
            assertThat(run.written()).isEqualTo(written);
            assertThat(seeder.start(live, 2, m -> {})).as("seeded once").isNull();
            LocalDate yesterday = CALENDAR.previousTradingDay(live);
            for (SimSymbol s : universe.symbols()) {
                for (Period p : Period.values()) {
                    assertThat(sliced.bars(s.codeText(), p, Long.MAX_VALUE, 5000))
                            .isEqualTo(whole.bars(s.codeText(), p, Long.MAX_VALUE, 5000));
                }
                assertThat(sliced.minuteLine(s.codeText(), yesterday)).isEqualTo(whole.minuteLine(s.codeText(), yesterday));
                assertThat(sliced.adjustFactors(s.codeText()))
                        .isEqualTo(whole.adjustFactors(s.codeText()));
            }
        }
    }

    @Test
    void seededHistoryIsConsistentAcrossPeriodsAndWithTheDailyModel() {
        SimulatorConfig config = SimulatorConfig.DEFAULT.withStocks(6);
        SimUniverse universe = new SimUniverse(config);
        LocalDate live = LocalDate.parse("2025-06-16");
        DailyHistory daily = new DailyHistory(config.seed(), universe, CALENDAR, live);
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

    @Test
    void seededHistoryHasCorporateActionsWithPriceJumpsAndMatchingFactors() {
        SimulatorConfig config = SimulatorConfig.DEFAULT.withStocks(40);
        SimUniverse universe = new SimUniverse(config);
        LocalDate live = LocalDate.parse("2026-03-02");
        LocalDate yesterday = CALENDAR.previousTradingDay(live);
        DailyHistory daily = new DailyHistory(config.seed(), universe, CALENDAR, live);
        try (RocksHistoryStore store = RocksHistoryStore.open(dir)) {
            new SimulatedHistorySeeder(universe, daily, new TradingSchedules(CALENDAR), store, config.seed())
                    .seed(live, 0, m -> {});
            List<CorporateAction> all = new ArrayList<>();
            Set<String> withActions = new TreeSet<>();
            for (SimSymbol s : universe.symbols()) {
                String code = s.codeText();
                List<Bar> days = store.bars(code, Period.DAY, Long.MAX_VALUE, 1000);
                assertThat(days.get(0).tradingDay()).isEqualTo(daily.anchor());
                List<CorporateAction> actions = daily.corporateActions(s, live);
                all.addAll(actions);
                if (!actions.isEmpty()) {
                    withActions.add(code);
                }
                Map<LocalDate, CorporateAction> byExDate = new HashMap<>();
                actions.forEach(a -> byExDate.put(a.exDate(), a));
                for (int i = 1; i < days.size(); i++) {
                    Bar before = days.get(i - 1);
                    Bar bar = days.get(i);
                    DailySummary model = daily.day(s, bar.tradingDay());
                    CorporateAction a = byExDate.get(bar.tradingDay());
                    assertThat(model.exRights()).isEqualTo(a);
                    if (a == null) {
                        assertThat(model.preClose()).as("%s %s", code, bar.tradingDay()).isEqualTo(before.close());
                        continue;
                    }
                    // the exchange's previous close on an ex-date is the reference price; the raw bar trades
                    // around it, within its limits
                    long ref = IndependentAdjustment.referencePrice(before.close(), a, s.tick());
                    assertThat(model.preClose()).as("%s %s", code, a).isEqualTo(ref);
                    assertThat(bar.high()).isLessThanOrEqualTo(s.upperLimit(ref));
                    assertThat(bar.low()).isGreaterThanOrEqualTo(s.lowerLimit(ref));
                    if (a.bonus().signum() > 0) {
                        // bonus shares: the whole day lies below the previous close's limit-down, a jump no
                        // ordinary day can make
                        assertThat(bar.high()).as("%s %s", code, a).isLessThan(s.lowerLimit(before.close()));
                    }
                    if (a.bonus().compareTo(BigDecimal.ONE) == 0 && a.rights().signum() == 0) {
                        // 10送10: the price halves (less half the dividend)
                        assertThat(ref).isEqualTo(Math.round((before.close() - a.cash()) / 2.0 / s.tick()) * s.tick());
                    }
                }
                // the factors stored with the history are the textbook chain over the raw closes
                TreeMap<LocalDate, BigDecimal> expected = IndependentAdjustment.factors(daily.anchor(), days, actions,
                        s.tick());
                List<AdjustFactor> stored = store.adjustFactors(code);
                assertThat(stored.stream().map(AdjustFactor::date).toList()).as(code)
                        .containsExactlyElementsOf(expected.keySet());
                for (AdjustFactor f : stored) {
                    assertThat(f.factor()).as("%s %s", code, f.date()).isEqualByComparingTo(expected.get(f.date()));
                }
                // the live day continues from the last raw close, with no corporate action of its own
                assertThat(daily.day(s, live).preClose()).isEqualTo(days.get(days.size() - 1).close());
                assertThat(daily.day(s, live).exRights()).isNull();
                assertThat(days.get(days.size() - 1).tradingDay()).isEqualTo(yesterday);
            }
            // a deterministic subset of symbols, every kind of action present
            assertThat(withActions).containsExactly("002002.SZ", "300003.SZ", "688004.SH");
            assertThat(all).anyMatch(a -> a.cash() > 0 && a.bonus().signum() == 0 && a.rights().signum() == 0);
            assertThat(all).anyMatch(a -> a.bonus().compareTo(BigDecimal.ONE) == 0);
            assertThat(all).anyMatch(a -> a.rights().signum() > 0 && a.rightsPrice() > 0);
            assertThat(store.adjustFactorTable().codes()).containsExactlyElementsOf(withActions);
            assertThat(all).allMatch(a -> a.exDate().isBefore(live) && a.exDate().isAfter(daily.anchor()));
        }
    }

    @Test
    void noCorporateActionIsSimulatedOnOrAfterTheFirstLiveDay() {
        SimulatorConfig config = SimulatorConfig.DEFAULT.withStocks(40);
        SimUniverse universe = new SimUniverse(config);
        SimSymbol s = universe.symbols().get(11); // 002002.SZ: a 10送10 on 2025-07-25
        LocalDate live = LocalDate.parse("2025-07-25");
        assertThat(new DailyHistory(config.seed(), universe, CALENDAR, live.plusDays(1)).corporateActions(s, live))
                .extracting(CorporateAction::exDate).contains(live);
        DailyHistory cut = new DailyHistory(config.seed(), universe, CALENDAR, live);
        assertThat(cut.corporateActions(s, live.plusYears(1))).extracting(CorporateAction::exDate)
                .allMatch(d -> d.isBefore(live)).hasSize(2);
        assertThat(cut.day(s, live).preClose()).isEqualTo(cut.day(s, CALENDAR.previousTradingDay(live)).close());
        assertThat(new DailyHistory(config.seed(), universe, CALENDAR).corporateActions(s, live)).isEmpty();
    }
}
