package com.quotebus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.calculator.history.RocksHistoryStore;
import com.quotebus.core.adjust.AdjustFactor;
import com.quotebus.core.adjust.Adjustment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportFactorsCommandTest {
    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return ImportFactorsCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, String csv) throws IOException {
        return Files.writeString(dir.resolve(name), csv);
    }

    private List<AdjustFactor> stored(String code) {
        try (RocksHistoryStore store = RocksHistoryStore.open(dir.resolve("data/history"))) {
            return store.adjustFactors(code);
        }
    }

    private static AdjustFactor f(String date, String factor) {
        return AdjustFactor.of(LocalDate.parse(date), factor);
    }

    @Test
    void importsTushareFactorsAndReimportingChangesNothing() throws IOException {
        Path csv = file("adj_factor.csv", """
                ts_code,trade_date,adj_factor
                000001.SZ,20240614,108.031
                000001.SZ,20240613,104.567
                000001.SZ,20240612,104.567
                600000.SH,2024-06-03,1.05
                600000.SH,2024-01-02,1
                """);
        String data = dir.resolve("data").toString();
        assertThat(run("--file", csv.toString(), "--data", data)).as(err()).isZero();
        assertThat(out()).startsWith("imported 5 factors of 2 codes from adj_factor.csv into " + data
                + "/history: 5 new, 0 changed, 0 already stored\n");
        List<AdjustFactor> pingan = List.of(f("2024-06-12", "104.567"), f("2024-06-13", "104.567"),
                f("2024-06-14", "108.031"));
        assertThat(stored("000001.SZ")).isEqualTo(pingan);
        assertThat(stored("600000.SH")).containsExactly(f("2024-01-02", "1"), f("2024-06-03", "1.05"));

        assertThat(run("--file", csv.toString(), "--data", data)).isZero();
        assertThat(out()).contains(": 0 new, 0 changed, 5 already stored\n");
        assertThat(stored("000001.SZ")).isEqualTo(pingan);

        // the table the node loads: the repeated factor compacted, forward-adjusted to the latest factor
        try (RocksHistoryStore store = RocksHistoryStore.open(dir.resolve("data/history"))) {
            var table = store.adjustFactorTable();
            assertThat(table.codes()).containsExactly("000001.SZ", "600000.SH");
            assertThat(table.factorsOf("000001.SZ").factors()).containsExactly(f("2024-06-12", "104.567"),
                    f("2024-06-14", "108.031"));
            // 10.00 × 104.567 / 108.031 = 9.67935 → 9.6794
            assertThat(table.factorsOf("000001.SZ").adjust(100_000, LocalDate.parse("2024-06-13"),
                    Adjustment.FORWARD)).isEqualTo(96_794);
        }
    }

    @Test
    void aNewerFileAddsAndCorrectsDatesAndReplaceDropsTheOthers() throws IOException {
        String data = dir.resolve("data").toString();
        run("--file", file("a.csv", "600000.SH,20240102,1\n600000.SH,20240603,1.05\n").toString(), "--data", data);

        Path update = file("b.csv", "600000.SH,20240603,1.06\n600000.SH,20240902,2.12\n");
        assertThat(run("--file", update.toString(), "--data", data)).isZero();
        assertThat(out()).contains(": 1 new, 1 changed, 0 already stored\n");
        assertThat(stored("600000.SH")).containsExactly(f("2024-01-02", "1"), f("2024-06-03", "1.06"),
                f("2024-09-02", "2.12"));

        assertThat(run("--file", update.toString(), "--data", data, "--replace")).isZero();
        assertThat(out()).contains(": 0 new, 0 changed, 2 already stored, 1 removed\n");
        assertThat(stored("600000.SH")).containsExactly(f("2024-06-03", "1.06"), f("2024-09-02", "2.12"));
    }

    @Test
    void aFileWithBadRowsImportsNothingAndSaysWhereAndWhy() throws IOException {
        String data = dir.resolve("data").toString();
        run("--file", file("good.csv", "600000.SH,20240102,1\n").toString(), "--data", data);

        Path bad = file("bad.csv", """
                ts_code,trade_date,adj_factor
                600000.SH,20240603,1.05
                600000.SH,20240604,-1
                600000,20240605,1.1
                """);
        assertThat(run("--file", bad.toString(), "--data", data)).isEqualTo(3);
        assertThat(err()).isEqualTo("""
                  bad.csv:3: adjustment factor on 2024-06-04 must be > 0, got -1
                  bad.csv:4: code '600000' is not SYMBOL.MARKET (e.g. 600000.SH)
                import-factors: 2 of 3 rows rejected; nothing imported
                """);
        assertThat(stored("600000.SH")).containsExactly(f("2024-01-02", "1"));
    }

    @Test
    void badArgumentsAreRejectedWithTheUsageAsUsageErrors() {
        assertThat(run()).isEqualTo(2);
        assertThat(err()).startsWith("import-factors: --file must name a CSV file");
        assertThat(run("--file")).isEqualTo(2);
        assertThat(err()).startsWith("import-factors: --file needs a value");
        assertThat(run("--file", dir.resolve("missing.csv").toString())).isEqualTo(2);
        assertThat(run("--fiel", "x.csv")).isEqualTo(2);
        assertThat(err()).isEqualTo("import-factors: unknown argument '--fiel' (" + ImportFactorsCommand.USAGE + ")\n");
    }
}
