package com.quotebus.core.adjust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AdjustFactorTableTest {

    private static AdjustFactorTable parse(String csv) {
        return AdjustFactorTable.parseCsv(new StringReader(csv));
    }

    @Test
    void vendorRowsInAnyOrderBecomeSortedFactorsPerCode() {
        AdjustFactorTable table = parse("""
                ts_code,trade_date,adj_factor
                600000.SH,20240902,2.1
                600000.SH,20240603,1.05
                # comment
                000001.SZ,2024-03-01,108.031

                600000.SH,20240102,1
                """);
        assertThat(table.codes()).containsExactly("000001.SZ", "600000.SH");
        assertThat(table.factorsOf("600000.SH").factors()).containsExactly(
                AdjustFactor.of(LocalDate.of(2024, 1, 2), "1"),
                AdjustFactor.of(LocalDate.of(2024, 6, 3), "1.05"),
                AdjustFactor.of(LocalDate.of(2024, 9, 2), "2.1"));
        assertThat(table.factorsOf("000001.SZ").factors())
                .containsExactly(AdjustFactor.of(LocalDate.of(2024, 3, 1), "108.031"));
    }

    @Test
    void aCodeWithoutRowsHasNoFactors() {
        AdjustFactorTable table = parse("600000.SH,20240102,1\n");
        assertThat(table.factorsOf("601318.SH").factors()).isEmpty();
        assertThat(table.factorsOf("601318.SH").adjust(123_456, LocalDate.of(2024, 1, 2), Adjustment.FORWARD))
                .isEqualTo(123_456);
    }

    @Test
    void badRowsAreRejectedWithTheirLineNumbers() {
        assertThatThrownBy(() -> parse("600000.SH,20240102,1\n600000.SH,20240103\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 2: expected code,date,factor, got '600000.SH,20240103'");
        assertThatThrownBy(() -> parse("600000.SH,20240102,1\n600000.SH,20240103,0\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line 2: adjustment factor on 2024-01-03 must be > 0, got 0");
        assertThatThrownBy(() -> parse("600000.SH,20240102,1\n600000.SH,2024-13-01,1\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("line 2: Text '2024-13-01'");
        assertThatThrownBy(() -> parse("600000.SH,20240102,1\n000001.SZ,20240102,1\n600000.SH,2024-01-02,1.1\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lines 1 and 3: 600000.SH has two factors for 2024-01-02");
    }

    @Test
    void aCodeGivenTwiceIsRejected() {
        AdjustFactors f = AdjustFactors.of("600000.SH", List.of(AdjustFactor.of(LocalDate.of(2024, 1, 2), 1.0)));
        assertThatThrownBy(() -> AdjustFactorTable.of(List.of(f, f))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("adjustment factors for 600000.SH are given twice");
    }
}
