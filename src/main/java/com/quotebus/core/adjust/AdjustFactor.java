package com.quotebus.core.adjust;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A cumulative adjustment factor as vendors publish it: from {@code date} (an ex-date, or the
 * listing date) on, a bar's price times this factor is its backward-adjusted (后复权) price.
 *
 * @param date   first trading day the factor applies to
 * @param factor cumulative factor, &gt; 0, kept as the exact decimal the vendor sent
 */
public record AdjustFactor(LocalDate date, BigDecimal factor) {

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
