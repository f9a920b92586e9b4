package com.quotebus.core.adjust;

import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import com.quotebus.core.time.ChinaTime;
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
 *
 * <p>A bar of one trading day (intraday periods, day) takes that day's factor. A week, month, quarter or
 * year bar whose days have different factors (an ex-date inside it) has no single factor: it is rebuilt
 * from its adjusted day bars ({@link #adjust(List, List, Adjustment)}), as vendors do.
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

    /**
     * The same adjustment with the factors that repeat their predecessor left out (vendors such as Tushare
     * publish a row for every trading day; only the changes matter).
     */
    public AdjustFactors compacted() {
        List<AdjustFactor> kept = new ArrayList<>();
        for (int i = 0; i < dates.length; i++) {
            if (i == 0 || factors[i].compareTo(factors[i - 1]) != 0) {
                kept.add(new AdjustFactor(dates[i], factors[i]));
            }
        }
        return kept.size() == dates.length ? this : of(code, kept);
    }

    /** Number of factors. */
    public int size() {
        return dates.length;
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
     * The bars with open, high, low and close adjusted, each with the factor of its trading day; everything
     * else as traded. Bars keep their order and closed flag; {@code NONE} returns an equal list. For a
     * multi-day bar over an ex-date ({@link #needsDayBars}) use {@link #adjust(List, List, Adjustment)}.
     *
     * @throws IllegalArgumentException if a bar belongs to another code
     */
    public List<Bar> adjust(List<Bar> bars, Adjustment mode) {
        return adjust(bars, List.of(), mode);
    }

    /**
     * Whether {@code bar} is a week, month, quarter or year bar whose days do not all have the same factor, so
     * that adjusting it needs its day bars.
     */
    public boolean needsDayBars(Bar bar) {
        if (bar.period().isIntraday() || bar.period() == Period.DAY || dates.length < 2) {
            return false;
        }
        // The day the bar starts on (the eve's date for a night session: one day early is harmless, the
        // day bars decide) and its last trading day.
        LocalDate first = ChinaTime.date(bar.start());
        return factorOn(first).compareTo(factorOn(bar.tradingDay())) != 0;
    }

    /**
     * The bars adjusted as {@link #adjust(List, Adjustment)} does, except that a bar that {@link #needsDayBars}
     * is rebuilt from its adjusted day bars (those of {@code days} that end within it): open of the first,
     * highest high, lowest low, close of the last. Volume, turnover, open interest and times stay the bar's.
     * A bar with none of its days in {@code days} takes the factor of its last trading day.
     *
     * @param days day bars of this code, oldest first, covering the bars that need them (more do no harm)
     * @throws IllegalArgumentException if a bar or day bar belongs to another code
     */
    public List<Bar> adjust(List<Bar> bars, List<Bar> days, Adjustment mode) {
        long[] dayEnds = new long[days.size()];
        for (int i = 0; i < days.size(); i++) {
            Bar d = days.get(i);
            checkCode(d);
            if (i > 0 && d.end() <= dayEnds[i - 1]) {
                throw new IllegalArgumentException("day bars of " + code + " must be oldest first");
            }
            dayEnds[i] = d.end();
        }
        List<Bar> out = new ArrayList<>(bars.size());
        for (Bar b : bars) {
            checkCode(b);
            if (mode == Adjustment.NONE) {
                out.add(b);
                continue;
            }
            LocalDate day = b.tradingDay();
            int from = firstEndAfter(dayEnds, b.start());
            int to = firstEndAfter(dayEnds, b.end()); // exclusive
            if (needsDayBars(b) && from < to) {
                Bar first = days.get(from);
                Bar last = days.get(to - 1);
                long high = Long.MIN_VALUE;
                long low = Long.MAX_VALUE;
                for (int i = from; i < to; i++) {
                    Bar d = days.get(i);
                    high = Math.max(high, adjust(d.high(), d.tradingDay(), mode));
                    low = Math.min(low, adjust(d.low(), d.tradingDay(), mode));
                }
                out.add(new Bar(b.code(), b.period(), day, b.start(), b.end(),
                        adjust(first.open(), first.tradingDay(), mode), high, low,
                        adjust(last.close(), last.tradingDay(), mode), b.volume(), b.turnover(), b.openInterest(),
                        b.closed()));
                continue;
            }
            out.add(new Bar(b.code(), b.period(), day, b.start(), b.end(), adjust(b.open(), day, mode),
                    adjust(b.high(), day, mode), adjust(b.low(), day, mode), adjust(b.close(), day, mode),
                    b.volume(), b.turnover(), b.openInterest(), b.closed()));
        }
        return out;
    }

    private void checkCode(Bar b) {
        if (!code.equals(b.code())) {
            throw new IllegalArgumentException("bar of " + b.code() + " cannot be adjusted with factors of " + code);
        }
    }

    /** Index of the first end &gt; {@code t} in the sorted {@code ends} ({@code ends.length} if none). */
    private static int firstEndAfter(long[] ends, long t) {
        int lo = 0;
        int hi = ends.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (ends[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    @Override
    public String toString() {
        return "AdjustFactors[" + code + ", " + dates.length + " factors]";
    }
}
