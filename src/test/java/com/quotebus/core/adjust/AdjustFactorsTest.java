package com.quotebus.core.adjust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A hand-worked example: 600000.SH lists on 2024-01-02 (factor 1), pays 0.50 yuan cash on ex-date
 * 2024-06-03 (close before 10.50, reference price 10.00, so the factor grows by 10.50/10.00 to 1.05),
 * then gives 10 bonus shares per 10 on ex-date 2024-09-02 (price halves, factor doubles to 2.1).
 */
class AdjustFactorsTest {
    private static final String CODE = "600000.SH";
    private static final AdjustFactors FACTORS = AdjustFactors.of(CODE, List.of(
            AdjustFactor.of(LocalDate.of(2024, 1, 2), "1.0"),
            AdjustFactor.of(LocalDate.of(2024, 6, 3), "1.05"),
            AdjustFactor.of(LocalDate.of(2024, 9, 2), "2.1")));

    /** A daily bar with all prices in minor units; volume and turnover are arbitrary but distinct. */
    private static Bar day(String date, long open, long high, long low, long close) {
        LocalDate d = LocalDate.parse(date);
        long end = d.atTime(15, 0).toInstant(ZoneOffset.ofHours(8)).toEpochMilli();
        return new Bar(CODE, Period.DAY, d, end - 86_400_000L, end, open, high, low, close, 12_300, 4_560_000, 0, true);
    }

    private static final List<Bar> TRADED = List.of(
            day("2023-12-29", 100_000, 100_000, 100_000, 100_000), // before the first factor: takes 1.0
            day("2024-05-31", 104_000, 106_000, 103_000, 105_000), // 10.50 cum-dividend
            day("2024-06-03", 100_000, 101_000, 99_000, 100_000),  // 10.00 ex-dividend, factor 1.05
            day("2024-08-30", 118_000, 121_000, 117_000, 120_000), // 12.00
            day("2024-09-02", 60_000, 61_000, 59_000, 60_000),     // 6.00 ex-bonus, factor 2.1
            day("2024-09-03", 60_001, 61_003, 59_999, 61_000));    // odd minor units to show rounding

    @Test
    void forwardAdjustmentScalesHistoryToTheLatestFactor() {
        // price × factor / 2.1: 1.0/2.1 is non-terminating, 1.05/2.1 = 0.5, 2.1/2.1 = 1.
        assertThat(FACTORS.adjust(TRADED, Adjustment.FORWARD)).containsExactly(
                day("2023-12-29", 47_619, 47_619, 47_619, 47_619),   // 100000/2.1 = 47619.05
                day("2024-05-31", 49_524, 50_476, 49_048, 50_000),   // 104000/2.1 = 49523.8, 106000/2.1 = 50476.2,
                                                                     // 103000/2.1 = 49047.6, 105000/2.1 = 50000
                day("2024-06-03", 50_000, 50_500, 49_500, 50_000),
                day("2024-08-30", 59_000, 60_500, 58_500, 60_000),
                day("2024-09-02", 60_000, 61_000, 59_000, 60_000),
                day("2024-09-03", 60_001, 61_003, 59_999, 61_000));
    }

    @Test
    void backwardAdjustmentMultipliesByTheFactorOfTheBarsDay() {
        assertThat(FACTORS.adjust(TRADED, Adjustment.BACKWARD)).containsExactly(
                day("2023-12-29", 100_000, 100_000, 100_000, 100_000),
                day("2024-05-31", 104_000, 106_000, 103_000, 105_000),
                day("2024-06-03", 105_000, 106_050, 103_950, 105_000),
                day("2024-08-30", 123_900, 127_050, 122_850, 126_000),
                day("2024-09-02", 126_000, 128_100, 123_900, 126_000),
                day("2024-09-03", 126_002, 128_106, 125_998, 128_100)); // 60001*2.1 = 126002.1, 59999*2.1 = 125997.9
    }

    @Test
    void noAdjustmentReturnsTheBarsAsTraded() {
        assertThat(FACTORS.adjust(TRADED, Adjustment.NONE)).isEqualTo(TRADED);
        assertThat(AdjustFactors.none(CODE).adjust(TRADED, Adjustment.FORWARD)).isEqualTo(TRADED);
    }

    @Test
    void halfMinorUnitsRoundUp() {
        LocalDate exDividend = LocalDate.of(2024, 6, 3);
        assertThat(FACTORS.adjust(100_101, exDividend, Adjustment.FORWARD)).isEqualTo(50_051); // 50050.5
        assertThat(FACTORS.adjust(100_099, exDividend, Adjustment.FORWARD)).isEqualTo(50_050); // 50049.5
        AdjustFactors tenth = AdjustFactors.of(CODE, List.of(AdjustFactor.of(exDividend, "0.15")));
        assertThat(tenth.adjust(10, exDividend, Adjustment.BACKWARD)).isEqualTo(2); // 1.5
        assertThat(tenth.adjust(9, exDividend, Adjustment.BACKWARD)).isEqualTo(1);  // 1.35
    }

    @Test
    void theFactorInEffectIsTheLastOneDatedOnOrBeforeTheDay() {
        assertThat(FACTORS.factorOn(LocalDate.of(2024, 6, 2))).isEqualByComparingTo("1.0");
        assertThat(FACTORS.factorOn(LocalDate.of(2024, 6, 3))).isEqualByComparingTo("1.05");
        assertThat(FACTORS.factorOn(LocalDate.of(2024, 9, 1))).isEqualByComparingTo("1.05");
        assertThat(FACTORS.factorOn(LocalDate.of(2030, 1, 1))).isEqualByComparingTo("2.1");
        assertThat(FACTORS.factorOn(LocalDate.of(2000, 1, 1))).isEqualByComparingTo("1.0");
        assertThat(FACTORS.latest()).isEqualByComparingTo("2.1");
    }

