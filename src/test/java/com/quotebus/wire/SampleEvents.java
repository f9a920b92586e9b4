package com.quotebus.wire;

import com.quotebus.core.event.BookSide;
import com.quotebus.core.event.Side;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.event.TradingPhase;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import java.time.LocalDate;

/** Hand-made events shared by codec tests. Times are 2025-06-03 (a Tuesday) in Shanghai time. */
public final class SampleEvents {
    /** 2025-06-03 10:15:03.000 +08:00. */
    public static final long T0 = 1_748_916_903_000L;

    private SampleEvents() {}

    /** A level-1 stock snapshot: 5 levels, no order counts. */
    public static Snapshot level1() {
        BookSide bid = new BookSide(new long[] {102_300, 102_200, 102_100, 102_000, 101_900},
                new long[] {1_200, 35_000, 8_800, 100, 600}, null);
        BookSide ask = new BookSide(new long[] {102_400, 102_500, 102_600, 102_700, 102_800},
                new long[] {500, 2_000, 14_100, 9_000, 77_700}, null);
        return new Snapshot("600000.SH", T0, TradingPhase.CONTINUOUS, 101_000, 101_500, 103_000, 100_900, 102_300,
                4_512_300, 46_012_345_600L, 3_456, 111_100, 90_900, 0, 0, 0, bid, ask, 3, 912_345, 1_234,
                "sse-a");
    }

    /** A level-2 stock snapshot: 10 levels with order counts. */
    public static Snapshot level2() {
        long[] bp = new long[10];
        long[] bv = new long[10];
        int[] bo = new int[10];
        long[] ap = new long[10];
        long[] av = new long[10];
        int[] ao = new int[10];
        for (int i = 0; i < 10; i++) {
            bp[i] = 88_800 - 100L * i;
            bv[i] = 1_000L * (i + 1) + 300;
            bo[i] = 3 + i * 2;
            ap[i] = 88_900 + 100L * i;
            av[i] = 700L * (10 - i);
            ao[i] = 11 - i;
        }
        return new Snapshot("000001.SZ", T0 + 3_000, TradingPhase.CONTINUOUS, 88_000, 88_100, 89_500, 87_700, 88_800,
                12_345_600, 108_765_432_100L, 9_876, 96_800, 79_200, 0, 0, 0, new BookSide(bp, bv, bo),
                new BookSide(ap, av, ao), 2_011, 77_000_123, 4_321, "szse-b");
    }

    /** A futures snapshot (open interest, settlement, pre-settlement), one level. */
    public static Snapshot future() {
        return new Snapshot("rb2510.SHF", T0, TradingPhase.CONTINUOUS, 31_200_000, 31_150_000, 31_400_000,
                31_100_000, 31_350_000, 812_345, 254_000_000_000_000L, 0, 33_070_000, 29_330_000, 1_987_654,
                0, 31_200_000, new BookSide(new long[] {31_340_000}, new long[] {120}, null),
                new BookSide(new long[] {31_350_000}, new long[] {37}, null), 0, 0, 17, "ctp-1");
    }

    /** A pre-open snapshot with empty book sides. */
    public static Snapshot emptyBook() {
        return new Snapshot("688981.SH", T0 - 3_600_000, TradingPhase.PRE_OPEN, 512_300, 0, 0, 0, 0, 0, 0, 0,
                614_700, 409_900, 0, 0, 0, BookSide.EMPTY, BookSide.EMPTY, 0, 0, 0, "");
    }

    public static Trade trade(Side side) {
        return new Trade("000001.SZ", T0 + 17, 88_800, 1_500, 133_200_000, side, 2_011, 77_000_124, 4_001_001,
                4_001_333, 4_322, "szse-a");
    }

    public static Bar bar(Period period, boolean closed) {
        long end = T0 + 57_000;
        return new Bar("600000.SH", period, LocalDate.of(2025, 6, 3), end - 60_000, end, 102_000, 102_500, 101_900,
                102_300, 45_600, 466_123_400, 0, closed);
    }
}
