package com.quotebus.core.pricevol;

import com.quotebus.core.event.Side;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * 分价表 of one instrument for one trading day, maintained incrementally: O(1) per trade.
 *
 * <p>Prices inside the daily limits (lower limit .. upper limit, in price ticks) index a dense array —
 * an A-share at 10 yuan with ±10% limits needs 201 rows. Prices outside the limits (instruments without
 * limits, or bad limits) go to a sparse map capped at {@value #MAX_SPARSE_PRICES} distinct prices; past
 * that, the trade is still counted in the day total and in {@link #overflowVolume()} so totals never
 * silently disagree.
 */
public final class PriceVolumeTable {
    public static final int MAX_SPARSE_PRICES = 4096;
    private static final int MAX_DENSE_ROWS = 1 << 16;

    private final long base;
    private final long tick;
    /** Interleaved rows: volume, buy, sell, trades — one row per price tick between the limits. */
    private final long[] rows;
    private final int rowCount;
    private final Map<Long, long[]> sparse = new HashMap<>();
    private long dayVolume;
    private long overflowVolume;
    private long lastChangedPrice;

    /**
     * @param lowerLimit lower daily limit, minor units (0 = none)
     * @param upperLimit upper daily limit, minor units (0 = none)
     * @param tick       price tick, minor units
     */
    public PriceVolumeTable(long lowerLimit, long upperLimit, long tick) {
        this.tick = tick;
        long n = upperLimit > 0 && upperLimit >= lowerLimit ? (upperLimit - lowerLimit) / tick + 1 : 0;
        if (n > MAX_DENSE_ROWS) {
            n = 0;
        }
        this.base = lowerLimit;
        this.rowCount = (int) n;
        this.rows = new long[rowCount * 4];
    }

    /** Adds a trade (or a snapshot volume difference) at a price. */
    public void add(long price, long qty, Side side) {
        dayVolume += qty;
        lastChangedPrice = price;
        int i = denseRow(price);
        if (i >= 0) {
            int o = i * 4;
            rows[o] += qty;
            rows[o + 3]++;
            if (side == Side.BUY) {
                rows[o + 1] += qty;
            } else if (side == Side.SELL) {
                rows[o + 2] += qty;
            }
            return;
        }
        long[] row = sparse.get(price);
        if (row == null) {
            if (sparse.size() >= MAX_SPARSE_PRICES) {
                overflowVolume += qty;
                return;
            }
            row = new long[4];
            sparse.put(price, row);
        }
        row[0] += qty;
        row[3]++;
        if (side == Side.BUY) {
            row[1] += qty;
        } else if (side == Side.SELL) {
            row[2] += qty;
        }
    }

    private int denseRow(long price) {
        long offset = price - base;
        if (offset < 0) {
            return -1;
        }
        long row = offset / tick;
        return row < rowCount && row * tick == offset ? (int) row : -1;
    }

    public long dayVolume() {
        return dayVolume;
    }

    /** Volume not placed in any row because the sparse map was full (0 in normal operation). */
    public long overflowVolume() {
        return overflowVolume;
    }

    /** The price of the latest change (for pushing one row). */
    public long lastChangedPrice() {
        return lastChangedPrice;
    }

    /** The row for one price, or {@code null} when nothing traded there. */
    public PriceLevel level(long price) {
        int i = denseRow(price);
        if (i >= 0) {
            int o = i * 4;
            return rows[o] == 0 ? null : new PriceLevel(price, rows[o], rows[o + 1], rows[o + 2], rows[o + 3]);
        }
        long[] row = sparse.get(price);
        return row == null ? null : new PriceLevel(price, row[0], row[1], row[2], row[3]);
    }

    /** All rows with volume, highest price first (the terminal's order). */
    public List<PriceLevel> levels() {
        List<PriceLevel> out = new ArrayList<>();
        for (int i = 0; i < rowCount; i++) {
            int o = i * 4;
            if (rows[o] > 0) {
                out.add(new PriceLevel(base + i * tick, rows[o], rows[o + 1], rows[o + 2], rows[o + 3]));
            }
        }
        for (Map.Entry<Long, long[]> e : sparse.entrySet()) {
            long[] r = e.getValue();
            out.add(new PriceLevel(e.getKey(), r[0], r[1], r[2], r[3]));
        }
        out.sort((a, b) -> Long.compare(b.price(), a.price()));
        return out;
    }

    /** Total 外盘 (active buy) volume. */
    public long buyVolume() {
        return column(1);
    }

    /** Total 内盘 (active sell) volume. */
    public long sellVolume() {
        return column(2);
    }

    private long column(int c) {
        long sum = 0;
        for (int i = 0; i < rowCount; i++) {
            sum += rows[i * 4 + c];
        }
        for (long[] r : sparse.values()) {
            sum += r[c];
        }
        return sum;
    }
}
