package com.quotebus.core.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TradingSchedulesTest {
    private final TradingCalendar calendar = TradingCalendar.loadDefault();
    private final TradingSchedules schedules = new TradingSchedules(calendar);

    private static long at(String dateTime) {
        return ChinaTime.epochMillis(LocalDateTime.parse(dateTime));
    }

    private static String label(long epochMs) {
        return ChinaTime.dateTime(epochMs).toLocalTime().toString();
    }

    @Test
    void shippedCalendarKnowsSpringFestivalAndWeekends() {
        assertThat(calendar.isTradingDay(LocalDate.parse("2025-01-27"))).isTrue();
        assertThat(calendar.isTradingDay(LocalDate.parse("2025-01-28"))).isFalse();
        assertThat(calendar.isTradingDay(LocalDate.parse("2025-02-08"))).isFalse(); // Saturday
        assertThat(calendar.nextTradingDay(LocalDate.parse("2025-01-27"))).isEqualTo(LocalDate.parse("2025-02-05"));
        assertThat(calendar.covers(LocalDate.parse("2026-06-01"))).isTrue();
    }

    @Test
    void aShareDayHas240TradingMinutesAnd241MinutePointsLabelledByEndTime() {
        TradingDaySchedule day = schedules.schedule(SessionTemplates.CN_STOCK, LocalDate.parse("2025-03-03"));
        assertThat(day.minutes()).isEqualTo(240);
        assertThat(day.minutePoints()).isEqualTo(241);
        List<String> labels = new ArrayList<>();
        for (int p = 0; p < day.minutePoints(); p++) {
            labels.add(label(day.minutePointTime(p)));
        }
        assertThat(labels.subList(0, 3)).containsExactly("09:30", "09:31", "09:32");
        assertThat(labels.get(120)).isEqualTo("11:30");
        assertThat(labels.get(121)).isEqualTo("13:01");
        assertThat(labels.get(240)).isEqualTo("15:00");
        assertThat(labels).doesNotHaveDuplicates();
    }

    @Test
    void auctionPrintsLandInTheFirstMinuteAndClosingPrintInTheLast() {
        TradingDaySchedule day = schedules.schedule(SessionTemplates.CN_STOCK, LocalDate.parse("2025-03-03"));
        assertThat(day.minutePointOf(at("2025-03-03T09:25:00.000"))).isEqualTo(0);
        assertThat(day.minutePointOf(at("2025-03-03T09:30:00.000"))).isEqualTo(0);
        assertThat(day.minutePointOf(at("2025-03-03T09:30:00.010"))).isEqualTo(1);
        assertThat(day.slotOf(at("2025-03-03T09:25:00.000"))).isEqualTo(0);
        assertThat(day.slotOf(at("2025-03-03T09:31:00.000"))).isEqualTo(0); // (09:30, 09:31]
        assertThat(day.slotOf(at("2025-03-03T09:31:00.001"))).isEqualTo(1);
        assertThat(day.slotOf(at("2025-03-03T11:30:00.800"))).isEqualTo(119); // late morning print
        assertThat(day.slotOf(at("2025-03-03T13:00:00.000"))).isEqualTo(120); // 13:01 bar
        assertThat(day.slotOf(at("2025-03-03T14:58:30.000"))).isEqualTo(238); // closing auction minutes count
        assertThat(day.slotOf(at("2025-03-03T15:00:02.000"))).isEqualTo(239);
    }

    @Test
    void nightTradeOnFridayBelongsToMondayTradingDay() {
        long fridayNight = at("2025-03-07T21:30:00");
        long saturdayEarly = at("2025-03-08T01:30:00");
        assertThat(schedules.tradingDayOf(fridayNight)).isEqualTo(LocalDate.parse("2025-03-10"));
        assertThat(schedules.tradingDayOf(saturdayEarly)).isEqualTo(LocalDate.parse("2025-03-10"));
        TradingDaySchedule monday = schedules.scheduleAt(SessionTemplates.CN_COMMODITY_NIGHT_0230, fridayNight);
        assertThat(monday.hasNightSession()).isTrue();
        assertThat(monday.contains(fridayNight)).isTrue();
        assertThat(ChinaTime.dateTime(monday.firstStart())).isEqualTo(LocalDateTime.parse("2025-03-07T21:00"));
        // night 21:00-02:30 (330) + 75 + 60 + 90
        assertThat(monday.minutes()).isEqualTo(555);
        assertThat(ChinaTime.dateTime(monday.slotEnd(monday.slotOf(saturdayEarly))))
                .isEqualTo(LocalDateTime.parse("2025-03-08T01:30"));
        assertThat(label(monday.close())).isEqualTo("15:00");
    }

    @Test
    void noNightSessionBeforeAHoliday() {
        // 2025-01-27 (Mon) is the last trading day before Spring Festival; next is 2025-02-05.
        LocalDate afterHoliday = LocalDate.parse("2025-02-05");
        assertThat(calendar.hasNightSessionBefore(afterHoliday)).isFalse();
        TradingDaySchedule day = schedules.schedule(SessionTemplates.CN_COMMODITY_NIGHT_2300, afterHoliday);
        assertThat(day.hasNightSession()).isFalse();
        assertThat(day.minutes()).isEqualTo(75 + 60 + 90);
        assertThat(label(day.firstStart())).isEqualTo("09:00");
        // an ordinary Tuesday has the Monday-night session
        TradingDaySchedule tuesday = schedules.schedule(SessionTemplates.CN_COMMODITY_NIGHT_2300,
                LocalDate.parse("2025-03-04"));
        assertThat(tuesday.minutes()).isEqualTo(120 + 75 + 60 + 90);
    }

    @Test
    void futuresBreakTimesMapToTheMinuteBeforeOrThePreOpenAfter() {
        TradingDaySchedule day = schedules.schedule(SessionTemplates.CN_COMMODITY_DAY, LocalDate.parse("2025-03-04"));
        assertThat(label(day.slotEnd(day.slotOf(at("2025-03-04T10:15:00.500"))))).isEqualTo("10:15");
        assertThat(label(day.slotEnd(day.slotOf(at("2025-03-04T10:29:30"))))).isEqualTo("10:31");
        assertThat(label(day.slotEnd(day.slotOf(at("2025-03-04T08:57:00"))))).isEqualTo("09:01");
    }

    @Test
    void malformedHolidayFileIsRejectedWithTheLine() {
        var in = new java.io.ByteArrayInputStream("# covers: 2025\n2025-13-01\n".getBytes());
        assertThatThrownBy(() -> TradingCalendar.parse(in, "h.txt"))
                .hasMessageContaining("h.txt:2").hasMessageContaining("2025-13-01");
    }

    @Test
    void unknownTemplateNamesTheKnownOnes() {
        assertThatThrownBy(() -> SessionTemplates.get("XX")).hasMessageContaining("XX")
                .hasMessageContaining("CN_STOCK").hasMessageContaining("CN_INDEX_FUTURE")
                .hasMessageContaining("CN_COMMODITY_NIGHT_2300");
        assertThat(SessionTemplates.get("CN_COMMODITY_NIGHT_2300")).isSameAs(SessionTemplates.CN_COMMODITY_NIGHT_2300);
    }
}
