package com.quotebus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingSchedules;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class WelcomeBannerTest {
    private static final TradingSchedules SCHEDULES = new TradingSchedules(TradingCalendar.loadDefault());
    private static final String HOW_TO_START = "  start:    clock.start-time=09:14 shows the opening auction first,"
            + " clock.speed=10 runs ten times faster (docs/feeds.md)\n";

    private static long at(String t) {
        return ChinaTime.epochMillis(LocalDateTime.parse(t));
    }

    @Test
    void theDefaultStartSaysContinuousTradingBeginsWithinAMinute() {
        assertThat(Main.marketLines(at("2025-03-04T09:29:00"), SCHEDULES, 1.0)).isEqualTo(
                "  market:   simulated, 09:29 of 2025-03-04, A-shares: break; continuous trading from 09:30, in 60 s\n"
                        + HOW_TO_START);
    }

    @Test
    void beforeTheAuctionTheWaitIsInWallTimeAtTheClockSpeed() {
        assertThat(Main.marketLines(at("2025-03-04T09:14:00.500"), SCHEDULES, 10.0)).isEqualTo(
                "  market:   simulated, 09:14 of 2025-03-04, A-shares: before the open; opening call auction from"
                        + " 09:15, in 6 s\n" + HOW_TO_START);
    }

    @Test
    void aLongWaitIsInHoursAndMinutes() {
        assertThat(Main.marketLines(at("2025-03-04T09:30:45"), SCHEDULES, 1.0)).isEqualTo(
                "  market:   simulated, 09:30:45 of 2025-03-04, A-shares: continuous trading; break from 11:30, in 2 h"
                        + " 0 min\n" + HOW_TO_START);
        assertThat(Main.marketLines(at("2025-03-04T11:20:00"), SCHEDULES, 1.0)).contains("break from 11:30, in 10 min");
    }

    @Test
    void afterTheCloseNothingFollowsToday() {
        assertThat(Main.marketLines(at("2025-03-04T15:30:12"), SCHEDULES, 1.0)).isEqualTo(
                "  market:   simulated, 15:30:12 of 2025-03-04, A-shares: closed\n" + HOW_TO_START);
    }
}
