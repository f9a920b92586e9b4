package com.quotebus.collector.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Trade;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.ManualClock;
import com.quotebus.core.time.TradingCalendar;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Where the simulated market starts: the configured start, or the journal's end when that is later. */
class SimulatedMarketStartTest {
    private static final TradingCalendar CALENDAR = TradingCalendar.loadDefault();
    private static final SimulatorConfig MARKET = new SimulatorConfig(3, 20, true, 40, 2, 3000, 5);
    private static final MarketGenerator WITH_FUTURES = new MarketGenerator(MARKET, CALENDAR);
    private static final MarketGenerator STOCKS_ONLY =
            new MarketGenerator(new SimulatorConfig(1, 10, false, 10, 2, 3000, 5), CALENDAR);
    /** Tuesday 2025-03-04, 16:20 wall time in Beijing: a trading day. */
    private static final long TUESDAY_AFTERNOON = at("2025-03-04T16:20");

    private static long at(String t) {
        return ChinaTime.epochMillis(LocalDateTime.parse(t));
    }

    private static String show(long ms) {
        return ChinaTime.dateTime(ms).toString();
    }

    private static SimClockConfig config(String startTime, String startDate, boolean skip) {
        return new SimClockConfig(LocalTime.parse(startTime), startDate == null ? null : LocalDate.parse(startDate),
                1.0, skip, 1);
    }

    private static SimulatedMarketStart.JournalEnd journal(String file, String last, String watermark) {
        return new SimulatedMarketStart.JournalEnd(file, at(last), watermark == null ? Long.MIN_VALUE : at(watermark));
    }

    private static SimulatedMarketClock clockOf(SimulatedMarketStart start, SimClockConfig config, ManualClock wall,
            MarketGenerator g) {
        return new SimulatedMarketClock(config, CALENDAR, wall, g::activeIntervals, start.marketTime(), false);
    }

    @Test
    void theFirstStartBeginsBeforeTheOpenOfTodayOrTheNextTradingDay() {
        SimulatedMarketStart today = SimulatedMarketStart.decide(config("09:14", null, true), CALENDAR,
                TUESDAY_AFTERNOON, null);
        SimulatedMarketStart saturday = SimulatedMarketStart.decide(config("09:14", null, true), CALENDAR,
                at("2025-03-08T10:00"), null);

        assertThat(today.resumed()).isFalse();
        assertThat(show(today.marketTime())).isEqualTo("2025-03-04T09:14");
        assertThat(today.generatorFrom()).isEqualTo(today.marketTime());
        assertThat(today.describe(today.marketTime())).isEqualTo("market clock starts at 09:14 of 2025-03-04 (no journal)");
        assertThat(show(saturday.marketTime())).isEqualTo("2025-03-10T09:14");
    }

    @Test
    void aJournalAheadOfTheConfiguredStartIsResumedFromItsLastMarketTime() {
        SimulatedMarketStart start = SimulatedMarketStart.decide(config("09:14", null, true), CALENDAR,
                TUESDAY_AFTERNOON, journal("journal-20250304.qbj", "2025-03-04T10:31:02.345",
                        "2025-03-04T10:31:02.300"));

        assertThat(start.resumed()).isTrue();
        assertThat(show(start.marketTime())).isEqualTo("2025-03-04T10:31:02.345");
        assertThat(show(start.generatorFrom() + 1)).as("sent again from the last market-time record")
                .isEqualTo("2025-03-04T10:31:02.300");
        assertThat(start.describe(start.marketTime())).startsWith(
                "market clock resumes at 2025-03-04T10:31:02.345 from journal journal-20250304.qbj");
    }

    @Test
    void aJournalEndingBeforeTheConfiguredStartIsNotResumed() {
        // stopped yesterday afternoon, started again today: today's day begins before the open
        SimulatedMarketStart start = SimulatedMarketStart.decide(config("09:14", null, true), CALENDAR,
                TUESDAY_AFTERNOON, journal("journal-20250303.qbj", "2025-03-03T14:20:01", "2025-03-03T14:20"));

        assertThat(start.resumed()).isFalse();
        assertThat(show(start.marketTime())).isEqualTo("2025-03-04T09:14");
        assertThat(start.describe(start.marketTime())).isEqualTo("market clock starts at 09:14 of 2025-03-04 "
                + "(journal journal-20250303.qbj ends earlier, at 2025-03-03T14:20:01)");
    }

