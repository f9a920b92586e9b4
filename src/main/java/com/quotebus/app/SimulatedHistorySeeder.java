package com.quotebus.app;

import com.quotebus.calculator.history.HistoryStore;
import com.quotebus.collector.sim.DailyHistory;
import com.quotebus.collector.sim.DailySummary;
import com.quotebus.collector.sim.SimSymbol;
import com.quotebus.collector.sim.SimUniverse;
import com.quotebus.core.adjust.AdjustFactor;
import com.quotebus.core.adjust.CorporateAction;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import com.quotebus.core.market.SymbolState;
import com.quotebus.core.minute.MinutePoint;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingDaySchedule;
import com.quotebus.core.time.TradingSchedules;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Gives a simulated market its past, so that every query and indicator returns real series from the
 * first second: day bars from the simulator's daily model ({@link DailyHistory}, the same chain the live
 * day continues: today's previous close is the last seeded close) since the model's anchor, week to year
 * bars aggregated from them, and for the last {@code minuteDays} trading days a complete 分时 line and
 * the intraday bars built from it.
 *
 * <p>The bars are raw (不复权): on a corporate action's ex-date the price jumps to the reference price. The
 * seeder stores the matching cumulative adjustment factors of every simulated symbol (1 from the anchor day,
 * then {@code factor × last close / reference price} from each ex-date; {@link CorporateAction#nextFactor}),
 * replacing whatever factors the store held for those codes, so {@code adjust=forward|backward} works from
 * the first second.
 *
 * <p>A day with a minute line is synthesised from its daily summary: a seeded Brownian bridge from the
 * open to the close that touches exactly the day's high and low, on the tick, with a U-shaped volume
 * profile; its day bar is the aggregate of that line (so bars of every period agree). Seeding is
 * recorded in the store and not repeated for the same seed, universe and live day.
 */
final class SimulatedHistorySeeder {
    private static final int BATCH = 20_000;

    private final SimUniverse universe;
    private final DailyHistory history;
    private final TradingSchedules schedules;
    private final TradingCalendar calendar;
    private final HistoryStore store;
    private final long seed;

    SimulatedHistorySeeder(SimUniverse universe, DailyHistory history, TradingSchedules schedules, HistoryStore store,
                           long seed) {
        this.universe = universe;
        this.history = history;
        this.schedules = schedules;
        this.calendar = schedules.calendar();
        this.store = store;
        this.seed = seed;
    }

    /** Seeds everything before {@code liveDay}; returns the number of bars written (0 when already seeded). Blocking. */
    long seed(LocalDate liveDay, int minuteDays, Consumer<String> progress) {
        Run run = start(liveDay, minuteDays, progress);
        if (run == null) {
            return 0;
        }
        while (run.next(Integer.MAX_VALUE)) {
            // one slice: everything
        }
        return run.written();
    }

    /**
     * Begins seeding everything before {@code liveDay} in slices, or returns null when the store is seeded already
     * for this seed, universe, live day and number of minute-line days. Blocking (reads the store).
     */
    Run start(LocalDate liveDay, int minuteDays, Consumer<String> progress) {
        // v2: with corporate actions and their factors (a store seeded before them is seeded again)
        String marker = "seeded:v2:" + seed + ":" + universe.size() + ":" + liveDay + ":" + minuteDays;
        if (store.meta(marker) != null) {
            progress.accept("history already seeded (" + marker + ")");
            return null;
        }
        return new Run(marker, liveDay, minuteDays, progress);
    }

    /**
     * One seeding, a slice of symbols per {@link #next} call (so that no worker is held for the whole of it and
     * the node's other blocking work runs in between). Not thread-safe; call its methods one after the other
     * (from any worker).
     */
    final class Run {
        private final String marker;
        private final LocalDate liveDay;
        private final int minuteDays;
        private final Consumer<String> progress;
        private final LocalDate last;
        private final LocalDate firstMinuteDay;
        private final java.util.Iterator<SimSymbol> symbols;
        private final List<Bar> batch = new ArrayList<>(BATCH);
        private final Map<String, List<AdjustFactor>> factors = new LinkedHashMap<>();
        private int actions;
        private long written;
        private int done;

        private Run(String marker, LocalDate liveDay, int minuteDays, Consumer<String> progress) {
            this.marker = marker;
            this.liveDay = liveDay;
            this.minuteDays = minuteDays;
            this.progress = progress;
            this.last = calendar.previousTradingDay(liveDay);
            LocalDate first = last;
            for (int i = 1; i < minuteDays; i++) {
                first = calendar.previousTradingDay(first);
            }
            this.firstMinuteDay = first;
            this.symbols = universe.symbols().iterator();
        }

        /**
         * Seeds up to {@code count} more symbols; after the last one, writes the factors and the marker.
         * Returns whether symbols remain. Blocking.
         */
        boolean next(int count) {
            for (int i = 0; i < count && symbols.hasNext(); i++) {
                seedSymbol(symbols.next());
            }
            if (symbols.hasNext()) {
                return true;
            }
            store.putBars(batch);
            written += batch.size();
            batch.clear();
            store.replaceAdjustFactors(factors);
            store.putMeta(marker, Long.toString(written).getBytes(StandardCharsets.UTF_8));
            progress.accept("seeded " + written + " bars of simulated history for " + universe.size() + " symbols"
                    + " (" + minuteDays + " days of minute lines; " + actions + " corporate actions of "
                    + factors.values().stream().filter(f -> !f.isEmpty()).count() + " symbols, with their factors)");
            return false;
        }

        /** Bars written so far. */
        long written() {
            return written;
        }

        private void seedSymbol(SimSymbol s) {
            List<Bar> days = new ArrayList<>();
            List<AdjustFactor> symbolFactors = new ArrayList<>();
            BigDecimal factor = BigDecimal.ONE;
            long lastClose = 0;
            for (DailySummary d : history.days(s, history.anchor(), last)) {
                if (d.exRights() != null) {
                    if (symbolFactors.isEmpty()) {
                        symbolFactors.add(new AdjustFactor(history.anchor(), factor));
                    }
                    factor = CorporateAction.nextFactor(factor, lastClose, d.preClose());
                    symbolFactors.add(new AdjustFactor(d.tradingDay(), factor));
                    actions++;
                }
                lastClose = d.close();
                if (minuteDays > 0 && !d.tradingDay().isBefore(firstMinuteDay)) {
                    List<Bar> intraday = new ArrayList<>();
                    List<MinutePoint> line = minuteLine(s, d, intraday);
                    store.putMinuteLine(s.codeText(), d.tradingDay(), line);
                    batch.addAll(intraday);
                    days.add(dayBar(s, d.tradingDay(), intraday));
                } else {
                    TradingDaySchedule sch = schedules.schedule(s.template(), d.tradingDay());
                    days.add(new Bar(s.codeText(), Period.DAY, d.tradingDay(), sch.firstStart(), sch.close(), d.open(),
                            d.high(), d.low(), d.close(), d.volume(), d.turnover(), 0, true));
                }
            }
            factors.put(s.codeText(), symbolFactors);
            batch.addAll(days);
            for (Period p : new Period[] {Period.WEEK, Period.MONTH, Period.QUARTER, Period.YEAR}) {
                batch.addAll(aggregate(s, p, days, liveDay));
            }
            if (batch.size() >= BATCH) {
                store.putBars(batch);
                written += batch.size();
                batch.clear();
            }
            if (++done % 500 == 0) {
                progress.accept("seeding simulated history: " + done + "/" + universe.size() + " symbols");
            }
        }
    }

    /** Closed week/month/quarter/year bars of the periods that ended before the live day's period. */
    private List<Bar> aggregate(SimSymbol s, Period p, List<Bar> days, LocalDate liveDay) {
        Map<LocalDate, List<Bar>> groups = new LinkedHashMap<>();
        for (Bar d : days) {
            groups.computeIfAbsent(SymbolState.periodFirstDay(p, d.tradingDay()), k -> new ArrayList<>()).add(d);
        }
        LocalDate livePeriod = SymbolState.periodFirstDay(p, liveDay);
        List<Bar> out = new ArrayList<>();
        for (Map.Entry<LocalDate, List<Bar>> g : groups.entrySet()) {
            if (!g.getKey().isBefore(livePeriod)) {
                continue; // the live period's bar is built live (earlier days carried in)
            }
            List<Bar> ds = g.getValue();
            LocalDate lastDay = calendar.onOrBefore(SymbolState.periodLastDay(p, g.getKey()));
            long end = schedules.schedule(s.template(), lastDay).close();
            out.add(new Bar(s.codeText(), p, ds.get(ds.size() - 1).tradingDay(), ds.get(0).start(), end,
                    ds.get(0).open(), ds.stream().mapToLong(Bar::high).max().orElseThrow(),
                    ds.stream().mapToLong(Bar::low).min().orElseThrow(), ds.get(ds.size() - 1).close(),
                    ds.stream().mapToLong(Bar::volume).sum(), ds.stream().mapToLong(Bar::turnover).sum(), 0, true));
        }
        return out;
    }

    private static Bar dayBar(SimSymbol s, LocalDate day, List<Bar> intraday) {
        List<Bar> ones = intraday.stream().filter(b -> b.period() == Period.M1).toList();
        return new Bar(s.codeText(), Period.DAY, day, ones.get(0).start(), ones.get(ones.size() - 1).end(),
                ones.get(0).open(), ones.stream().mapToLong(Bar::high).max().orElseThrow(),
                ones.stream().mapToLong(Bar::low).min().orElseThrow(), ones.get(ones.size() - 1).close(),
                ones.stream().mapToLong(Bar::volume).sum(), ones.stream().mapToLong(Bar::turnover).sum(), 0, true);
    }

    /**
     * The day's 分时 line, and into {@code intraday} its 1m bars and the longer intraday bars aggregated
     * from them (the core's rule: N consecutive trading minutes; minutes without volume make no bar).
     */
    List<MinutePoint> minuteLine(SimSymbol s, DailySummary d, List<Bar> intraday) {
        TradingDaySchedule sch = schedules.schedule(s.template(), d.tradingDay());
        int n = sch.minutePoints();
        SplittableRandom rnd = new SplittableRandom(seed * 31 + s.codeText().hashCode() * 1_000_003L
                + d.tradingDay().toEpochDay());
        long tick = s.tick();
        double[] w = new double[n];
        double acc = 0;
        for (int i = 1; i < n; i++) {
            acc += rnd.nextGaussian();
            w[i] = acc;
        }
        double range = Math.max(d.high() - d.low(), tick);
        long[] price = new long[n];
        for (int i = 0; i < n; i++) {
            double bridge = w[i] - w[n - 1] * i / (n - 1.0);
            double p = d.open() + (d.close() - d.open()) * i / (n - 1.0) + bridge * range / (2.5 * Math.sqrt(n));
            // reflect off the day's range (clamping would leave flat stretches at the high or low)
            for (int k = 0; k < 4 && (p > d.high() || p < d.low()); k++) {
                p = p > d.high() ? 2.0 * d.high() - p : 2.0 * d.low() - p;
            }
            price[i] = Math.max(d.low(), Math.min(d.high(), Math.round(p / tick) * tick));
        }
        price[0] = d.open();
        price[n - 1] = d.close();
        long auctionStart = closingAuctionStart(s, d.tradingDay());
        int lastContinuous = n - 2; // the last point that may trade before the close
        while (auctionStart > 0 && lastContinuous > 1 && sch.minutePointTime(lastContinuous) > auctionStart) {
            lastContinuous--;
        }
        place(price, d.high(), true, rnd, lastContinuous);
        place(price, d.low(), false, rnd, lastContinuous);
        // U-shaped volume: heavy at the open and the close, light at noon
        long lots = Math.max(n, d.volume() / s.lot());
        double[] weight = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            double x = i / (n - 1.0) - 0.5;
            weight[i] = (0.4 + 4 * x * x) * (0.5 + rnd.nextDouble());
            total += weight[i];
        }
        long[] volume = new long[n];
        long assigned = 0;
        for (int i = 0; i < n; i++) {
            volume[i] = (long) Math.floor(lots * weight[i] / total) * s.lot();
            assigned += volume[i];
        }
        volume[n - 1] += lots * s.lot() - assigned;
        // no continuous trading during a closing call auction: its minutes before the close are blank
        for (int i = lastContinuous + 1; i < n - 1; i++) {
            volume[n - 1] += volume[i];
            volume[i] = 0;
        }
        for (int i = 1; i < n; i++) {
            if (i > lastContinuous && i < n - 1) {
                price[i] = price[i - 1]; // closing auction: nothing trades until the close
            } else if (volume[i] == 0 && (price[i] == d.high() || price[i] == d.low())) {
                volume[i] = s.lot(); // the day's extremes traded
            } else if (volume[i] == 0) {
                price[i] = price[i - 1]; // nothing traded: the price carries forward
            }
        }
        List<MinutePoint> points = new ArrayList<>(n);
        long cumVol = 0;
        long cumTurn = 0;
        long[] turnover = new long[n];
        for (int i = 0; i < n; i++) {
            turnover[i] = price[i] * volume[i] * s.multiplier();
            cumVol += volume[i];
            cumTurn += turnover[i];
            long denominator = cumVol * s.multiplier();
            long avg = cumVol == 0 ? 0 : (cumTurn + denominator / 2) / denominator;
            points.add(new MinutePoint(i, sch.minutePointTime(i), price[i], volume[i], turnover[i], avg, cumVol, cumTurn,
                    volume[i] == 0));
        }
        // 1m bars: slot 0 holds points 0 (auction) and 1; slot k holds point k+1
        List<Bar> ones = new ArrayList<>();
        for (int slot = 0; slot < n - 1; slot++) {
            int from = slot == 0 ? 0 : slot + 1;
            int to = slot + 1;
            long vol = 0;
            long turn = 0;
            for (int i = from; i <= to; i++) {
                vol += volume[i];
                turn += turnover[i];
            }
            if (vol == 0) {
                continue;
            }
            long open = slot == 0 ? price[0] : price[slot];
            long close = price[to];
            long high = Math.max(open, close);
            long low = Math.min(open, close);
            if (slot == 0) {
                high = Math.max(high, price[1]);
                low = Math.min(low, price[1]);
            }
            ones.add(new Bar(s.codeText(), Period.M1, d.tradingDay(), sch.slotStart(slot), sch.slotEnd(slot), open,
                    high, low, close, vol, turn, 0, true));
        }
        intraday.addAll(ones);
        for (Period p : new Period[] {Period.M3, Period.M5, Period.M15, Period.M30, Period.M60}) {
            int m = p.minutes();
            int slots = n - 1;
            for (int b = 0; b * m < slots; b++) {
                int first = b * m;
                int lastSlot = Math.min(first + m - 1, slots - 1);
                long start = sch.slotStart(first);
                long end = sch.slotEnd(lastSlot);
                List<Bar> parts = ones.stream().filter(x -> x.end() > start && x.end() <= end).toList();
                if (parts.isEmpty()) {
                    continue;
                }
                intraday.add(new Bar(s.codeText(), p, d.tradingDay(), start, end, parts.get(0).open(),
                        parts.stream().mapToLong(Bar::high).max().orElseThrow(),
                        parts.stream().mapToLong(Bar::low).min().orElseThrow(), parts.get(parts.size() - 1).close(),
                        parts.stream().mapToLong(Bar::volume).sum(), parts.stream().mapToLong(Bar::turnover).sum(),
                        0, true));
            }
        }
        return points;
    }

    /** Epoch ms of the closing call auction's start on {@code day}, or 0 when the template has none. */
    private static long closingAuctionStart(SimSymbol s, LocalDate day) {
        for (var seg : s.template().segments()) {
            if (seg.kind() == com.quotebus.core.time.SessionSegment.Kind.CLOSING_AUCTION) {
                return com.quotebus.core.time.ChinaTime.epochMillis(day, seg.start());
            }
        }
        return 0;
    }

    /** Makes {@code extreme} appear in the path at an interior point (unless an end already holds it). */
    private static void place(long[] price, long extreme, boolean high, SplittableRandom rnd, int last) {
        int n = price.length;
        for (int i = 0; i < n; i++) {
            if (price[i] == extreme && (i <= last || i == n - 1)) {
                return;
            }
        }
        int best = 1 + rnd.nextInt(last);
        for (int i = 1; i <= last; i++) {
            if (high ? price[i] > price[best] : price[i] < price[best]) {
                best = i;
            }
        }
        price[best] = extreme;
    }
}
