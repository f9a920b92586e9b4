package com.quotebus.core.adjust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AdjustFactorCsvTest {

    private static AdjustFactorCsv.Result read(String csv) {
        try {
            return AdjustFactorCsv.read(new StringReader(csv), "adj.csv");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static AdjustFactor f(String date, String factor) {
        return AdjustFactor.of(LocalDate.parse(date), factor);
    }

    @Test
    void tushareRowsInAnyOrderBecomeSortedFactorsPerCode() {
        AdjustFactorCsv.Result r = read("""
                ts_code,trade_date,adj_factor
                600000.SH,20240902,2.1
                600000.SH,20240603,1.05
                # comment
                000001.SZ,2024-03-01,108.031

                600000.SH,20240102,1
                """);
        assertThat(r.ok()).isTrue();
        assertThat(r.rows()).isEqualTo(4);
        assertThat(r.codes()).containsExactly("000001.SZ", "600000.SH");
        assertThat(r.factorCount()).isEqualTo(4);
        assertThat(r.factorsOf("600000.SH")).containsExactly(f("2024-01-02", "1"), f("2024-06-03", "1.05"),
                f("2024-09-02", "2.1"));
        assertThat(r.factorsOf("000001.SZ")).containsExactly(f("2024-03-01", "108.031"));
        assertThat(r.factorsOf("601318.SH")).isEmpty();
        assertThat(r.table().factorsOf("600000.SH").latest()).isEqualByComparingTo("2.1");
    }

    @Test
    void theHeaderIsOptionalAndNamesColumnsInAnyOrderWithOthersIgnored() {
        AdjustFactorCsv.Result plain = read("600000.SH,20240102,1\n600000.SH,20240603,1.05\n");
        // pandas' to_csv: an unnamed index column first; a UTF-8 byte-order mark; quoted fields; another order
        AdjustFactorCsv.Result pandas = read("\uFEFF,adj_factor,ts_code,trade_date\n0,1.05,600000.SH,20240603\n"
                + "1,\"1\",\"600000.SH\",2024-01-02\n");
        assertThat(plain.ok()).isTrue();
        assertThat(pandas.ok()).as("%s", pandas.errors()).isTrue();
        assertThat(pandas.factorsOf("600000.SH")).isEqualTo(plain.factorsOf("600000.SH"))
                .containsExactly(f("2024-01-02", "1"), f("2024-06-03", "1.05"));
    }

    @Test
    void theSameRowTwiceCountsOnceAndVendorDailyRowsAreKeptForTheStore() {
        AdjustFactorCsv.Result r = read("""
                600000.SH,20240102,1.000
                600000.SH,20240103,1.000
                600000.SH,20240102,1
                600000.SH,20240104,1.050
                """);
        assertThat(r.ok()).isTrue();
        assertThat(r.rows()).isEqualTo(4);
        assertThat(r.factorsOf("600000.SH")).containsExactly(f("2024-01-02", "1.000"), f("2024-01-03", "1.000"),
                f("2024-01-04", "1.050"));
        assertThat(r.table().factorsOf("600000.SH").factors()).as("the table keeps the changes only")
                .containsExactly(f("2024-01-02", "1.000"), f("2024-01-04", "1.050"));
    }

    @Test
    void everyBadRowIsReportedWithItsLineAndReasonAndNothingIsTaken() {
        AdjustFactorCsv.Result r = read("""
                ts_code,trade_date,adj_factor
                600000.SH,20240102,1
                600000.SH,20240103
                60000X,20240104,1
                600000.BJ,20240104,1
                ,20240104,1
                600000.SH,2024-13-01,1
                600000.SH,20240230,1
                600000.SH,2024/01/05,1
                600000.SH,19891231,1
                600000.SH,20240108,0
                600000.SH,20240109,-1.5
                600000.SH,20240110,abc
                600000.SH,20240111,NaN
                600000.SH,20240112,1e3
                600000.SH,20240115,
                600000.SH,20240116,2000000
                600000.SH,20240117,1.000000000000000000001
                000001.SZ,20240102,108.031
                000001.SZ,2024-01-02,108.03
                """);
        assertThat(r.ok()).isFalse();
        assertThat(r.rows()).isEqualTo(19);
        assertThat(r.errorCount()).isEqualTo(17);
        assertThat(r.errors()).containsExactly(
                "adj.csv:3: expected 3 columns as the header, got 2: '600000.SH,20240103'",
                "adj.csv:4: code '60000X' is not SYMBOL.MARKET (e.g. 600000.SH)",
                "adj.csv:5: code '600000.BJ' has unknown market 'BJ' (known: SH SZ SHF INE DCE CZC CFX GFE)",
                "adj.csv:6: code is missing",
                "adj.csv:7: date '2024-13-01' is not a date (yyyyMMdd or yyyy-MM-dd)",
                "adj.csv:8: date '20240230' is not a date (yyyyMMdd or yyyy-MM-dd)",
                "adj.csv:9: date '2024/01/05' is not a date (yyyyMMdd or yyyy-MM-dd)",
                "adj.csv:10: date 1989-12-31 is outside 1990..2099",
                "adj.csv:11: adjustment factor on 2024-01-08 must be > 0, got 0",
                "adj.csv:12: adjustment factor on 2024-01-09 must be > 0, got -1.5",
                "adj.csv:13: factor 'abc' is not a decimal number",
                "adj.csv:14: factor 'NaN' is not a decimal number",
                "adj.csv:15: factor '1e3' is not a decimal number",
                "adj.csv:16: factor is missing",
                "adj.csv:17: adjustment factor on 2024-01-16 must be at most 1000000, got 2000000",
                "adj.csv:18: adjustment factor on 2024-01-17 has more than 20 decimal places: 1.000000000000000000001",
                "adj.csv:20: 000001.SZ has another factor for 2024-01-02 on line 19 (108.031, here 108.03)");
        assertThat(r.codes()).as("nothing is taken from a file with bad rows").isEmpty();
        assertThat(r.factorCount()).isZero();
        assertThatThrownBy(r::table).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("adj.csv: 17 rows rejected, first: adj.csv:3: expected 3 columns");
    }

    @Test
    void withoutAHeaderRowsHaveExactlyThreeColumnsAndGarbageIsNotTakenForAHeader() {
        assertThat(read("600000.SH,20240102,1,7\n").errors())
                .containsExactly("adj.csv:1: expected 3 columns code,date,factor, got 4: '600000.SH,20240102,1,7'");
        // a first row that names no column is data, not a header to skip
        assertThat(read("600000.SH,20240102,one\n600000.SH,20240103,1\n").errors())
                .containsExactly("adj.csv:1: factor 'one' is not a decimal number");
        assertThat(read("ts_code,trade_date,close\n600000.SH,20240102,1\n").errors()).containsExactly(
                "adj.csv:1: the header must name a code, a date and a factor column (ts_code,trade_date,adj_factor),"
                        + " got 'ts_code,trade_date,close'");
        assertThat(read("# nothing\n\n").errors()).containsExactly(
                "adj.csv: no rows (expected ts_code,trade_date,adj_factor rows)");
    }

    @Test
    void onlyTheFirstTwentyErrorsAreKeptButAllAreCounted() {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            csv.append("600000.SH,20240102,x").append(i).append('\n');
        }
        AdjustFactorCsv.Result r = read(csv.toString());
        assertThat(r.errorCount()).isEqualTo(30);
        assertThat(r.errors()).hasSize(AdjustFactorCsv.MAX_ERRORS_KEPT);
        assertThat(r.errors().get(19)).isEqualTo("adj.csv:20: factor 'x19' is not a decimal number");
        assertThat(r.rows()).isEqualTo(30);
    }
}
