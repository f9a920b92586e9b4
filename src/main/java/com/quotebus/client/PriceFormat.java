package com.quotebus.client;

import com.quotebus.core.instrument.Prices;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Text for prices in minor units (1/10000 yuan) and for changes. */
public final class PriceFormat {
    private PriceFormat() {
    }

    /** Yuan with 2 decimals, rounded half-up: {@code 102300 → "10.23"}. */
    public static String yuan(long minor) {
        return Prices.format(minor, 2);
    }

    /** Yuan with the given decimals (funds and some futures quote 3). */
    public static String yuan(long minor, int decimals) {
        return Prices.format(minor, decimals);
    }

    /** {@code (value - base) / base} as a signed percentage with 2 decimals ({@code "+1.23%"}); "-" if base is 0. */
    public static String changePercent(long value, long base) {
        if (base == 0) {
            return "-";
        }
        BigDecimal pct = BigDecimal.valueOf(value - base).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(base), 2, RoundingMode.HALF_UP);
        return (pct.signum() > 0 ? "+" : "") + pct.toPlainString() + "%";
    }
}
