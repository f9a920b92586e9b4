package com.quotebus.collector.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.ManualClock;
import com.quotebus.core.time.TradingCalendar;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class SimulatedMarketClockTest {
    private static final TradingCalendar CALENDAR = TradingCalendar.loadDefault();
    private static final MarketGenerator WITH_FUTURES =
            new MarketGenerator(new SimulatorConfig(1, 10, true, 10, 2, 3000, 5), CALENDAR);
    private static final MarketGenerator STOCKS_ONLY =
            new MarketGenerator(new SimulatorConfig(1, 10, false, 10, 2, 3000, 5), CALENDAR);

    private static long at(String t) {
        return ChinaTime.epochMillis(LocalDateTime.parse(t));
    }

    private static String show(long ms) {
        return ChinaTime.dateTime(ms).toString();
    }

    private static SimulatedMarketClock clock(ManualClock wall, String start, String date, double speed, boolean skip,
            MarketGenerator g) {
        return new SimulatedMarketClock(new SimClockConfig(LocalTime.parse(start),
                date == null ? null : LocalDate.parse(date), speed, skip, 1), CALENDAR, wall, g::activeIntervals);
    }

    @Test
    void launchedOnASaturdayAfternoonTheMarketOpensOnMondayAt0914() {
        ManualClock wall = new ManualClock(at("2025-03-08T15:00"));
        SimulatedMarketClock c = clock(wall, "09:14", null, 1.0, true, WITH_FUTURES);
        assertThat(show(c.millis())).isEqualTo("2025-03-10T09:14");
        wall.advance(30_000);
        assertThat(show(c.millis())).isEqualTo("2025-03-10T09:14:30");
    }

    @Test
    void launchedOnATradingDayItStartsThatDay() {
        ManualClock wall = new ManualClock(at("2025-03-04T22:10"));
        SimulatedMarketClock c = clock(wall, "09:14", null, 1.0, true, WITH_FUTURES);
        assertThat(show(c.millis())).isEqualTo("2025-03-04T09:14");
    }

    @Test
    void speedMultipliesWallTime() {
        ManualClock wall = new ManualClock(0);
        SimulatedMarketClock c = clock(wall, "09:30", "2025-03-04", 10.0, true, WITH_FUTURES);
        wall.advance(1_500);
        assertThat(show(c.millis())).isEqualTo("2025-03-04T09:30:15");
    }

    @Test
    void lunchBreakIsSkippedToAMinuteBeforeTheAfternoon() {
        ManualClock wall = new ManualClock(0);
        SimulatedMarketClock c = clock(wall, "11:29", "2025-03-04", 1.0, true, WITH_FUTURES);
        wall.advance(60_000);
        assertThat(show(c.millis())).isEqualTo("2025-03-04T11:30");
        wall.advance(60_000);
        assertThat(show(c.millis())).isEqualTo("2025-03-04T13:00");
    }

    @Test
    void withoutSkippingTheLunchBreakPassesInRealTime() {
        ManualClock wall = new ManualClock(0);
        SimulatedMarketClock c = clock(wall, "11:29", "2025-03-04", 1.0, false, WITH_FUTURES);
        wall.advance(120_000);
        assertThat(show(c.millis())).isEqualTo("2025-03-04T11:31");
    }

    @Test
    void afterTheCloseTheClockRollsToTheNightSessionAndThenTheNextDay() {
        ManualClock wall = new ManualClock(0);
        SimulatedMarketClock c = clock(wall, "14:59", "2025-03-07", 1.0, true, WITH_FUTURES); // Friday
        wall.advance(120_000);
        assertThat(show(c.millis())).isEqualTo("2025-03-07T20:55"); // 20:54 + the remaining minute
        wall.advance(2 * 3_600_000L + 5 * 60_000L); // to 23:00
        assertThat(show(c.millis())).isEqualTo("2025-03-07T23:00");
        wall.advance(60_000);
        assertThat(show(c.millis())).isEqualTo("2025-03-10T09:00"); // Monday 08:59 + 1 minute
    }

    @Test
    void withoutFuturesTheNextDayResumesAt0914() {
        ManualClock wall = new ManualClock(0);
        SimulatedMarketClock c = clock(wall, "14:59", "2025-03-07", 60.0, true, STOCKS_ONLY);
        wall.advance(2_000); // two market minutes
        assertThat(show(c.millis())).isEqualTo("2025-03-10T09:15");
    }

    @Test
    void startingInDeadTimeJumpsToTheNextSession() {
        ManualClock wall = new ManualClock(0);
        SimulatedMarketClock c = clock(wall, "12:00", "2025-03-04", 1.0, true, STOCKS_ONLY);
        assertThat(show(c.millis())).isEqualTo("2025-03-04T12:59");
    }

    @Test
    void badSpeedIsRejectedWithTheKey() {
        assertThatThrownBy(() -> new SimClockConfig(LocalTime.of(9, 14), null, 0, true, 1))
                .hasMessage("clock.speed must be 0.01..10000, was 0.0");
    }

    @Test
    void exchangeTimeClockFollowsTheLatestExchangeTimeAndWallTimeBetweenMessages() {
        ManualClock wall = new ManualClock(1_000_000);
        ExchangeTimeClock c = new ExchangeTimeClock(wall);
        assertThat(c.millis()).isEqualTo(1_000_000);
        c.observe(at("2025-03-04T10:00"));
        assertThat(show(c.millis())).isEqualTo("2025-03-04T10:00");
        wall.advance(2_500);
        assertThat(show(c.millis())).isEqualTo("2025-03-04T10:00:02.500");
        c.observe(at("2025-03-04T10:00:01")); // late message: no step back
        assertThat(show(c.millis())).isEqualTo("2025-03-04T10:00:02.500");
        c.observe(at("2025-03-04T10:00:03"));
        assertThat(show(c.millis())).isEqualTo("2025-03-04T10:00:03");
        c.observe(at("2025-03-04T10:00:02.800")); // behind: ignored
        wall.advance(100);
        assertThat(show(c.millis())).isEqualTo("2025-03-04T10:00:03.100");
    }
}
