package com.quotebus.core.adjust;

import com.quotebus.core.kline.Bar;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The adjustment factors of one code, in strictly increasing date order, and the price adjustment
 * they define. Immutable and thread-safe.
 *
 * <p>A bar uses the factor in effect on its trading day: the last factor dated on or before it. A day
 * before the first factor takes the first factor (vendors start the series at listing, so such a day
 * has no known event before it). A code without factors adjusts to its prices as traded.
 *
 * <p>Adjusted prices are exact decimal products rounded half-up to the nearest minor unit
 * (0.0001 yuan). Volume, turnover and open interest are left as traded: turnover is money that
 * changed hands, and volume stays comparable with the exchange's published figures (通达信 does
 * the same); divide volume by the price ratio yourself if you need share-equivalent volume.
 */
public final class AdjustFactors {
    private final String code;
    private final LocalDate[] dates;
    private final BigDecimal[] factors;

    private AdjustFactors(String code, LocalDate[] dates, BigDecimal[] factors) {
        this.code = code;
        this.dates = dates;
        this.factors = factors;
    }

    /**
     * Factors for {@code code}, oldest first.
     *
     * @throws IllegalArgumentException if dates are not strictly increasing (unsorted or duplicated),
     *                                  naming the offending entries
     */
    public static AdjustFactors of(String code, List<AdjustFactor> factors) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("adjustment factors need a code");
        }
        LocalDate[] dates = new LocalDate[factors.size()];
        BigDecimal[] values = new BigDecimal[factors.size()];
        for (int i = 0; i < factors.size(); i++) {
            AdjustFactor f = factors.get(i);
            if (f == null) {
                throw new IllegalArgumentException(code + ": adjustment factor " + i + " is missing");
            }
            if (i > 0 && !f.date().isAfter(dates[i - 1])) {
                throw new IllegalArgumentException(code + ": adjustment factor dates must strictly increase, but "
                        + f.date() + (f.date().equals(dates[i - 1]) ? " appears twice" : " follows " + dates[i - 1]));
            }
            dates[i] = f.date();
            values[i] = f.factor();
        }
        return new AdjustFactors(code, dates, values);
    }

    /** A code with no corporate actions: every adjustment leaves prices as traded. */
    public static AdjustFactors none(String code) {
        return of(code, List.of());
    }

    public String code() {
        return code;
    }

    /** The factors, oldest first. */
    public List<AdjustFactor> factors() {
        List<AdjustFactor> list = new ArrayList<>(dates.length);
        for (int i = 0; i < dates.length; i++) {
            list.add(new AdjustFactor(dates[i], factors[i]));
        }
        return list;
    }

    /** The factor in effect on {@code day} (1 when there are no factors). */
    public BigDecimal factorOn(LocalDate day) {
        if (dates.length == 0) {
            return BigDecimal.ONE;
        }
        int lo = 0;
        int hi = dates.length - 1;
        // Last index with dates[i] <= day; the first factor when day precedes them all.
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (!dates[mid].isAfter(day)) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return factors[found];
    }

    /** The latest factor, the divisor of forward adjustment (1 when there are no factors). */
    public BigDecimal latest() {
        return dates.length == 0 ? BigDecimal.ONE : factors[factors.length - 1];
    }

    /** One price (minor units) traded on {@code day}, adjusted and rounded half-up to a minor unit. */
    public long adjust(long price, LocalDate day, Adjustment mode) {
        return switch (mode) {
            case NONE -> price;
            case BACKWARD -> round(BigDecimal.valueOf(price).multiply(factorOn(day)));
            case FORWARD -> BigDecimal.valueOf(price).multiply(factorOn(day))
                    .divide(latest(), 0, RoundingMode.HALF_UP).longValueExact();
        };
    }

    private static long round(BigDecimal value) {
        return value.setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * The bars with open, high, low and close adjusted; everything else as traded. Bars keep their
     * order and closed flag; {@code NONE} returns an equal list.
     *
     * @throws IllegalArgumentException if a bar belongs to another code
     */
    public List<Bar> adjust(List<Bar> bars, Adjustment mode) {
        List<Bar> out = new ArrayList<>(bars.size());
        for (Bar b : bars) {
            if (!code.equals(b.code())) {
                throw new IllegalArgumentException("bar of " + b.code() + " cannot be adjusted with factors of " + code);
            }
            if (mode == Adjustment.NONE) {
                out.add(b);
                continue;
            }
            LocalDate day = b.tradingDay();
            out.add(new Bar(b.code(), b.period(), day, b.start(), b.end(), adjust(b.open(), day, mode),
                    adjust(b.high(), day, mode), adjust(b.low(), day, mode), adjust(b.close(), day, mode),
                    b.volume(), b.turnover(), b.openInterest(), b.closed()));
        }
        return out;
    }

    @Override
    public String toString() {
        return "AdjustFactors[" + code + ", " + dates.length + " factors]";
    }
}
