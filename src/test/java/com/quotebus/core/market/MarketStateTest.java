package com.quotebus.core.market;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.core.event.MarketEvent;
import com.quotebus.testkit.SyntheticDay;
import com.quotebus.core.event.Side;
import com.quotebus.core.event.Trade;
import com.quotebus.core.instrument.Code;
import com.quotebus.core.instrument.Instrument;
import com.quotebus.core.instrument.InstrumentType;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import com.quotebus.core.minute.MinuteLine;
import com.quotebus.core.minute.MinutePoint;
import com.quotebus.core.pricevol.PriceLevel;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingSchedules;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MarketStateTest {
    static final TradingCalendar CALENDAR = TradingCalendar.loadDefault();
    static final Instrument PUFA = new Instrument(Code.parse("600000.SH"), "浦发银行", InstrumentType.STOCK, 100, 100, 1,
            100_000, 110_000, 90_000, "CN_STOCK");
    static final Instrument REBAR = new Instrument(Code.parse("rb2505.SHF"), "螺纹钢2505", InstrumentType.FUTURE, 10_000,
            1, 10, 35_000_000, 37_000_000, 33_000_000, "CN_COMMODITY_NIGHT_2300");
    static final LocalDate MONDAY = LocalDate.parse("2025-03-10");

    /** Records closed bars per period, in order. */
    static final class Recorder implements MarketListener {
        final Map<Period, List<Bar>> closed = new EnumMap<>(Period.class);
        final List<ApplyResult> rejections = new ArrayList<>();
        final List<Trade> lateTrades = new ArrayList<>();
        final List<Bar> corrections = new ArrayList<>();

        @Override
        public void onBarCorrected(SymbolState state, Bar latePrint) {
            corrections.add(latePrint);
        }

        @Override
        public void onLateTrade(SymbolState state, Trade trade) {
            lateTrades.add(trade);
        }

        @Override
        public void onBarClosed(SymbolState state, Bar bar) {
            closed.computeIfAbsent(bar.period(), p -> new ArrayList<>()).add(bar);
        }

        @Override
        public void onRejected(String code, MarketEvent event, ApplyResult reason) {
            rejections.add(reason);
        }

        List<Bar> bars(Period p) {
            return closed.getOrDefault(p, List.of());
        }
    }

    private static MarketState market(BarSource source, Recorder rec, Instrument... instruments) {
        MarketState m = new MarketState(new TradingSchedules(CALENDAR), source, 2_000, rec);
        for (Instrument i : instruments) {
            m.addInstrument(i);
        }
        return m;
    }

    private static long at(String t) {
        return ChinaTime.epochMillis(LocalDateTime.parse(t));
    }

    /** Aggregates consecutive closed 1m bars into bars of a longer period, by the period's bar end. */
    private static List<Bar> aggregate(List<Bar> ones, List<Bar> target) {
        List<Bar> out = new ArrayList<>();
        for (Bar t : target) {
            List<Bar> parts = ones.stream().filter(b -> b.end() > t.start() && b.end() <= t.end()).toList();
            long high = parts.stream().mapToLong(Bar::high).max().orElseThrow();
            long low = parts.stream().mapToLong(Bar::low).min().orElseThrow();
            out.add(new Bar(t.code(), t.period(), t.tradingDay(), t.start(), t.end(), parts.get(0).open(), high, low,
                    parts.get(parts.size() - 1).close(), parts.stream().mapToLong(Bar::volume).sum(),
                    parts.stream().mapToLong(Bar::turnover).sum(), parts.get(parts.size() - 1).openInterest(), true));
        }
        return out;
    }

    @Test
    void fullAShareDayReplayedYieldsExactly241MinutePointsWithBlanksCarriedForward() {
        Recorder rec = new Recorder();
        MarketState m = market(BarSource.TRADES, rec, PUFA);
        SyntheticDay day = SyntheticDay.generate(PUFA, MONDAY, CALENDAR, 42, 4);
        day.trades.forEach(m::apply);
        m.advanceTo(at("2025-03-10T15:10:00"));
        MinuteLine line = m.symbol("600000.SH").minuteLine();
        assertThat(line.filledCount()).isEqualTo(241);
        List<MinutePoint> points = line.points();
        assertThat(points).hasSize(241);
        assertThat(ChinaTime.dateTime(points.get(0).time()).toLocalTime().toString()).isEqualTo("09:30");
        assertThat(ChinaTime.dateTime(points.get(240).time()).toLocalTime().toString()).isEqualTo("15:00");
        // point 0 holds exactly the opening auction print
        Trade auction = day.trades.get(0);
        assertThat(points.get(0).volume()).isEqualTo(auction.quantity());
        assertThat(points.get(0).price()).isEqualTo(auction.price());
        // the 15:00 point holds the closing auction print; 14:58 and 14:59 are blank
        Trade closing = day.trades.get(day.trades.size() - 1);
        assertThat(points.get(240).price()).isEqualTo(closing.price());
        assertThat(points.get(238).blank()).isTrue();
        assertThat(points.get(239).blank()).isTrue();
        long cum = 0;
        long cumTurn = 0;
        for (int i = 0; i < 241; i++) {
            MinutePoint p = points.get(i);
            cum += p.volume();
            cumTurn += p.turnover();
            assertThat(p.cumVolume()).isEqualTo(cum);
            assertThat(p.avgPrice()).isEqualTo((cumTurn + cum / 2) / cum);
            if (p.blank()) {
                assertThat(p.volume()).isZero();
                assertThat(p.price()).isEqualTo(points.get(i - 1).price());
            }
        }
        assertThat(points.stream().filter(MinutePoint::blank).count()).isGreaterThan(5);
        assertThat(cum).isEqualTo(day.trades.stream().mapToLong(Trade::quantity).sum());
    }

    @Test
    void barsOfEveryPeriodFromOneReplayedDayAgreeWithEachOther() {
        Recorder rec = new Recorder();
        MarketState m = market(BarSource.TRADES, rec, PUFA);
        SyntheticDay day = SyntheticDay.generate(PUFA, MONDAY, CALENDAR, 7, 6);
        day.trades.forEach(m::apply);
        m.advanceTo(at("2025-03-10T15:10:00"));
        List<Bar> ones = rec.bars(Period.M1);
        assertThat(ones).hasSizeBetween(200, 240);
        assertThat(ChinaTime.dateTime(ones.get(0).end()).toLocalTime().toString()).isEqualTo("09:31");
        assertThat(ones.get(0).open()).isEqualTo(day.trades.get(0).price()); // the auction is in the first bar
        assertThat(ChinaTime.dateTime(ones.get(ones.size() - 1).end()).toLocalTime().toString()).isEqualTo("15:00");
        for (Period p : List.of(Period.M3, Period.M5, Period.M15, Period.M30, Period.M60, Period.DAY)) {
            List<Bar> target = rec.bars(p);
            assertThat(target).as(p.wireName()).isNotEmpty();
            assertThat(target).as(p.wireName()).isEqualTo(aggregate(ones, target));
        }
        assertThat(rec.bars(Period.M60)).extracting(b -> ChinaTime.dateTime(b.end()).toLocalTime().toString())
                .containsExactly("10:30", "11:30", "14:00", "15:00");
        Bar dayBar = rec.bars(Period.DAY).get(0);
        assertThat(dayBar.volume()).isEqualTo(day.trades.stream().mapToLong(Trade::quantity).sum());
        assertThat(dayBar.high()).isEqualTo(day.trades.stream().mapToLong(Trade::price).max().orElseThrow());
        assertThat(dayBar.low()).isEqualTo(day.trades.stream().mapToLong(Trade::price).min().orElseThrow());
        assertThat(dayBar.close()).isEqualTo(day.trades.get(day.trades.size() - 1).price());
        assertThat(dayBar.closed()).isTrue();
    }

    @Test
    void priceVolumeTotalsEqualTheDaysVolumeWithBuySellSplit() {
        MarketState m = market(BarSource.TRADES, new Recorder(), PUFA);
        SyntheticDay day = SyntheticDay.generate(PUFA, MONDAY, CALENDAR, 11, 5);
        day.trades.forEach(m::apply);
        List<PriceLevel> levels = m.symbol("600000.SH").priceVolume().levels();
        long total = day.trades.stream().mapToLong(Trade::quantity).sum();
        assertThat(levels.stream().mapToLong(PriceLevel::volume).sum()).isEqualTo(total);
        assertThat(levels.stream().mapToLong(PriceLevel::buyVolume).sum())
                .isEqualTo(day.trades.stream().filter(t -> t.side() == Side.BUY).mapToLong(Trade::quantity).sum());
        assertThat(levels.stream().mapToLong(PriceLevel::sellVolume).sum())
                .isEqualTo(day.trades.stream().filter(t -> t.side() == Side.SELL).mapToLong(Trade::quantity).sum());
        Map<Long, Long> expected = new LinkedHashMap<>();
        day.trades.forEach(t -> expected.merge(t.price(), t.quantity(), Long::sum));
        for (PriceLevel l : levels) {
            assertThat(l.volume()).as("volume at " + l.price()).isEqualTo(expected.get(l.price()));
        }
        assertThat(levels).isSortedAccordingTo((a, b) -> Long.compare(b.price(), a.price()));
    }

    @Test
    void barsFromCumulativeSnapshotsEqualBarsFromTrades() {
        Recorder fromTrades = new Recorder();
        Recorder fromSnapshots = new Recorder();
        MarketState a = market(BarSource.TRADES, fromTrades, PUFA);
        MarketState b = market(BarSource.SNAPSHOTS, fromSnapshots, PUFA);
        SyntheticDay day = SyntheticDay.generate(PUFA, MONDAY, CALENDAR, 5, 3);
        day.trades.forEach(a::apply);
        day.snapshots.forEach(b::apply);
        a.advanceTo(at("2025-03-10T15:10:00"));
        b.advanceTo(at("2025-03-10T15:10:00"));
        for (Period p : Period.values()) {
            if (p.compareTo(Period.DAY) <= 0) {
                assertThat(fromSnapshots.bars(p)).as(p.wireName()).isEqualTo(fromTrades.bars(p));
            }
        }
    }

    @Test
    void sparseSnapshotsStillRevealTheDaysExtremes() {
        Recorder rec = new Recorder();
        MarketState m = market(BarSource.SNAPSHOTS, rec, PUFA);
        SyntheticDay day = SyntheticDay.generate(PUFA, MONDAY, CALENDAR, 9, 5);
        for (int i = 0; i < day.snapshots.size(); i++) {
            if (i % 7 == 0 || i == day.snapshots.size() - 1) {
                m.apply(day.snapshots.get(i));
            }
        }
        m.advanceTo(at("2025-03-10T15:10:00"));
        Bar dayBar = rec.bars(Period.DAY).get(0);
        assertThat(dayBar.high()).isEqualTo(day.trades.stream().mapToLong(Trade::price).max().orElseThrow());
        assertThat(dayBar.low()).isEqualTo(day.trades.stream().mapToLong(Trade::price).min().orElseThrow());
        assertThat(dayBar.volume()).isEqualTo(day.trades.stream().mapToLong(Trade::quantity).sum());
        assertThat(dayBar.open()).isEqualTo(day.trades.get(0).price());
    }

    @Test
    void nightTradeOnFriday2130LandsOnMondaysTradingDay() {
        Recorder rec = new Recorder();
        MarketState m = market(BarSource.TRADES, rec, REBAR);
        Trade friday = new Trade("rb2505.SHF", at("2025-03-07T21:30:10"), 35_010_000, 3, 35_010_000L * 30, Side.BUY,
                1, 1, 0, 0, 1, "t");
        assertThat(m.apply(friday)).isEqualTo(ApplyResult.APPLIED);
        SymbolState s = m.symbol("rb2505.SHF");
        assertThat(s.tradingDay()).isEqualTo(MONDAY);
        assertThat(s.bar(Period.DAY).tradingDay()).isEqualTo(MONDAY);
        assertThat(s.bar(Period.M1).toBar().end()).isEqualTo(at("2025-03-07T21:31:00"));
        assertThat(s.minuteLine().size()).isEqualTo(120 + 75 + 60 + 90 + 1);
        // Monday's day-session trade continues the same trading day and day bar
        m.apply(new Trade("rb2505.SHF", at("2025-03-10T09:05:00"), 35_020_000, 2, 35_020_000L * 20, Side.SELL, 1, 2,
                0, 0, 2, "t"));
        assertThat(s.bar(Period.DAY).volume()).isEqualTo(5);
        assertThat(rec.bars(Period.DAY)).isEmpty();
    }

    @Test
    void afterAHolidayTheFuturesDayHasNoNightSession() {
        MarketState m = market(BarSource.TRADES, new Recorder(), REBAR);
        // 2025-01-27 evening is before the Spring Festival: that trade belongs to 2025-02-05, day session only
        m.apply(new Trade("rb2505.SHF", at("2025-02-05T09:01:00"), 35_000_000, 1, 350_000_000L, Side.BUY, 1, 1, 0, 0,
                1, "t"));
        assertThat(m.symbol("rb2505.SHF").minuteLine().size()).isEqualTo(75 + 60 + 90 + 1);
    }

    @Test
    void aLatePrintCorrectsTheClosedBarsItBelongsToAndIsCountedDuplicatesAreRejected() {
        Recorder rec = new Recorder();
        MarketState m = market(BarSource.TRADES, rec, PUFA);
        m.apply(new Trade("600000.SH", at("2025-03-10T09:35:10"), 100_100, 100, 10_010_000, Side.BUY, 1, 1, 0, 0, 1, "t"));
        m.advanceTo(at("2025-03-10T09:36:05"));
        assertThat(rec.bars(Period.M1)).hasSize(1);
        Trade latePrint = new Trade("600000.SH", at("2025-03-10T09:35:50"), 100_200, 100, 10_020_000,
                Side.BUY, 1, 2, 0, 0, 2, "t");
        ApplyResult late = m.apply(latePrint);
        assertThat(rec.lateTrades).as("the tape takes a late print").containsExactly(latePrint);
        assertThat(rec.corrections).as("the closed 1m and 3m bars are corrected; 5m, 15m, … are still open")
                .containsExactly(new Bar("600000.SH", Period.M1, LocalDate.parse("2025-03-10"),
                        at("2025-03-10T09:35:00"), at("2025-03-10T09:36:00"), 100_200, 100_200, 100_200, 100_200, 100,
                        10_020_000, 0, true), new Bar("600000.SH", Period.M3, LocalDate.parse("2025-03-10"),
                        at("2025-03-10T09:33:00"), at("2025-03-10T09:36:00"), 100_200, 100_200, 100_200, 100_200, 100,
                        10_020_000, 0, true));
        SymbolState pufa = m.symbol("600000.SH");
        assertThat(pufa.bar(Period.M5).volume()).as("the 5m bar in progress takes it").isEqualTo(200);
        assertThat(pufa.bar(Period.DAY).volume()).isEqualTo(200);
        assertThat(pufa.minuteLine().dayVolume()).isEqualTo(200);
        assertThat(pufa.minuteLine().point(6).volume()).as("分时 point 09:36").isEqualTo(200);
        assertThat(pufa.priceVolume().dayVolume()).isEqualTo(200);
        assertThat(pufa.lastPrice()).as("an older print does not move the last price").isEqualTo(100_100);
        assertThat(m.apply(latePrint)).as("a second copy of a late print").isEqualTo(ApplyResult.DUPLICATE);
        assertThat(rec.lateTrades).hasSize(1);
        ApplyResult dup = m.apply(new Trade("600000.SH", at("2025-03-10T09:36:10"), 100_200, 100, 10_020_000,
                Side.BUY, 1, 2, 0, 0, 1, "t"));
        ApplyResult unknown = m.apply(new Trade("000001.SZ", at("2025-03-10T09:36:10"), 100_200, 100, 10_020_000,
                Side.BUY, 1, 2, 0, 0, 1, "t"));
        assertThat(List.of(late, dup, unknown))
                .containsExactly(ApplyResult.LATE, ApplyResult.DUPLICATE, ApplyResult.UNKNOWN_CODE);
        assertThat(rec.rejections).containsExactly(ApplyResult.LATE, ApplyResult.DUPLICATE, ApplyResult.DUPLICATE,
                ApplyResult.UNKNOWN_CODE);
        assertThat(rec.bars(Period.M1).get(0).volume()).as("the bar as it closed").isEqualTo(100);
        assertThat(m.count(ApplyResult.APPLIED)).isEqualTo(1);
    }

    @Test
    void perSymbolNumberingStartsAgainOnANewTradingDay() {
        Recorder rec = new Recorder();
        MarketState m = market(BarSource.TRADES, rec, PUFA);
        m.apply(new Trade("600000.SH", at("2025-03-10T09:35:10"), 100_100, 100, 10_010_000, Side.BUY, 1, 1, 0, 0, 1, "t"));
        m.apply(new Trade("600000.SH", at("2025-03-10T14:59:10"), 100_200, 100, 10_020_000, Side.BUY, 1, 2, 0, 0, 2, "t"));
        Trade nextDayFirst = new Trade("600000.SH", at("2025-03-11T09:30:10"), 100_300, 100, 10_030_000, Side.BUY,
                1, 1, 0, 0, 1, "t");
        assertThat(m.apply(nextDayFirst)).isEqualTo(ApplyResult.APPLIED);
        assertThat(m.apply(new Trade("600000.SH", at("2025-03-10T14:59:20"), 100_200, 100, 10_020_000, Side.BUY,
                1, 3, 0, 0, 3, "t"))).as("the day before").isEqualTo(ApplyResult.OLD_DAY);
        assertThat(m.apply(nextDayFirst)).isEqualTo(ApplyResult.DUPLICATE);
        assertThat(m.symbol("600000.SH").tradingDay()).isEqualTo(LocalDate.parse("2025-03-11"));
    }

    @Test
    void weekAndMonthBarsSpanTradingDays() {
        Recorder rec = new Recorder();
        MarketState m = market(BarSource.TRADES, rec, PUFA);
        long total = 0;
        LocalDate day = LocalDate.parse("2025-03-26");
        for (int i = 0; i < 5; i++) {
            SyntheticDay d = SyntheticDay.generate(PUFA, day, CALENDAR, 100 + i, 2);
            // renumber seqs so they keep increasing across days
            for (Trade t : d.trades) {
                m.apply(t.withSequencing(t.seq() + i * 1_000_000L, "t"));
                total += t.quantity();
            }
            m.advanceTo(ChinaTime.epochMillis(day, 15 * 60 + 10));
            day = CALENDAR.nextTradingDay(day);
        }
        // 03-26..03-28 in one week, 03-31 and 04-01 in the next; March ends on 03-31
        List<Bar> days = rec.bars(Period.DAY);
        assertThat(days).hasSize(5);
        List<Bar> weeks = rec.bars(Period.WEEK);
        assertThat(weeks).hasSize(1);
        assertThat(weeks.get(0).volume()).isEqualTo(days.subList(0, 3).stream().mapToLong(Bar::volume).sum());
        assertThat(weeks.get(0).tradingDay()).isEqualTo(LocalDate.parse("2025-03-28"));
        List<Bar> months = rec.bars(Period.MONTH);
        assertThat(months).hasSize(1);
        assertThat(months.get(0).volume()).isEqualTo(days.subList(0, 4).stream().mapToLong(Bar::volume).sum());
        SymbolState s = m.symbol("600000.SH");
        assertThat(s.bar(Period.YEAR).volume()).isEqualTo(total);
        assertThat(s.bar(Period.QUARTER).volume()).isEqualTo(days.get(4).volume());
    }

    @Test
    void aWeekBarJoinedMidWeekCarriesTheEarlierDaysFromHistory() {
        Recorder rec = new Recorder();
        MarketState m = market(BarSource.TRADES, rec, PUFA);
        LocalDate wednesday = LocalDate.parse("2025-03-12");
        Bar mondayToTuesday = new Bar("600000.SH", Period.WEEK, LocalDate.parse("2025-03-11"), 0, 0, 99_000, 105_000,
                95_000, 101_000, 50_000, 5_000_000_000L, 0, false);
        m.carryIn("600000.SH", mondayToTuesday);
        SyntheticDay d = SyntheticDay.generate(PUFA, wednesday, CALENDAR, 3, 2);
        d.trades.forEach(m::apply);
        var week = m.symbol("600000.SH").bar(Period.WEEK);
        long dayVolume = d.trades.stream().mapToLong(Trade::quantity).sum();
        assertThat(week.open()).isEqualTo(99_000);
        assertThat(week.volume()).isEqualTo(50_000 + dayVolume);
        assertThat(week.high()).isEqualTo(Math.max(105_000, d.trades.stream().mapToLong(Trade::price).max().orElseThrow()));
        assertThat(week.close()).isEqualTo(d.trades.get(d.trades.size() - 1).price());
        // a carry-in from another week is ignored
        MarketState other = market(BarSource.TRADES, new Recorder(), PUFA);
        other.carryIn("600000.SH", new Bar("600000.SH", Period.WEEK, LocalDate.parse("2025-03-07"), 0, 0, 1, 1, 1, 1,
                7, 7, 0, false));
        d.trades.forEach(other::apply);
        assertThat(other.symbol("600000.SH").bar(Period.WEEK).volume()).isEqualTo(dayVolume);
    }
}