    @Test
    void anExplicitStartIsALowerBound() {
        SimulatedMarketStart.JournalEnd j = journal("journal-20250304.qbj", "2025-03-04T10:31", "2025-03-04T10:31");

        SimulatedMarketStart earlierDate = SimulatedMarketStart.decide(config("09:14", "2025-03-03", true), CALENDAR,
                TUESDAY_AFTERNOON, j);
        SimulatedMarketStart laterTime = SimulatedMarketStart.decide(config("14:00", "2025-03-04", true), CALENDAR,
                TUESDAY_AFTERNOON, j);
        SimulatedMarketStart laterDate = SimulatedMarketStart.decide(config("09:14", "2025-03-05", true), CALENDAR,
                TUESDAY_AFTERNOON, j);

        assertThat(earlierDate.resumed()).as("a start-date before the journal: the journal cannot be rewound").isTrue();
        assertThat(show(earlierDate.marketTime())).isEqualTo("2025-03-04T10:31");
        assertThat(laterTime.resumed()).isFalse();
        assertThat(show(laterTime.marketTime())).isEqualTo("2025-03-04T14:00");
        assertThat(laterDate.resumed()).isFalse();
        assertThat(show(laterDate.marketTime())).isEqualTo("2025-03-05T09:14");
    }

    @Test
    void aJournalWithoutMarketTimesIsSentAgainFromItsLastEvent() {
        SimulatedMarketStart start = SimulatedMarketStart.decide(config("09:14", null, true), CALENDAR,
                TUESDAY_AFTERNOON, journal("journal-20250304.qbj", "2025-03-04T10:31:02.345", null));

        assertThat(show(start.generatorFrom() + 1)).isEqualTo("2025-03-04T10:31:02.345");
    }

    @Test
    void theResumedClockRunsFromTheJournalsEndAndSkipsDeadTimeAsUsual() {
        SimClockConfig skip = config("09:14", null, true);
        ManualClock wall = new ManualClock(TUESDAY_AFTERNOON);
        SimulatedMarketStart atTen = SimulatedMarketStart.decide(skip, CALENDAR, wall.millis(),
                journal("j", "2025-03-04T10:00:00.500", "2025-03-04T10:00"));
        SimulatedMarketClock c = clockOf(atTen, skip, wall, STOCKS_ONLY);
        assertThat(show(c.millis())).isEqualTo("2025-03-04T10:00:00.500");
        wall.advance(1_000);
        assertThat(show(c.millis())).isEqualTo("2025-03-04T10:00:01.500");

        SimulatedMarketStart atLunch = SimulatedMarketStart.decide(skip, CALENDAR, wall.millis(),
                journal("j", "2025-03-04T11:30:02", "2025-03-04T11:30"));
        SimulatedMarketClock lunch = clockOf(atLunch, skip, wall, STOCKS_ONLY);
        assertThat(show(lunch.millis())).isEqualTo("2025-03-04T12:59");
        assertThat(atLunch.describe(lunch.millis())).startsWith("market clock resumes at 2025-03-04T12:59 from journal j"
                + " (journal ends at 2025-03-04T11:30:02, dead time skipped)");
        assertThat(show(clockOf(atLunch, config("09:14", null, false), wall, STOCKS_ONLY).millis()))
                .isEqualTo("2025-03-04T11:30:02");

        // Friday's close, futures on: on to the night session of Monday's trading day at the next millisecond
        SimulatedMarketStart friday = SimulatedMarketStart.decide(skip, CALENDAR, at("2025-03-07T16:00"),
                journal("j", "2025-03-07T15:00:00.000", "2025-03-07T14:59:59.950"));
        SimulatedMarketClock close = clockOf(friday, skip, wall, WITH_FUTURES);
        assertThat(show(close.millis())).isEqualTo("2025-03-07T15:00");
        wall.advance(1);
        assertThat(show(close.millis())).isEqualTo("2025-03-07T20:54:00.001");
    }

