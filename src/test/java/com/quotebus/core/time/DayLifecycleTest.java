package com.quotebus.core.time;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.core.event.TradingPhase;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The trading day's lifecycle from {@link TradingDaySchedule#phaseAt}, walked minute by minute. */
class DayLifecycleTest {
    private static final TradingSchedules SCHEDULES = new TradingSchedules(TradingCalendar.loadDefault());

    /** The phases a day goes through, each with the time it starts, from 18:00 of the eve to 18:00 of the day. */
    private static List<String> walk(String template, String day) {
        TradingDaySchedule s = SCHEDULES.schedule(SessionTemplates.get(template), LocalDate.parse(day));
        List<String> out = new ArrayList<>();
        TradingPhase last = null;
        for (long t = s.windowStart(); t < s.windowEnd(); t += ChinaTime.MINUTE_MS) {
            TradingPhase p = s.phaseAt(t);
            if (p != last) {
                out.add(ChinaTime.dateTime(t).toLocalTime() + " " + p);
                boolean first = last == null;
                last = p;
                assertThat(first ? t : s.nextPhaseChange(t - 1)).as("next change after " + ChinaTime.dateTime(t - 1))
                        .isEqualTo(t);
            }
        }
        return out;
    }

    @Test
    void anAShareDayGoesFromPreOpenThroughBothAuctionsAndLunchToClosed() {
        assertThat(walk("CN_STOCK", "2026-12-08")).containsExactly("18:00 PRE_OPEN", "09:15 OPENING_AUCTION",
                "09:25 BREAK", "09:30 CONTINUOUS", "11:30 BREAK", "13:00 CONTINUOUS", "14:57 CLOSING_AUCTION",
                "15:00 CLOSED");
    }

    /** The call auction of a night-session product is before the night session; the day session has none. */
    @Test
    void aFuturesDayBeginsWithTheNightSessionOnTheEveAndEndsClosedAtItsAfternoonClose() {
        assertThat(walk("CN_COMMODITY_NIGHT_2300", "2026-12-08")).containsExactly("18:00 PRE_OPEN",
                "20:55 OPENING_AUCTION", "21:00 CONTINUOUS", "23:00 BREAK", "09:00 CONTINUOUS", "10:15 BREAK",
                "10:30 CONTINUOUS", "11:30 BREAK", "13:30 CONTINUOUS", "15:00 CLOSED");
    }

    /** Without a night session before it (after a holiday; products with none) the auction is at 08:55. */
    @Test
    void aFuturesDayWithoutANightSessionOpensWithTheMorningAuction() {
        assertThat(walk("CN_COMMODITY_DAY", "2026-12-08")).containsExactly("18:00 PRE_OPEN",
                "08:55 OPENING_AUCTION", "09:00 CONTINUOUS", "10:15 BREAK", "10:30 CONTINUOUS", "11:30 BREAK",
                "13:30 CONTINUOUS", "15:00 CLOSED");
        // 2026-10-08, the first day after the National Day holiday: no night session on its eve
        assertThat(walk("CN_COMMODITY_NIGHT_2300", "2026-10-08")).containsExactly("18:00 PRE_OPEN",
                "08:55 OPENING_AUCTION", "09:00 CONTINUOUS", "10:15 BREAK", "10:30 CONTINUOUS", "11:30 BREAK",
                "13:30 CONTINUOUS", "15:00 CLOSED");
    }

    @Test
    void indexAndTreasuryFuturesAuctionFrom0925AndTradeFrom0930() {
        assertThat(walk("CN_INDEX_FUTURE", "2026-12-08")).containsExactly("18:00 PRE_OPEN",
                "09:25 OPENING_AUCTION", "09:30 CONTINUOUS", "11:30 BREAK", "13:00 CONTINUOUS", "15:00 CLOSED");
        assertThat(walk("CN_TREASURY_FUTURE", "2026-12-08")).containsExactly("18:00 PRE_OPEN",
                "09:25 OPENING_AUCTION", "09:30 CONTINUOUS", "11:30 BREAK", "13:00 CONTINUOUS", "15:15 CLOSED");
    }

    @Test
    void theCloseIsTheStartOfClosedAndTheNextDaysWindowStartsAtSixInTheEvening() {
        TradingDaySchedule s = SCHEDULES.schedule(SessionTemplates.get("CN_STOCK"), LocalDate.parse("2026-12-08"));
        long close = ChinaTime.epochMillis(LocalDateTime.parse("2026-12-08T15:00:00"));
        assertThat(s.close()).isEqualTo(close);
        assertThat(s.phaseAt(close - 1)).isEqualTo(TradingPhase.CLOSING_AUCTION);
        assertThat(s.phaseAt(close)).isEqualTo(TradingPhase.CLOSED);
        assertThat(s.nextPhaseChange(close)).isEqualTo(Long.MAX_VALUE);
        assertThat(s.contains(ChinaTime.epochMillis(LocalDateTime.parse("2026-12-08T18:00:00")))).isFalse();
    }
}
