package com.quotebus.collector;

import com.quotebus.core.event.BookSide;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Side;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.event.TradingPhase;
import java.util.Random;

/** Builders of events for collector tests; random ones come from a seeded {@link Random}. */
public final class TestEvents {
    /** 2026-11-25 09:30:00 Asia/Shanghai. */
    public static final long T0 = 1_795_570_200_000L;

    private TestEvents() {}

    public static Trade trade(String code, int channel, long channelSeq, long time, long price, long qty) {
        return new Trade(code, time, price, qty, price * qty, Side.BUY, channel, channelSeq, 0, 0, 0, "");
    }

    public static Trade trade(String code, int channel, long channelSeq) {
        return trade(code, channel, channelSeq, T0 + channelSeq * 10, 100_000 + channelSeq, 100);
    }

    public static Snapshot snapshot(String code, long time, long last, long volume) {
        return new Snapshot(code, time, TradingPhase.CONTINUOUS, 100_000, 100_500, 101_000, 99_000, last, volume,
                volume * last, volume / 100, 110_000, 90_000, 0, 0, 0,
                new BookSide(new long[] {last - 100}, new long[] {500}, null),
                new BookSide(new long[] {last + 100}, new long[] {700}, null), 2011, 0, 0, "");
    }

    public static MarketEvent random(Random rnd, long seq) {
        String code = String.format("%06d.SZ", rnd.nextInt(50));
        long time = T0 + rnd.nextInt(14_400_000);
        if (rnd.nextBoolean()) {
            long price = 1 + rnd.nextInt(2_000_000);
            long qty = 1 + rnd.nextInt(100_000);
            return new Trade(code, time, price, qty, price * qty, Side.values()[rnd.nextInt(3)], rnd.nextInt(4000),
                    rnd.nextLong() & Long.MAX_VALUE, rnd.nextInt(1_000_000), rnd.nextInt(1_000_000), seq,
                    rnd.nextBoolean() ? "szse-a" : "szse-b");
        }
        int depth = rnd.nextInt(11);
        boolean counts = rnd.nextBoolean();
        return new Snapshot(code, time, TradingPhase.values()[rnd.nextInt(TradingPhase.values().length)],
                rnd.nextInt(2_000_000), rnd.nextInt(2_000_000), rnd.nextInt(2_000_000), rnd.nextInt(2_000_000),
                rnd.nextInt(2_000_000), rnd.nextLong() & 0xFFFFFFFFFFL, rnd.nextLong() & 0xFFFFFFFFFFFFL,
                rnd.nextInt(), rnd.nextInt(2_000_000), rnd.nextInt(2_000_000), rnd.nextInt(), rnd.nextInt(),
                rnd.nextInt(), book(rnd, depth, counts), book(rnd, depth, counts), rnd.nextInt(4000), 0, seq,
                "源-" + rnd.nextInt(3));
    }

    private static BookSide book(Random rnd, int depth, boolean counts) {
        long[] p = new long[depth];
        long[] v = new long[depth];
        int[] o = counts ? new int[depth] : null;
        for (int i = 0; i < depth; i++) {
            p[i] = rnd.nextInt(2_000_000);
            v[i] = rnd.nextInt(1_000_000);
            if (counts) {
                o[i] = rnd.nextInt(1000);
            }
        }
        return new BookSide(p, v, o);
    }
}
