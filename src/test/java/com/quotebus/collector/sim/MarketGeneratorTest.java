package com.quotebus.collector.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Side;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.event.TradingPhase;
import com.quotebus.core.instrument.Instrument;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingSchedules;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MarketGeneratorTest {
    private static final TradingCalendar CALENDAR = TradingCalendar.loadDefault();
    private static final SimulatorConfig CONFIG = new SimulatorConfig(42L, 30, true, 10, 4, 3000, 10);
    private static final LocalDate DAY = LocalDate.parse("2025-03-04"); // Tuesday; night session on Monday eve
    private static CollectingListener fullDay;
    private static MarketGenerator generator;

    private static long at(String t) {
        return ChinaTime.epochMillis(LocalDateTime.parse(t));
    }

    @BeforeAll
    static void generateOneDay() {
        generator = new MarketGenerator(CONFIG, CALENDAR);
        generator.startDay(DAY);
        fullDay = new CollectingListener();
        generator.advanceTo(at("2025-03-04T17:59:59.999"), fullDay);
    }

    @Test
    void sameSeedGivesTheSameEventsWhateverTheSteps() {
        MarketGenerator g = new MarketGenerator(CONFIG, CALENDAR);
        g.startDay(DAY);
        CollectingListener stepped = new CollectingListener();
        long t = at("2025-03-03T18:00");
        long end = at("2025-03-04T17:59:59.999");
        while (t < end) {
            t = Math.min(end, t + 7_777);
            g.advanceTo(t, stepped);
        }
        assertThat(stepped.all).hasSameSizeAs(fullDay.all);
        assertThat(stepped.all).isEqualTo(fullDay.all);

        MarketGenerator other = new MarketGenerator(CONFIG.withSeed(43L), CALENDAR);
        other.startDay(DAY);
        CollectingListener different = new CollectingListener();
        other.advanceTo(end, different);
        assertThat(different.all).isNotEqualTo(fullDay.all);
    }

    @Test
    void everyPriceIsOnTickAndWithinTheDayLimits() {
        Map<String, Instrument> inst = instruments();
        for (MarketEvent e : fullDay.events) {
            Instrument i = inst.get(e.code());
            List<Long> prices = new ArrayList<>();
            if (e instanceof Trade t) {
                prices.add(t.price());
            } else if (e instanceof Snapshot s) {
                for (long p : new long[] {s.last(), s.open(), s.high(), s.low()}) {
                    if (p != 0) {
                        prices.add(p);
                    }
                }
                for (int k = 0; k < s.bid().depth(); k++) {
                    prices.add(s.bid().price(k));
                }
                for (int k = 0; k < s.ask().depth(); k++) {
                    prices.add(s.ask().price(k));
                }
            }
            for (long p : prices) {
                assertThat(p % i.priceTick()).as("%s on tick", e).isZero();
                assertThat(i.withinLimits(p)).as("%s within %d..%d", e, i.lowerLimit(), i.upperLimit()).isTrue();
            }
        }
    }

    @Test
    void snapshotTotalsEqualTheTradesBeforeThem() {
        Map<String, long[]> totals = new HashMap<>(); // volume, turnover, count, open, high, low, last
        int checked = 0;
        for (MarketEvent e : fullDay.events) {
            long[] t = totals.computeIfAbsent(e.code(), c -> new long[7]);
            if (e instanceof Trade tr) {
                t[0] += tr.quantity();
                t[1] += tr.amount();
                t[2]++;
                t[3] = t[3] == 0 ? tr.price() : t[3];
                t[4] = Math.max(t[4], tr.price());
                t[5] = t[5] == 0 ? tr.price() : Math.min(t[5], tr.price());
                t[6] = tr.price();
            } else if (e instanceof Snapshot s) {
                assertThat(new long[] {s.volume(), s.turnover(), s.numTrades(), s.open(), s.high(), s.low(), s.last()})
                        .as("%s", s).containsExactly(t);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(1000);
    }

    @Test
    void stocksPrintTheOpenAt0925AndTheCloseAt1500WithoutSide() {
        Map<String, DailySummary> summaries = new HashMap<>();
        for (SimSymbol s : generator.universe().symbols()) {
            summaries.put(s.codeText(), generator.history().day(s, DAY));
        }
        long open = at("2025-03-04T09:25"), close = at("2025-03-04T15:00");
        int stocks = 0;
        for (SimSymbol s : generator.universe().symbols()) {
            if (s.isFuture()) {
                continue;
            }
            stocks++;
            List<Trade> trades = trades(s.codeText());
            assertThat(trades.get(0).exchangeTime()).isEqualTo(open);
            assertThat(trades.get(0).side()).isEqualTo(Side.NONE);
            assertThat(trades.get(0).price()).isEqualTo(summaries.get(s.codeText()).open());
            Trade last = trades.get(trades.size() - 1);
            assertThat(last.exchangeTime()).isEqualTo(close);
            assertThat(last.side()).isEqualTo(Side.NONE);
            assertThat(last.price()).isEqualTo(summaries.get(s.codeText()).close());
            assertThat(trades.stream().filter(t -> t.side() == Side.NONE)).hasSize(2);
            Snapshot finalSnap = snapshots(s.codeText()).get(snapshots(s.codeText()).size() - 1);
            assertThat(finalSnap.phase()).isEqualTo(TradingPhase.CLOSED);
            assertThat(finalSnap.exchangeTime()).isEqualTo(close);
        }
        assertThat(stocks).isEqualTo(30);
        assertThat(snapshots("600001.SH")).anyMatch(s -> s.phase() == TradingPhase.OPENING_AUCTION
                && s.exchangeTime() == at("2025-03-04T09:15")).anyMatch(s -> s.phase() == TradingPhase.CLOSING_AUCTION);
    }

    /** Each change of phase in the snapshots of {@code code} through the day: "HH:mm:ss PHASE". */
    private static List<String> phaseTimeline(String code) {
        List<String> out = new ArrayList<>();
        TradingPhase last = null;
        for (Snapshot s : snapshots(code)) {
            if (s.phase() != last) {
                out.add(ChinaTime.dateTime(s.exchangeTime()).toLocalTime() + " " + s.phase());
                last = s.phase();
            }
        }
        return out;
    }

    /**
     * The phase a quote shows is where the symbol's day is (docs/domain.md, day lifecycle): after the opening print
     * at 09:25 the A-shares wait for 09:30 in a break (orders taken, nothing matched), not in the auction; each
     * break (lunch, the futures' night and 10:15 pauses) is sent when it starts, not left reading "continuous".
     */
    @Test
    void quotesShowEachPhaseOfTheDayFromItsStart() {
        assertThat(phaseTimeline("600001.SH")).containsExactly("09:15 OPENING_AUCTION", "09:25 BREAK",
                "09:30 CONTINUOUS", "11:30 BREAK", "13:00 CONTINUOUS", "14:57 CLOSING_AUCTION", "15:00 CLOSED");
        assertThat(phaseTimeline("IF2606.CFX")).containsExactly("09:25 OPENING_AUCTION", "09:30 CONTINUOUS",
                "11:30 BREAK", "13:00 CONTINUOUS", "15:00 CLOSED");
        // a night-session day: the auction is before the night session (20:55), none before the day session
        assertThat(phaseTimeline("rb2605.SHF")).containsExactly("20:55 OPENING_AUCTION", "21:00 CONTINUOUS",
                "23:00 BREAK", "09:00 CONTINUOUS", "10:15 BREAK", "10:30 CONTINUOUS", "11:30 BREAK",
                "13:30 CONTINUOUS", "15:00 CLOSED");
    }

    @Test
    void nothingHappensInTheLunchBreak() {
        long from = at("2025-03-04T11:30"), to = at("2025-03-04T13:00");
        assertThat(fullDay.events).noneMatch(e -> e.exchangeTime() > from && e.exchangeTime() < to);
        assertThat(fullDay.orders).noneMatch(o -> o.exchangeTime() > from && o.exchangeTime() < to);
        assertThat(fullDay.events).anyMatch(e -> e.exchangeTime() == from).anyMatch(e -> e.exchangeTime() > to
                && e.exchangeTime() < at("2025-03-04T13:01"));
    }

    @Test
    void futuresNightSessionOnTheEveBelongsToTheNextTradingDay() {
        TradingSchedules schedules = new TradingSchedules(CALENDAR);
        List<MarketEvent> rb = fullDay.events.stream().filter(e -> e.code().equals("rb2605.SHF")).toList();
        List<MarketEvent> night = rb.stream().filter(e -> e.exchangeTime() < at("2025-03-04T00:00")).toList();
        assertThat(night).isNotEmpty();
        assertThat(night).allMatch(e -> e.exchangeTime() >= at("2025-03-03T20:55")
                && e.exchangeTime() <= at("2025-03-03T23:00"));
        assertThat(night).allMatch(e -> schedules.tradingDayOf(e.exchangeTime()).equals(DAY));
        assertThat(rb).noneMatch(e -> e.exchangeTime() > at("2025-03-03T23:00")
                && e.exchangeTime() < at("2025-03-04T09:00"));
        Trade open = trades("rb2605.SHF").get(0);
        assertThat(open.exchangeTime()).isEqualTo(at("2025-03-03T20:59"));
        assertThat(open.side()).isEqualTo(Side.NONE);
        assertThat(fullDay.events.stream().filter(e -> e.code().equals("IF2606.CFX")).findFirst().orElseThrow()
                .exchangeTime()).isEqualTo(at("2025-03-04T09:25"));
        Snapshot last = snapshots("rb2605.SHF").get(snapshots("rb2605.SHF").size() - 1);
        assertThat(last.settlement()).isEqualTo(last.last());
        assertThat(last.openInterest()).isPositive();
        assertThat(last.preSettlement()).isEqualTo(last.preClose());
    }

    @Test
    void ordersAndTradesCarryContiguousPerChannelSequencesAndTheLaterOrderIsTheAggressor() {
        Map<Integer, Long> lastSeq = new TreeMap<>();
        Map<Long, SimOrder> ordersBySeq = new HashMap<>();
        for (Object o : fullDay.all) {
            if (o instanceof SimOrder order) {
                assertThat(order.channelSeq()).isEqualTo(lastSeq.getOrDefault(order.channel(), 0L) + 1);
                lastSeq.put(order.channel(), order.channelSeq());
                ordersBySeq.put(order.channel() * 1_000_000_000L + order.channelSeq(), order);
            } else if (o instanceof Trade t) {
                assertThat(t.channelSeq()).isEqualTo(lastSeq.getOrDefault(t.channel(), 0L) + 1);
                lastSeq.put(t.channel(), t.channelSeq());
                SimOrder buy = ordersBySeq.get(t.channel() * 1_000_000_000L + t.buyOrderNo());
                SimOrder sell = ordersBySeq.get(t.channel() * 1_000_000_000L + t.sellOrderNo());
                assertThat(buy.side()).isEqualTo(Side.BUY);
                assertThat(sell.side()).isEqualTo(Side.SELL);
                assertThat(buy.code()).isEqualTo(t.code());
                if (t.side() != Side.NONE) {
                    assertThat(t.side()).isEqualTo(t.buyOrderNo() > t.sellOrderNo() ? Side.BUY : Side.SELL);
                }
            } else if (o instanceof Snapshot s) {
                assertThat(s.channelSeq()).isZero();
            }
        }
        assertThat(lastSeq.keySet()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void tradeSidesFollowTheTickRuleAndTheBookShownAfterThem() {
        Map<String, Trade> previous = new HashMap<>();
        for (MarketEvent e : fullDay.events) {
            if (e instanceof Trade t && t.side() != Side.NONE) {
                Trade p = previous.get(t.code());
                if (p != null && p.price() != t.price()) {
                    assertThat(t.side()).as("%s after %s", t, p).isEqualTo(t.price() > p.price() ? Side.BUY : Side.SELL);
                }
                previous.put(t.code(), t);
            } else if (e instanceof Trade t) {
                previous.put(t.code(), t);
            } else if (e instanceof Snapshot s && s.phase() == TradingPhase.CONTINUOUS && previous.containsKey(s.code())) {
                Trade p = previous.get(s.code());
                long touch = p.side() == Side.SELL ? s.bid().price(0) : s.ask().price(0);
                if (p.side() != Side.NONE && touch != 0) {
                    assertThat(touch).as("%s after %s", s, p).isEqualTo(p.price());
                }
            }
        }
    }

    @Test
    void pastDaysChainCloseToPreCloseAndTheTickDayHitsTheModelPrices() {
        SimSymbol stock = generator.universe().symbols().get(5);
        List<DailySummary> year = generator.history().days(stock, LocalDate.parse("2024-03-01"), DAY);
        assertThat(year).hasSizeGreaterThan(240);
        for (int i = 1; i < year.size(); i++) {
            assertThat(year.get(i).preClose()).isEqualTo(year.get(i - 1).close());
            assertThat(year.get(i).high()).isGreaterThanOrEqualTo(Math.max(year.get(i).open(), year.get(i).close()));
            assertThat(year.get(i).low()).isLessThanOrEqualTo(Math.min(year.get(i).open(), year.get(i).close()));
            assertThat(year.get(i).high()).isLessThanOrEqualTo(year.get(i).upperLimit());
        }
        DailySummary today = year.get(year.size() - 1);
        Snapshot last = snapshots(stock.codeText()).get(snapshots(stock.codeText()).size() - 1);
        assertThat(new long[] {last.preClose(), last.open(), last.last(), last.high(), last.low()}).containsExactly(
                today.preClose(), today.open(), today.close(), today.high(), today.low());
        assertThat(generator.instruments().get(5).preClose()).isEqualTo(today.preClose());
    }

    @Test
    void dayEventsOfAPastDayEqualThoseGeneratedLive() {
        CollectingListener past = new CollectingListener();
        MarketGenerator.dayEvents(CONFIG, CALENDAR, DAY, past);
        assertThat(past.all).isEqualTo(fullDay.all);
    }

    @Test
    void advancingPastSixPmRollsToTheNextTradingDay() {
        MarketGenerator g = new MarketGenerator(CONFIG, CALENDAR);
        g.startDay(LocalDate.parse("2025-03-07")); // Friday
        CollectingListener l = new CollectingListener();
        g.advanceTo(at("2025-03-07T21:00:30"), l);
        assertThat(g.tradingDay()).isEqualTo(LocalDate.parse("2025-03-10"));
        List<Trade> nightTrades = l.events.stream().filter(e -> e instanceof Trade && e.exchangeTime() > at("2025-03-07T18:00"))
                .map(e -> (Trade) e).toList();
        assertThat(nightTrades.get(0).code()).isEqualTo("rb2605.SHF");
        assertThat(nightTrades.get(0).channelSeq()).isEqualTo(3); // buy and sell orders of the print came first
        long fridayClose = l.events.stream().filter(e -> e instanceof Snapshot s && s.code().equals("rb2605.SHF")
                && s.phase() == TradingPhase.CLOSED).map(e -> ((Snapshot) e).last()).findFirst().orElseThrow();
        assertThat(g.instruments().get(0).preClose()).isEqualTo(fridayClose);
    }

    private static Map<String, Instrument> instruments() {
        Map<String, Instrument> m = new HashMap<>();
        for (Instrument i : generator.instruments()) {
            m.put(i.codeText(), i);
        }
        return m;
    }

    private static List<Trade> trades(String code) {
        return fullDay.events.stream().filter(e -> e instanceof Trade && e.code().equals(code)).map(e -> (Trade) e)
                .toList();
    }

    private static List<Snapshot> snapshots(String code) {
        return fullDay.events.stream().filter(e -> e instanceof Snapshot && e.code().equals(code))
                .map(e -> (Snapshot) e).toList();
    }
}