    @Test
    void nonPositiveFactorsAreRejected() {
        LocalDate d = LocalDate.of(2024, 1, 2);
        assertThatThrownBy(() -> AdjustFactor.of(d, "0")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adjustment factor on 2024-01-02 must be > 0, got 0");
        assertThatThrownBy(() -> AdjustFactor.of(d, -1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adjustment factor on 2024-01-02 must be > 0, got -1.5");
        assertThatThrownBy(() -> AdjustFactor.of(d, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adjustment factor on 2024-01-02 must be finite, got NaN");
        assertThatThrownBy(() -> AdjustFactor.of(d, "x1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adjustment factor on 2024-01-02 is not a number: 'x1'");
    }

    @Test
    void duplicateAndUnsortedDatesAreRejected() {
        LocalDate a = LocalDate.of(2024, 1, 2);
        LocalDate b = LocalDate.of(2024, 6, 3);
        assertThatThrownBy(() -> AdjustFactors.of(CODE, List.of(AdjustFactor.of(a, 1.0), AdjustFactor.of(a, 1.1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("600000.SH: adjustment factor dates must strictly increase, but 2024-01-02 appears twice");
        assertThatThrownBy(() -> AdjustFactors.of(CODE, List.of(AdjustFactor.of(b, 1.0), AdjustFactor.of(a, 1.1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("600000.SH: adjustment factor dates must strictly increase, but 2024-01-02 follows 2024-06-03");
    }

    @Test
    void barsOfAnotherCodeAreRejected() {
        Bar other = new Bar("000001.SZ", Period.DAY, LocalDate.of(2024, 6, 3), 0, 1, 1, 1, 1, 1, 1, 1, 0, true);
        assertThatThrownBy(() -> FACTORS.adjust(List.of(other), Adjustment.FORWARD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bar of 000001.SZ cannot be adjusted with factors of 600000.SH");
    }

    @Test
    void aWeekOverAnExDateIsRebuiltFromItsAdjustedDays() {
        // 10-for-10 bonus shares with ex-date Wednesday 2024-06-05: the price halves mid-week
        AdjustFactors split = AdjustFactors.of(CODE, List.of(AdjustFactor.of(LocalDate.of(2024, 1, 2), "1"),
                AdjustFactor.of(LocalDate.of(2024, 6, 5), "2")));
        List<Bar> days = List.of(
                day("2024-06-03", 100_000, 103_000, 99_000, 102_000),
                day("2024-06-04", 102_000, 104_001, 101_000, 101_001),
                day("2024-06-05", 50_500, 52_500, 50_000, 51_000),   // reference price 5.05
                day("2024-06-06", 51_000, 51_500, 49_000, 49_500),
                day("2024-06-07", 49_500, 50_000, 48_500, 49_800));
        Bar week = new Bar(CODE, Period.WEEK, LocalDate.of(2024, 6, 7), days.get(0).start(), days.get(4).end(),
                100_000, 104_001, 48_500, 49_800, 5 * 12_300, 5 * 4_560_000, 0, true);
        assertThat(split.needsDayBars(week)).isTrue();
        assertThat(split.needsDayBars(days.get(2))).as("a day has one factor").isFalse();
        Bar nextWeek = new Bar(CODE, Period.WEEK, LocalDate.of(2024, 6, 14), day("2024-06-10", 1, 1, 1, 1).start(),
                day("2024-06-14", 1, 1, 1, 1).end(), 1, 1, 1, 1, 1, 1, 0, true);
        assertThat(split.needsDayBars(nextWeek)).as("no ex-date that week").isFalse();

        // forward: Monday and Tuesday halve (104001/2 = 52000.5 → 52001), the rest as traded
        assertThat(split.adjust(List.of(week), days, Adjustment.FORWARD)).containsExactly(new Bar(CODE, Period.WEEK,
                LocalDate.of(2024, 6, 7), week.start(), week.end(), 50_000, 52_500, 48_500, 49_800, week.volume(),
                week.turnover(), 0, true));
        // backward: Wednesday on doubles
        assertThat(split.adjust(List.of(week), days, Adjustment.BACKWARD)).containsExactly(new Bar(CODE, Period.WEEK,
                LocalDate.of(2024, 6, 7), week.start(), week.end(), 100_000, 105_000, 97_000, 99_600, week.volume(),
                week.turnover(), 0, true));
        // the day bars of other weeks do not matter; without any of its days a week takes its last day's factor
        assertThat(split.adjust(List.of(week), days.subList(0, 0), Adjustment.BACKWARD).get(0).open())
                .isEqualTo(200_000);
        assertThat(split.adjust(List.of(week), Adjustment.FORWARD)).isEqualTo(split.adjust(List.of(week), List.of(),
                Adjustment.FORWARD));
    }

    @Test
    void adjustmentNamesParseWithPinyinAliases() {
        assertThat(List.of("none", "QFQ", " forward ", "hfq", "Backward", "bfq").stream().map(Adjustment::parse))
                .containsExactly(Adjustment.NONE, Adjustment.FORWARD, Adjustment.FORWARD, Adjustment.BACKWARD,
                        Adjustment.BACKWARD, Adjustment.NONE);
        assertThatThrownBy(() -> Adjustment.parse("front")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown adjustment 'front' (known: none forward backward, or bfq qfq hfq)");
    }
}
