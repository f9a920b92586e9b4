package com.quotebus.core.compress;

import com.quotebus.core.event.BookSide;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.TradingPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded, realistic stream of A-share snapshots for compression figures and benchmarks: several
 * codes interleaved at random, each every ~3 s; the last price walks by ticks within the daily
 * limits; the book is a one-tick ladder around it whose per-price volumes (and order counts) persist
 * and change a few levels at a time, so a price move shifts the ladder as a real book does;
 * cumulative volume, turnover and trade count grow with each trade burst.
 */
public final class RandomWalkSnapshots {
    private static final long TICK = 100; // 0.01 yuan
    private final Random random;
    private final CodeState[] codes;
    private final int depth;
    private final boolean orderCounts;
    private long channelSeq = 1_000_000;

    private final class CodeState {
        final String code;
        final long preClose;
        final int limitTicks; // ±10%
        final long[] volumeAt; // by tick offset from the lower limit
        final int[] ordersAt;
        long lastTick; // offset from the lower limit
        long open;
        long high;
        long low;
        long volume;
        long turnover;
        long numTrades;
        long time;
        long seq;

        CodeState(int index) {
            code = String.format("%06d.%s", 600_000 + index * 7, index % 2 == 0 ? "SH" : "SZ");
            preClose = (500 + random.nextInt(9_500)) * TICK;
            limitTicks = (int) (preClose / TICK / 10);
            volumeAt = new long[2 * limitTicks + 1];
            ordersAt = new int[volumeAt.length];
            for (int i = 0; i < volumeAt.length; i++) {
                refill(i);
            }
            lastTick = limitTicks;
            open = price(lastTick);
            high = open;
            low = open;
            time = 1_748_914_200_000L + random.nextInt(3_000); // 09:30 +08:00
        }

        long price(long tick) {
            return preClose - limitTicks * TICK + tick * TICK;
        }

        void refill(int tick) {
            volumeAt[tick] = 100L * (1 + random.nextInt(300));
            ordersAt[tick] = 1 + random.nextInt(40);
        }

        Snapshot next() {
            time += 2_500 + random.nextInt(1_000);
            int r = random.nextInt(100);
            long move = r < 60 ? 0 : r < 80 ? 1 : r < 95 ? -1 : r < 98 ? 2 : -2;
            lastTick = Math.max(depth, Math.min(2L * limitTicks - depth, lastTick + move));
            long last = price(lastTick);
            high = Math.max(high, last);
            low = Math.min(low, last);
            if (random.nextInt(100) < 85) {
                int trades = 1 + random.nextInt(30);
                long qty = 100L * (1 + random.nextInt(200)) * trades;
                numTrades += trades;
                volume += qty;
                turnover += qty * last;
            }
            // A few levels near the touch change their resting volume.
            int changes = random.nextInt(4);
            for (int c = 0; c < changes; c++) {
                int offset = random.nextInt(2 * depth) - depth;
                int tick = (int) Math.max(0, Math.min(volumeAt.length - 1, lastTick + offset));
                refill(tick);
            }
            boolean bidAtLast = random.nextBoolean();
            long bestBid = bidAtLast ? lastTick : lastTick - 1;
            long[] bp = new long[depth];
            long[] bv = new long[depth];
            long[] ap = new long[depth];
            long[] av = new long[depth];
            int[] bo = orderCounts ? new int[depth] : null;
            int[] ao = orderCounts ? new int[depth] : null;
            for (int i = 0; i < depth; i++) {
                int b = (int) (bestBid - i);
                int a = (int) (bestBid + 1 + i);
                bp[i] = price(b);
                bv[i] = volumeAt[b];
                ap[i] = price(a);
                av[i] = volumeAt[a];
                if (orderCounts) {
                    bo[i] = ordersAt[b];
                    ao[i] = ordersAt[a];
                }
            }
            channelSeq += 1 + random.nextInt(200);
            seq++;
            return new Snapshot(code, time, TradingPhase.CONTINUOUS, preClose, open, high, low, last, volume, turnover,
                    numTrades, price(2L * limitTicks), price(0), 0, 0, 0, new BookSide(bp, bv, bo),
                    new BookSide(ap, av, ao), 2_011, channelSeq, seq, "szse-a");
        }
    }

    /**
     * @param seed        random seed (same seed, same stream)
     * @param codeCount   codes interleaved
     * @param depth       levels per side (5 for level-1, 10 for level-2)
     * @param orderCounts whether levels carry order counts (level-2)
     */
    public RandomWalkSnapshots(long seed, int codeCount, int depth, boolean orderCounts) {
        this.random = new Random(seed);
        this.depth = depth;
        this.orderCounts = orderCounts;
        this.codes = new CodeState[codeCount];
        for (int i = 0; i < codeCount; i++) {
            codes[i] = new CodeState(i);
        }
    }

    public Snapshot next() {
        return codes[random.nextInt(codes.length)].next();
    }

    public List<Snapshot> take(int n) {
        List<Snapshot> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(next());
        }
        return list;
    }
}
