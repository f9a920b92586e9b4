package com.quotebus.core.event;

import java.util.Arrays;

/**
 * One side of an order book: best level first. Level-1 feeds give 5 levels without order counts
 * ({@code orders == null}); level-2 feeds give 10 levels with order counts. Arrays are owned by the
 * record and must not be modified after construction.
 *
 * @param prices  price per level, minor units (0 = empty level)
 * @param volumes quantity per level, shares or contracts
 * @param orders  number of orders per level, or {@code null} when the source has no counts
 */
public record BookSide(long[] prices, long[] volumes, int[] orders) {
    /** An empty side of depth 0. */
    public static final BookSide EMPTY = new BookSide(new long[0], new long[0], null);

    public BookSide {
        if (prices.length != volumes.length || (orders != null && orders.length != prices.length)) {
            throw new IllegalArgumentException("book arrays differ in length");
        }
    }

    public int depth() {
        return prices.length;
    }

    public boolean hasOrderCounts() {
        return orders != null;
    }

    public long price(int level) {
        return level < prices.length ? prices[level] : 0;
    }

    public long volume(int level) {
        return level < volumes.length ? volumes[level] : 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BookSide b && Arrays.equals(prices, b.prices) && Arrays.equals(volumes, b.volumes)
                && Arrays.equals(orders, b.orders);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(prices) + Arrays.hashCode(volumes)) + Arrays.hashCode(orders);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < prices.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(prices[i]).append('x').append(volumes[i]);
            if (orders != null) {
                sb.append('/').append(orders[i]);
            }
        }
        return sb.append(']').toString();
    }
}
