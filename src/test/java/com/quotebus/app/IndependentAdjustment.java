package com.quotebus.app;

import com.quotebus.core.adjust.CorporateAction;
import com.quotebus.core.kline.Bar;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The adjustment arithmetic written again from the textbook definitions, for tests to check the production
 * code against: it reads only the announced terms of each action (its record fields) and raw bars, and uses
 * none of {@code AdjustFactors}, {@code AdjustFactorTable} or {@code CorporateAction}'s computations.
 *
 * <ul>
 *   <li>ex-rights reference price = (close − D + r·P) / (1 + b + r), half-up to the tick;</li>
 *   <li>factor = 1 on the first day, × previous close / reference price on each ex-date (10 decimals, half-up);</li>
 *   <li>backward price = price × factor of its day; forward = price × factor / last factor; half-up to a minor
 *   unit; a week-or-longer bar is aggregated from its adjusted days.</li>
 * </ul>
 */
final class IndependentAdjustment {
    private IndependentAdjustment() {}

    static long referencePrice(long previousClose, CorporateAction a, long tick) {
        BigDecimal d = BigDecimal.valueOf(a.cash());
        BigDecimal p = BigDecimal.valueOf(a.rightsPrice());
        BigDecimal exact = BigDecimal.valueOf(previousClose).subtract(d).add(a.rights().multiply(p))
                .divide(BigDecimal.ONE.add(a.bonus()).add(a.rights()), MathContext.DECIMAL128);
        return exact.divide(BigDecimal.valueOf(tick), 0, RoundingMode.HALF_UP).longValueExact() * tick;
    }

    /**
     * Factors by first day: {@code first → 1}, then one per action, from the raw day bars (oldest first,
     * covering the actions' ex-dates and the day before each).
     */
    static TreeMap<LocalDate, BigDecimal> factors(LocalDate first, List<Bar> rawDays, List<CorporateAction> actions,
            long tick) {
        TreeMap<LocalDate, BigDecimal> out = new TreeMap<>();
        if (actions.isEmpty()) {
            return out;
        }
        out.put(first, BigDecimal.ONE);
        BigDecimal f = BigDecimal.ONE;
        for (CorporateAction a : actions) {
            long previousClose = -1;
            for (Bar b : rawDays) {
                if (b.tradingDay().isBefore(a.exDate())) {
                    previousClose = b.close();
                }
            }
            long ref = referencePrice(previousClose, a, tick);
            f = f.multiply(BigDecimal.valueOf(previousClose)).divide(BigDecimal.valueOf(ref), 10, RoundingMode.HALF_UP);
            out.put(a.exDate(), f);
        }
        return out;
    }

    private static BigDecimal factorOn(TreeMap<LocalDate, BigDecimal> factors, LocalDate day) {
        if (factors.isEmpty()) {
            return BigDecimal.ONE;
        }
        Map.Entry<LocalDate, BigDecimal> e = factors.floorEntry(day);
        return e != null ? e.getValue() : factors.firstEntry().getValue();
    }

    static long backward(long price, LocalDate day, TreeMap<LocalDate, BigDecimal> factors) {
        return BigDecimal.valueOf(price).multiply(factorOn(factors, day)).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    static long forward(long price, LocalDate day, TreeMap<LocalDate, BigDecimal> factors) {
        BigDecimal last = factors.isEmpty() ? BigDecimal.ONE : factors.lastEntry().getValue();
        return BigDecimal.valueOf(price).multiply(factorOn(factors, day)).divide(last, 0, RoundingMode.HALF_UP)
                .longValueExact();
    }

    /** Day bars with their prices adjusted ({@code forward} or backward). */
    static List<Bar> days(List<Bar> raw, TreeMap<LocalDate, BigDecimal> factors, boolean forward) {
        List<Bar> out = new ArrayList<>();
        for (Bar b : raw) {
            LocalDate d = b.tradingDay();
            out.add(new Bar(b.code(), b.period(), d, b.start(), b.end(), price(b.open(), d, factors, forward),
                    price(b.high(), d, factors, forward), price(b.low(), d, factors, forward),
                    price(b.close(), d, factors, forward), b.volume(), b.turnover(), b.openInterest(), b.closed()));
        }
        return out;
    }

    /** A week-or-longer bar with its prices aggregated from the adjusted day bars that end within it. */
    static Bar aggregate(Bar raw, List<Bar> adjustedDays) {
        List<Bar> in = adjustedDays.stream().filter(d -> d.end() > raw.start() && d.end() <= raw.end()).toList();
        return new Bar(raw.code(), raw.period(), raw.tradingDay(), raw.start(), raw.end(), in.get(0).open(),
                in.stream().mapToLong(Bar::high).max().orElseThrow(), in.stream().mapToLong(Bar::low).min().orElseThrow(),
                in.get(in.size() - 1).close(), raw.volume(), raw.turnover(), raw.openInterest(), raw.closed());
    }

    private static long price(long p, LocalDate d, TreeMap<LocalDate, BigDecimal> factors, boolean forward) {
        return forward ? forward(p, d, factors) : backward(p, d, factors);
    }
}
