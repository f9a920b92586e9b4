package com.quotebus.collector.sim;

import com.quotebus.core.adjust.CorporateAction;
import com.quotebus.core.time.TradingCalendar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The simulator's daily model: for every symbol and trading day, a seeded open/high/low/close/volume whose
 * previous close is the previous trading day's close (on an ex-date: the reference price), computed without
 * generating ticks. The chain starts at
 * the first trading day of the calendar's first year (the anchor) at the symbol's base price. The tick
 * generator uses these values as the day's targets, so live days and past days agree.
 *
 * <p>Corporate actions: one stock in {@value #ACTION_SHARE} (chosen by the seed) has ex-dates in the anchor's year
 * and the next — a cash dividend in May–July, a rights issue (10配2 to 10配3 at 70–85% of the price) in
 * September–November, then a cash dividend with bonus shares (10送10 or 10转增5) in May–July, and for half of
 * them an interim dividend in September–October — amounts drawn from the seed and the last close. An ex-date's
 * previous close is the exchange's reference price ({@link CorporateAction#referencePrice}), from which the
 * day moves and its limits are set, so the raw prices jump on the ex-date as traded prices do. Actions are
 * simulated only before {@code actionsBefore}, the first live day: the live market continues from the last
 * close as it stands, and the adjustment factors stored with the seeded history stay complete.
 *
 * <p>Cost: the first request for a symbol walks the days from the anchor (a few hundred steps); closes are
 * cached per symbol (one long per trading day, at most {@value #MAX_DAYS} days). Thread-safe.
 */
public final class DailyHistory {
    static final int MAX_DAYS = 20 * 260;
    /** One stock in this many has corporate actions. */
    static final int ACTION_SHARE = 10;
    private static final BigDecimal[] RIGHTS_RATIOS = {new BigDecimal("0.2"), new BigDecimal("0.25"),
            new BigDecimal("0.3")};
    private static final BigDecimal[] BONUS_RATIOS = {BigDecimal.ONE, new BigDecimal("0.5")};

    /** What a planned ex-date brings; its amounts are drawn when the chain reaches it (they follow the price). */
    private enum ActionKind { DIVIDEND, RIGHTS, BONUS }

    private final long seed;
    private final TradingCalendar calendar;
    private final LocalDate anchor;
    private final LocalDate actionsBefore;
    private final List<LocalDate> days = new ArrayList<>();
    private final long[][] closes;
    private final int[] known;
    private final List<SimSymbol> symbols;
    private final Map<LocalDate, ActionKind>[] plans;

    /** A history without corporate actions. */
    public DailyHistory(long seed, SimUniverse universe, TradingCalendar calendar) {
        this(seed, universe, calendar, null);
    }

    /**
     * @param actionsBefore corporate actions are simulated on ex-dates before this day only (the first live
     *                      trading day); {@code null}: none at all
     */
    @SuppressWarnings("unchecked")
    public DailyHistory(long seed, SimUniverse universe, TradingCalendar calendar, LocalDate actionsBefore) {
        this.seed = seed;
        this.calendar = calendar;
        this.anchor = calendar.onOrAfter(LocalDate.of(calendar.firstYear(), 1, 1));
        this.actionsBefore = actionsBefore;
        this.symbols = universe.symbols();
        this.closes = new long[symbols.size()][];
        this.known = new int[symbols.size()];
        this.plans = new Map[symbols.size()];
    }

    public LocalDate anchor() {
        return anchor;
    }

    /** Corporate actions are simulated before this day only; {@code null}: none. */
    public LocalDate actionsBefore() {
        return actionsBefore;
    }

    /** The corporate actions of a symbol with ex-dates up to {@code to}, oldest first. */
    public synchronized List<CorporateAction> corporateActions(SimSymbol symbol, LocalDate to) {
        List<CorporateAction> out = new ArrayList<>();
        for (LocalDate exDate : plan(symbol).keySet()) {
            if (!exDate.isAfter(to)) {
                out.add(day(symbol, exDate).exRights());
            }
        }
        return out;
    }

    /** The summary of a symbol's trading day (anchor ≤ day). */
    public synchronized DailySummary day(SimSymbol symbol, LocalDate day) {
        int k = dayIndex(day);
        long preClose = k == 0 ? symbol.basePrice() : close(symbol, k - 1);
        return summary(symbol, day, preClose);
    }

    /** Summaries of every trading day in {@code [from, to]}, oldest first. */
    public synchronized List<DailySummary> days(SimSymbol symbol, LocalDate from, LocalDate to) {
        List<DailySummary> out = new ArrayList<>();
        for (LocalDate d = calendar.onOrAfter(from); !d.isAfter(to); d = calendar.nextTradingDay(d)) {
            out.add(day(symbol, d));
        }
        return out;
    }

    private long close(SimSymbol symbol, int k) {
        int i = symbol.index();
        if (closes[i] == null) {
            closes[i] = new long[Math.max(16, k + 1)];
        } else if (closes[i].length <= k) {
            closes[i] = Arrays.copyOf(closes[i], Math.max(closes[i].length * 2, k + 1));
        }
        while (known[i] <= k) {
            int j = known[i];
            long pre = j == 0 ? symbol.basePrice() : closes[i][j - 1];
            closes[i][j] = summary(symbol, days.get(j), pre).close();
            known[i]++;
        }
        return closes[i][k];
    }

    private int dayIndex(LocalDate day) {
        if (day.isBefore(anchor)) {
            throw new IllegalArgumentException("simulated history starts " + anchor + "; " + day + " is before it");
        }
        if (!calendar.isTradingDay(day)) {
            throw new IllegalArgumentException(day + " is not a trading day");
        }
        if (days.isEmpty()) {
            days.add(anchor);
        }
        while (days.get(days.size() - 1).isBefore(day)) {
            if (days.size() >= MAX_DAYS) {
                throw new IllegalArgumentException(day + " is more than " + MAX_DAYS + " trading days after " + anchor);
            }
            days.add(calendar.nextTradingDay(days.get(days.size() - 1)));
        }
        int k = java.util.Collections.binarySearch(days, day);
        return k;
    }

    static SplittableRandom random(long seed, SimSymbol symbol, LocalDate day, int stream) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h ^= symbol.codeText().hashCode() * 0xC2B2AE3D27D4EB4FL;
        h ^= day.toEpochDay() * 0x165667B19E3779F9L;
        h ^= stream * 0xD6E8FEB86659FD93L;
        return new SplittableRandom(h);
    }

    /** The day after a close of {@code lastClose}: on an ex-date it starts from the reference price. */
    private DailySummary summary(SimSymbol s, LocalDate day, long lastClose) {
        ActionKind kind = plan(s).get(day);
        if (kind == null) {
            return model(s, day, lastClose, null);
        }
        CorporateAction action = action(s, day, kind, lastClose);
        return model(s, day, action.referencePrice(lastClose, s.tick()), action);
    }

    /** The ex-dates of a symbol (empty for most), drawn from the seed alone. */
    private Map<LocalDate, ActionKind> plan(SimSymbol s) {
        Map<LocalDate, ActionKind> p = plans[s.index()];
        if (p != null) {
            return p;
        }
        p = new TreeMap<>();
        SplittableRandom r = random(seed, s, anchor, 2);
        if (actionsBefore != null && !s.isFuture() && r.nextInt(ACTION_SHARE) == 0) {
            int y = anchor.getYear();
            plan(p, r, LocalDate.of(y, 5, 20), LocalDate.of(y, 7, 31), ActionKind.DIVIDEND);
            plan(p, r, LocalDate.of(y, 9, 2), LocalDate.of(y, 11, 28), ActionKind.RIGHTS);
            plan(p, r, LocalDate.of(y + 1, 5, 20), LocalDate.of(y + 1, 7, 31), ActionKind.BONUS);
            if (r.nextBoolean()) {
                plan(p, r, LocalDate.of(y + 1, 9, 15), LocalDate.of(y + 1, 10, 31), ActionKind.DIVIDEND);
            }
        }
        plans[s.index()] = p;
        return p;
    }

    private void plan(Map<LocalDate, ActionKind> p, SplittableRandom r, LocalDate from, LocalDate to, ActionKind kind) {
        LocalDate d = from.plusDays(r.nextInt((int) (to.toEpochDay() - from.toEpochDay()) + 1));
        if (d.getYear() > calendar.lastYear()) {
            return;
        }
        d = calendar.onOrAfter(d);
        if (d.isAfter(anchor) && d.isBefore(actionsBefore)) {
            p.put(d, kind);
        }
    }

    /** The action of an ex-date, its amounts drawn from the seed and scaled to the last close. */
    private CorporateAction action(SimSymbol s, LocalDate exDate, ActionKind kind, long lastClose) {
        SplittableRandom r = random(seed, s, exDate, 3);
        return switch (kind) {
            case DIVIDEND -> CorporateAction.cashDividend(exDate, cash(lastClose, 0.008 + 0.027 * r.nextDouble()));
            case RIGHTS -> new CorporateAction(exDate, 0, BigDecimal.ZERO, RIGHTS_RATIOS[r.nextInt(RIGHTS_RATIOS.length)],
                    Math.max(s.tick(), s.roundToTick(lastClose * (0.70 + 0.15 * r.nextDouble()))));
            case BONUS -> new CorporateAction(exDate, cash(lastClose, 0.005 + 0.01 * r.nextDouble()),
                    BONUS_RATIOS[r.nextInt(BONUS_RATIOS.length)], BigDecimal.ZERO, 0);
        };
    }

    /** A dividend of about {@code yield} of the price, in whole 0.001 yuan (每10股派 to the fen). */
    private static long cash(long price, double yield) {
        return Math.max(10, Math.round(price * yield / 10) * 10);
    }

    private DailySummary model(SimSymbol s, LocalDate day, long preClose, CorporateAction exRights) {
        SplittableRandom r = random(seed, s, day, 0);
        long upper = s.upperLimit(preClose);
        long lower = s.lowerLimit(preClose);
        double maxMove = (s.limitPct() - 0.5) / 100.0;
        double ret = clamp(gaussian(r) * 0.02, -maxMove, maxMove);
        long close = clampTick(s, preClose * (1 + ret), lower, upper);
        long open = clampTick(s, preClose * (1 + clamp(gaussian(r) * 0.006, -maxMove, maxMove)), lower, upper);
        long high = clampTick(s, Math.max(open, close) + Math.abs(gaussian(r)) * 0.008 * preClose, lower, upper);
        long low = clampTick(s, Math.min(open, close) - Math.abs(gaussian(r)) * 0.008 * preClose, lower, upper);
        high = Math.max(high, Math.max(open, close));
        low = Math.min(low, Math.min(open, close));
        long baseLots = Math.max(10, Math.round(2_000_000 * s.weight()));
        long volume = Math.max(1, Math.round(baseLots * Math.exp(gaussian(r) * 0.4))) * s.lot();
        long turnover = volume * ((open + high + low + close) / 4) * s.multiplier();
        return new DailySummary(s.codeText(), day, preClose, open, high, low, close, volume, turnover, upper, lower,
                exRights);
    }

    static long clampTick(SimSymbol s, double price, long lower, long upper) {
        return Math.max(lower, Math.min(upper, s.roundToTick(price)));
    }

    static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** A standard normal draw (Box–Muller; SplittableRandom has no nextGaussian in Java 17). */
    static double gaussian(SplittableRandom r) {
        double u1 = r.nextDouble();
        double u2 = r.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
    }
}
