package com.quotebus.calculator.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingSchedules;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvBarImporterTest {
    @TempDir
    Path dir;

    private static ByteArrayInputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void tushareDailyRowsImportWithLotAndThousandUnitsAndBadRowsAreReportedNotFatal() throws Exception {
        String text = """
                ts_code,trade_date,open,high,low,close,pre_close,change,pct_chg,vol,amount
                600000.SH,20250307,10.10,10.25,10.05,10.20,10.08,0.12,1.19,123456.78,125678.901
                600000.SH,20250308,10.10,10.25,10.05,10.20,10.08,0.12,1.19,1,1
                600000.SH,20250310,10.20,10.30,10.40,10.25,10.20,0.05,0.49,100,100
                600000.SH,20250311,abc,10.30,10.10,10.25,10.20,0.05,0.49,100,100
                600000.SH,20250312,10.20,10.30,10.10,10.25,10.20,0.05,0.49,100,100
                """;
        List<CsvBarImporter.Progress> progress = new ArrayList<>();
        try (RocksHistoryStore store = RocksHistoryStore.open(dir)) {
            CsvBarImporter importer = new CsvBarImporter(store, new TradingSchedules(TradingCalendar.loadDefault()), null);
            CsvBarImporter.Result r = importer.importStream(csv(text), "daily.csv", text.length(), Period.DAY,
                    CsvBarImporter.VolumeUnit.LOTS, CsvBarImporter.AmountUnit.THOUSAND_YUAN, progress::add);
            assertThat(r.imported()).isEqualTo(2);
            assertThat(r.rejected()).isEqualTo(3);
            assertThat(r.firstErrors()).containsExactly(
                    "daily.csv:3: 2025-03-08 is not a trading day",
                    "daily.csv:4: prices inconsistent: open 102000 high 103000 low 104000 close 102500 (minor units)",
                    "daily.csv:5: open 'abc' is not a number");
            List<Bar> bars = store.bars("600000.SH", Period.DAY, Long.MAX_VALUE, 10);
            assertThat(bars).hasSize(2);
            Bar first = bars.get(0);
            assertThat(first.volume()).isEqualTo(12_345_678);
            assertThat(first.turnover()).isEqualTo(125_678_901L * 10_000);
            assertThat(first.close()).isEqualTo(102_000);
            assertThat(ChinaTime.dateTime(first.end())).isEqualTo(LocalDateTime.parse("2025-03-07T15:00"));
            assertThat(progress.get(progress.size() - 1).fraction()).isEqualTo(1.0);
        }
    }

    @Test
    void minuteRowsAreLabelledByEndAndGetTheirTradingMinuteStart() throws Exception {
        String text = "code,time,open,high,low,close,volume,amount\n"
                + "000001.SZ,2025-03-10 13:05,12.00,12.05,11.98,12.01,50000,600500.0\n"
                + "000001.SZ,2025-03-10 12:05,12.00,12.05,11.98,12.01,50000,600500.0\n";
        try (RocksHistoryStore store = RocksHistoryStore.open(dir)) {
            CsvBarImporter importer = new CsvBarImporter(store, new TradingSchedules(TradingCalendar.loadDefault()), null);
            CsvBarImporter.Result r = importer.importStream(csv(text), "m.csv", text.length(), Period.M5,
                    CsvBarImporter.VolumeUnit.SHARES, CsvBarImporter.AmountUnit.YUAN, p -> {});
            assertThat(r.imported()).isEqualTo(1);
            assertThat(r.firstErrors()).containsExactly("m.csv:3: bar end 2025-03-10 12:05 is not the end of a trading minute");
            Bar b = store.bars("000001.SZ", Period.M5, Long.MAX_VALUE, 1).get(0);
            assertThat(ChinaTime.dateTime(b.start())).isEqualTo(LocalDateTime.parse("2025-03-10T13:00"));
        }
    }

    @Test
    void aFileWithoutTheRequiredColumnsIsRejectedSayingWhich() {
        try (RocksHistoryStore store = RocksHistoryStore.open(dir)) {
            CsvBarImporter importer = new CsvBarImporter(store, new TradingSchedules(TradingCalendar.loadDefault()), null);
            assertThatThrownBy(() -> importer.importStream(csv("code,time,open\n"), "x.csv", 10, Period.DAY,
                    CsvBarImporter.VolumeUnit.SHARES, CsvBarImporter.AmountUnit.YUAN, p -> {}))
                    .hasMessageContaining("no 'high' column");
        }
    }
}
