package com.quotebus.core.pricevol;

import com.quotebus.core.event.Side;
import java.util.ArrayList;
import java.util.Arrays;
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
    private final long[] volume;
    private final long[] buy;
    private final long[] sell;
    private final long[] trades;
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
        long rows = upperLimit > 0 && upperLimit >= lowerLimit ? (upperLimit - lowerLimit) / tick + 1 : 0;
        if (rows > MAX_DENSE_ROWS) {
            rows = 0;
        }
        this.base = lowerLimit;
        int n = (int) rows;
        volume = new long[n];
        buy = new long[n];
        sell = new long[n];
        trades = new long[n];
    }

    /** Adds a trade (or a snapshot volume difference) at a price. */
    public void add(long price, long qty, Side side) {
        dayVolume += qty;
        lastChangedPrice = price;
        long offset = price - base;
        if (offset >= 0 && offset % tick == 0 && offset / tick < volume.length) {
            int i = (int) (offset / tick);
            volume[i] += qty;
            trades[i]++;
            if (side == Side.BUY) {
                buy[i] += qty;
            } else if (side == Side.SELL) {
                sell[i] += qty;
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
        long offset = price - base;
        if (offset >= 0 && offset % tick == 0 && offset / tick < volume.length) {
            int i = (int) (offset / tick);
            return volume[i] == 0 ? null : new PriceLevel(price, volume[i], buy[i], sell[i], trades[i]);
        }
        long[] row = sparse.get(price);
        return row == null ? null : new PriceLevel(price, row[0], row[1], row[2], row[3]);
    }

    /** All rows with volume, highest price first (the terminal's order). */
    public List<PriceLevel> levels() {
        List<PriceLevel> out = new ArrayList<>();
        for (int i = 0; i < volume.length; i++) {
            if (volume[i] > 0) {
                out.add(new PriceLevel(base + i * tick, volume[i], buy[i], sell[i], trades[i]));
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
        return Arrays.stream(buy).sum() + sparse.values().stream().mapToLong(r -> r[1]).sum();
    }

    /** Total 内盘 (active sell) volume. */
    public long sellVolume() {
        return Arrays.stream(sell).sum() + sparse.values().stream().mapToLong(r -> r[2]).sum();
    }
}
