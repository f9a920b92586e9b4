package com.quotebus.it.checker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The checker's conventions against the examples docs/domain.md gives, and its independence from the system. */
class CheckerConventionsTest {
    private static final MarketCalendar CAL = MarketCalendar.shipped();
    private static final LocalDate FRI = LocalDate.of(2026, 12, 4);

    private static long at(String localDateTime) {
        return MarketCalendar.epoch(LocalDateTime.parse(localDateTime));
    }

    private static String label(long t) {
        return MarketCalendar.local(t).toString();
    }

    @Test
    void checkerSharesNoCodeWithTheSystem() {
        classes().that().resideInAPackage("com.quotebus.it.checker..").and().haveSimpleNameNotEndingWith("Test")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "com.quotebus.it.checker..")
                .check(new ClassFileImporter().importPackages("com.quotebus.it.checker"));
    }

    @Test
    void nightAndWeekendTimesBelongToTheNextTradingDay() {
        assertThat(CAL.tradingDayOf(at("2026-12-04T21:30"))).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(CAL.tradingDayOf(at("2026-12-05T01:00"))).isEqualTo(LocalDate.of(2026, 12, 7));
        assertThat(CAL.tradingDayOf(at("2026-12-04T15:00"))).isEqualTo(FRI);
        assertThat(CAL.hasNightBefore(LocalDate.of(2026, 10, 8))).as("after National Day").isFalse();
        assertThat(CAL.hasNightBefore(LocalDate.of(2026, 12, 7))).as("Friday night → Monday").isTrue();
    }

    @Test
    void aShareGridHas240SlotsAnd241PointsWithAuctionsAndLatePrintsInTheirMinutes() {
        DaySchedule s = new DaySchedule("CN_STOCK", FRI, CAL);
        assertThat(s.slots()).isEqualTo(240);
        assertThat(s.points()).isEqualTo(241);
        assertThat(label(s.pointTime(0))).isEqualTo("2026-12-04T09:30");
        assertThat(s.pointOf(at("2026-12-04T09:25"))).as("opening print in point 0").isZero();
        assertThat(label(s.slotEnd(s.slotOf(at("2026-12-04T09:25"))))).as("…and in the 09:31 bar").isEqualTo("2026-12-04T09:31");
        assertThat(label(s.slotEnd(s.slotOf(at("2026-12-04T11:30:00.800"))))).isEqualTo("2026-12-04T11:30");
        assertThat(label(s.slotEnd(s.slotOf(at("2026-12-04T13:00:00.001"))))).isEqualTo("2026-12-04T13:01");
        assertThat(label(s.slotEnd(s.slotOf(at("2026-12-04T15:00"))))).isEqualTo("2026-12-04T15:00");
        assertThat(s.slotOf(at("2026-12-04T15:00:00.400"))).as("after the close: last slot").isEqualTo(239);
    }

    @Test
    void aShareSixtyMinuteBarsEndAt1030_1130_1400_1500() {
        DaySchedule s = new DaySchedule("CN_STOCK", FRI, CAL);
        List<Tick> ticks = new ArrayList<>();
        for (int i = 0; i < s.slots(); i++) {
            ticks.add(new Tick(i + 1, s.slotEnd(i) - 1, 100_000 + i, 100, (100_000 + i) * 100L, 'B'));
        }
        assertThat(Recompute.intraday(s, ticks, 60)).extracting(b -> label(b.start()) + "/" + label(b.end()))
                .containsExactly("2026-12-04T09:30/2026-12-04T10:30", "2026-12-04T10:30/2026-12-04T11:30",
                        "2026-12-04T13:00/2026-12-04T14:00", "2026-12-04T14:00/2026-12-04T15:00");
    }

    @Test
    void nightFuturesHave346PointsAndSixtyMinuteBarsSpanTheMorningPause() {
        DaySchedule s = new DaySchedule("CN_COMMODITY_NIGHT_2300", FRI, CAL);
        assertThat(s.points()).isEqualTo(346);
        assertThat(label(s.firstStart())).isEqualTo("2026-12-03T21:00");
        assertThat(s.pointOf(at("2026-12-03T20:59"))).isZero();
        assertThat(label(s.slotEnd(s.slotOf(at("2026-12-04T10:20"))))).as("pause: last slot before").isEqualTo("2026-12-04T10:15");
        assertThat(label(s.slotEnd(s.slotOf(at("2026-12-04T10:27"))))).as("5 minutes before: first after").isEqualTo("2026-12-04T10:31");
        List<Tick> ticks = List.of(new Tick(1, at("2026-12-04T10:14"), 35_000_000, 1, 350_000_000, 'B'),
                new Tick(2, at("2026-12-04T10:45"), 35_010_000, 1, 350_100_000, 'S'));
        assertThat(Recompute.intraday(s, ticks, 60)).containsExactly(
                new Bar(at("2026-12-04T10:00"), at("2026-12-04T11:15"), 35_000_000, 35_010_000, 35_000_000, 35_010_000, 2,
                        700_100_000));
        long[] week = Recompute.periodBounds("week", FRI, "CN_COMMODITY_NIGHT_2300", CAL);
        assertThat(label(week[0]) + "/" + label(week[1])).isEqualTo("2026-11-27T21:00/2026-12-04T15:00");
    }

    @Test
    void minuteLineCarriesPriceAndAverageOverBlankMinutes() {
        DaySchedule s = new DaySchedule("CN_INDEX_FUTURE", FRI, CAL);
        List<Tick> ticks = List.of(new Tick(1, at("2026-12-04T09:29"), 39_000_000, 2, 39_000_000L * 2 * 300, 'N'),
                new Tick(2, at("2026-12-04T09:31:10"), 39_002_000, 1, 39_002_000L * 300, 'B'));
        List<long[]> line = Recompute.minuteLine(s, ticks, 38_990_000, 300);
        assertThat(line).hasSize(241);
        assertThat(line.get(0)).containsExactly(0, at("2026-12-04T09:30"), 39_000_000, 2, 23_400_000_000L, 39_000_000, 0);
        assertThat(line.get(1)).as("09:31 blank").containsExactly(1, at("2026-12-04T09:31"), 39_000_000, 0, 0, 39_000_000, 1);
        // (2 × 39,000,000 + 39,002,000) / 3 = 39,000,666.67 → 39,000,667
        assertThat(line.get(2)).containsExactly(2, at("2026-12-04T09:32"), 39_002_000, 1, 11_700_600_000L, 39_000_667, 0);
        assertThat(line.get(240)[2]).isEqualTo(39_002_000);
        assertThat(Recompute.priceVolume(ticks)).extracting(r -> r[0] + ":" + r[1] + "/" + r[2] + "/" + r[3] + "/" + r[4])
                .containsExactly("39002000:1/1/0/1", "39000000:2/0/0/1");
    }
}
