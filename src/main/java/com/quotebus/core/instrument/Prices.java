package com.quotebus.core.instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Integer price units. Every price in Quotebus is a {@code long} count of 1/10000 of the quote
 * currency (0.0001 yuan), the precision the Shenzhen binary feed uses for prices. Turnover is in
 * the same unit (price × quantity × multiplier), volume is in shares (stocks) or contracts (futures).
 */
public final class Prices {
    /** Minor units per yuan. */
    public static final long SCALE = 10_000L;

    private Prices() {}

    /** Parses a decimal text such as {@code "10.23"} into minor units; rejects more than 4 decimals. */
    public static long parse(String text) {
        BigDecimal value = new BigDecimal(text.trim());
        try {
            return value.movePointRight(4).setScale(0, RoundingMode.UNNECESSARY).longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("price '" + text + "' has more than 4 decimals or is out of range", e);
        }
    }

    /** Minor units from a double, rounded half-up to the nearest unit (for vendor files that use floats). */
    public static long fromDouble(double value) {
        return Math.round(value * SCALE);
    }

    /** Minor units to a double (display and indicators only, never aggregation). */
    public static double toDouble(long minor) {
        return minor / (double) SCALE;
    }

    /** Formats minor units with the given number of decimals (2 for stocks, more for funds). */
    public static String format(long minor, int decimals) {
        return BigDecimal.valueOf(minor, 4).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
    }
}
