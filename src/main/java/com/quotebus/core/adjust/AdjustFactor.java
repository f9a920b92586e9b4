package com.quotebus.core.adjust;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A cumulative adjustment factor as vendors publish it: from {@code date} (an ex-date, or the
 * listing date) on, a bar's price times this factor is its backward-adjusted (后复权) price.
 *
 * @param date   first trading day the factor applies to
 * @param factor cumulative factor, &gt; 0 and at most {@value #MAX_FACTOR}, at most {@value #MAX_DECIMALS}
 *               decimal places, kept as the exact decimal the vendor sent
 */
public record AdjustFactor(LocalDate date, BigDecimal factor) {
    /**
     * Largest factor accepted. Real cumulative factors stay far below (a factor doubles with each 10-for-10
     * bonus issue; decades of them reach the hundreds); the bound keeps every adjusted price of a
     * {@code long} price in range.
     */
    public static final long MAX_FACTOR = 1_000_000L;
    /** Most decimal places accepted (vendors send 3 to 6; more only slows exact arithmetic down). */
    public static final int MAX_DECIMALS = 20;

    public AdjustFactor {
        if (date == null) {
            throw new IllegalArgumentException("adjustment factor date is missing");
        }
        if (factor == null) {
            throw new IllegalArgumentException("adjustment factor on " + date + " is missing");
        }
        if (factor.signum() <= 0) {
            throw new IllegalArgumentException("adjustment factor on " + date + " must be > 0, got "
                    + factor.toPlainString());
        }
        if (factor.compareTo(BigDecimal.valueOf(MAX_FACTOR)) > 0) {
            throw new IllegalArgumentException("adjustment factor on " + date + " must be at most " + MAX_FACTOR
                    + ", got " + factor.toPlainString());
        }
        if (factor.stripTrailingZeros().scale() > MAX_DECIMALS) {
            throw new IllegalArgumentException("adjustment factor on " + date + " has more than " + MAX_DECIMALS
                    + " decimal places: " + factor.toPlainString());
        }
    }

    /** From decimal text such as {@code "1.352417"}. */
    public static AdjustFactor of(LocalDate date, String factor) {
        try {
            return new AdjustFactor(date, new BigDecimal(factor.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("adjustment factor on " + date + " is not a number: '" + factor + "'", e);
        }
    }

    /** From a double, taken at its shortest decimal representation ({@link BigDecimal#valueOf(double)}). */
    public static AdjustFactor of(LocalDate date, double factor) {
        if (!Double.isFinite(factor)) {
            throw new IllegalArgumentException("adjustment factor on " + date + " must be finite, got " + factor);
        }
        return new AdjustFactor(date, BigDecimal.valueOf(factor));
    }
}