    @Test
    void aFreshStartBetweenTheOpeningPrintAndTheContinuousSessionSendsThePrints() {
        SimulatedMarketStart at0929 = SimulatedMarketStart.decide(config("09:29", "2025-03-04", true), CALENDAR,
                TUESDAY_AFTERNOON, null);
        assertThat(show(at0929.marketTime())).isEqualTo("2025-03-04T09:29");
        assertThat(show(at0929.generatorFrom())).isEqualTo("2025-03-04T09:24:59.999");
        assertThat(at0929.describe(at0929.marketTime())).isEqualTo("market clock starts at 09:29 of 2025-03-04 (no journal)");

        MarketGenerator fresh = new MarketGenerator(MARKET, CALENDAR);
        fresh.startAt(at0929.generatorFrom());
        CollectingListener sent = new CollectingListener();
        fresh.advanceTo(at0929.marketTime(), sent);
        List<String> prints = sent.events.stream().filter(e -> e instanceof Trade).map(e -> (Trade) e)
                .filter(t -> t.code().endsWith(".SH") || t.code().endsWith(".SZ")) // futures trade from 09:00
                .map(t -> t.code() + "@" + show(t.exchangeTime())).distinct().sorted().toList();
        assertThat(prints).hasSize(MARKET.stocks()).allMatch(p -> p.endsWith("@2025-03-04T09:25"));

        for (String other : List.of("09:14", "09:30", "10:31")) {
            SimulatedMarketStart s = SimulatedMarketStart.decide(config(other, "2025-03-04", true), CALENDAR,
                    TUESDAY_AFTERNOON, null);
            assertThat(s.generatorFrom()).as(other).isEqualTo(s.marketTime());
        }
    }

    @Test
    void aClockStartedHeldStandsStillUntilReleased() {
        ManualClock wall = new ManualClock(0);
        SimulatedMarketClock c = new SimulatedMarketClock(config("10:00", "2025-03-04", true), CALENDAR, wall,
                STOCKS_ONLY::activeIntervals, at("2025-03-04T10:00"), true);
        wall.advance(5_000);
        assertThat(show(c.millis())).isEqualTo("2025-03-04T10:00");
        c.release();
        wall.advance(2_000);
        assertThat(show(c.millis())).isEqualTo("2025-03-04T10:00:02");
        c.release();
        assertThat(show(c.millis())).isEqualTo("2025-03-04T10:00:02");
    }

    @Test
    void theResumedGeneratorContinuesTheStreamWithItsChannelSequences() {
        long stop = at("2025-03-04T10:05:00");
        long end = at("2025-03-04T10:06:00");
        MarketGenerator continuous = new MarketGenerator(MARKET, CALENDAR);
        continuous.startAt(at("2025-03-04T09:14"));
        CollectingListener before = new CollectingListener();
        continuous.advanceTo(stop, before);
        CollectingListener after = new CollectingListener();
        continuous.advanceTo(end, after);
        SimulatedMarketStart start = SimulatedMarketStart.decide(config("09:14", null, true), CALENDAR,
                TUESDAY_AFTERNOON, journal("j", "2025-03-04T10:05:00", "2025-03-04T10:05:00"));

        MarketGenerator resumed = new MarketGenerator(MARKET, CALENDAR);
        resumed.startAt(start.generatorFrom());
        CollectingListener again = new CollectingListener();
        resumed.advanceTo(end, again);

        List<MarketEvent> atOrAfterStop = before.events.stream().filter(e -> e.exchangeTime() >= stop).toList();
        List<MarketEvent> expected = new java.util.ArrayList<>(atOrAfterStop);
        expected.addAll(after.events);
        assertThat(again.events).as("the stop's own millisecond again, then everything after").isEqualTo(expected);
        assertThat(after.events).anyMatch(e -> e instanceof Trade);
        for (int ch = 1; ch <= MARKET.channels(); ch++) {
            assertThat(resumed.lastChannelSeq(ch)).isEqualTo(continuous.lastChannelSeq(ch));
        }
    }
}
