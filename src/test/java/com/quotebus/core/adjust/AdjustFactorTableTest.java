package com.quotebus.core.adjust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdjustFactorTableTest {
    private static final LocalDate D1 = LocalDate.of(2024, 1, 2);

    @Test
    void aCodeWithoutFactorsIsAdjustedToItsPricesAsTraded() {
        AdjustFactorTable table = AdjustFactorTable.of(List.of(AdjustFactors.of("600000.SH",
                List.of(AdjustFactor.of(D1, "1"), AdjustFactor.of(D1.plusDays(5), "2")))));
        assertThat(table.codes()).containsExactly("600000.SH");
        assertThat(table.size()).isEqualTo(2);
        assertThat(table.factorsOf("601318.SH").factors()).isEmpty();
        assertThat(table.factorsOf("601318.SH").adjust(123_456, D1, Adjustment.FORWARD)).isEqualTo(123_456);
        assertThat(AdjustFactorTable.empty().codes()).isEmpty();
    }

    @Test
    void aCodeGivenTwiceIsRejected() {
        AdjustFactors f = AdjustFactors.of("600000.SH", List.of(AdjustFactor.of(D1, 1.0)));
        assertThatThrownBy(() -> AdjustFactorTable.of(List.of(f, f))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adjustment factors for 600000.SH are given twice");
    }

    @Test
    void compactingKeepsOnlyTheChangesAndAdjustsTheSame() {
        // a vendor row for every trading day; the factor changes on the 4th
        AdjustFactors daily = AdjustFactors.of("600000.SH", List.of(AdjustFactor.of(D1, "1.000"),
                AdjustFactor.of(D1.plusDays(1), "1.0"), AdjustFactor.of(D1.plusDays(2), "1"),
                AdjustFactor.of(D1.plusDays(3), "1.05"), AdjustFactor.of(D1.plusDays(6), "1.050")));
        AdjustFactors compact = daily.compacted();
        assertThat(compact.factors()).containsExactly(AdjustFactor.of(D1, "1.000"),
                AdjustFactor.of(D1.plusDays(3), "1.05"));
        for (int d = -1; d < 10; d++) {
            for (Adjustment mode : Adjustment.values()) {
                assertThat(compact.adjust(100_001, D1.plusDays(d), mode))
                        .isEqualTo(daily.adjust(100_001, D1.plusDays(d), mode));
            }
        }
    }
}
