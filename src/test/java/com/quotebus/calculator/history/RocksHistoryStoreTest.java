package com.quotebus.calculator.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import com.quotebus.core.minute.MinutePoint;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RocksHistoryStoreTest {
    @TempDir
    Path dir;

    private static Bar bar(String code, Period p, long end, long close) {
        return new Bar(code, p, LocalDate.ofEpochDay(end / 86_400_000L), end - 60_000, end, close - 1, close + 2,
                close - 3, close, 100 * close, 1000 * close, 0, true);
    }

    @Test
    void pagedRangeQueryReturnsTheNewestBarsAtOrBeforeTheEndOldestFirst() {
        List<Bar> all = new ArrayList<>();
        try (RocksHistoryStore store = RocksHistoryStore.open(dir)) {
            for (int i = 1; i <= 50; i++) {
                all.add(bar("600000.SH", Period.M1, i * 60_000L, 1000 + i));
            }
            store.putBars(all);
            // neighbours that must never leak into the range: other period, other code sharing a prefix
            store.putBars(List.of(bar("600000.SH", Period.M5, 30 * 60_000L, 1), bar("600000.SHX", Period.M1, 1, 1),
                    bar("60000.SH", Period.M1, 45 * 60_000L, 7)));
            assertThat(store.bars("600000.SH", Period.M1, 40 * 60_000L, 10)).isEqualTo(all.subList(30, 40));
            assertThat(store.bars("600000.SH", Period.M1, 40 * 60_000L + 59_999, 10)).isEqualTo(all.subList(30, 40));
            assertThat(store.bars("600000.SH", Period.M1, Long.MAX_VALUE, 100)).isEqualTo(all);
            assertThat(store.bars("600000.SH", Period.M1, 0, 10)).isEmpty();
            assertThat(store.bars("000001.SZ", Period.M1, Long.MAX_VALUE, 10)).isEmpty();
        }
    }

    @Test
    void historySurvivesARestartAndRewritingABarReplacesIt() {
        try (RocksHistoryStore store = RocksHistoryStore.open(dir)) {
            store.putBars(List.of(bar("IF2506.CFX", Period.DAY, 86_400_000L * 20000, 4000)));
        }
        try (RocksHistoryStore store = RocksHistoryStore.open(dir)) {
            assertThat(store.bars("IF2506.CFX", Period.DAY, Long.MAX_VALUE, 5)).hasSize(1);
            store.putBars(List.of(bar("IF2506.CFX", Period.DAY, 86_400_000L * 20000, 4100)));
            assertThat(store.bars("IF2506.CFX", Period.DAY, Long.MAX_VALUE, 5)).extracting(Bar::close)
                    .containsExactly(4100L);
        }
    }

    @Test
    void minuteLinesAreStoredPerDayAndTheLatestEarlierDayIsFound() {
        try (RocksHistoryStore store = RocksHistoryStore.open(dir)) {
            List<MinutePoint> line = List.of(new MinutePoint(0, 1, 100, 5, 500, 100, 5, 500, false),
                    new MinutePoint(1, 2, 100, 0, 0, 100, 5, 500, true));
            store.putMinuteLine("600000.SH", LocalDate.parse("2025-03-07"), line);
            assertThat(store.minuteLine("600000.SH", LocalDate.parse("2025-03-07"))).isEqualTo(line);
            assertThat(store.minuteLine("600000.SH", LocalDate.parse("2025-03-10"))).isEmpty();
            assertThat(store.lastMinuteLineBefore("600000.SH", LocalDate.parse("2025-03-10")))
                    .isEqualTo(LocalDate.parse("2025-03-07"));
            assertThat(store.lastMinuteLineBefore("600000.SH", LocalDate.parse("2025-03-07"))).isNull();
        }
    }
}
