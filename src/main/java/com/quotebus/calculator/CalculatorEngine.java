package com.quotebus.calculator;

import com.quotebus.calculator.history.BarRing;
import com.quotebus.calculator.history.TradeTape;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.instrument.Instrument;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.BarAccumulator;
import com.quotebus.core.kline.Period;
import com.quotebus.core.market.ApplyResult;
import com.quotebus.core.market.BarSource;
import com.quotebus.core.market.DayReconciliation;
import com.quotebus.core.market.MarketListener;
import com.quotebus.core.market.MarketState;
import com.quotebus.core.market.SymbolState;
import com.quotebus.core.minute.MinuteLine;
import com.quotebus.core.minute.MinutePoint;
import com.quotebus.core.pricevol.PriceLevel;
import com.quotebus.core.pricevol.PriceVolumeTable;
import com.quotebus.core.time.TradingSchedules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The calculator's core: applies the live stream to a {@link MarketState}, keeps recent history
 * (closed bars, trades) in bounded memory, hands closed bars and finished 分时 lines to the history
 * writer, and emits pushes.
 *
 * <p><b>Push rules</b> (deterministic in the event stream, so the per-address sequence numbers of a
 * calculator rebuilt from the journal equal the original's): every snapshot → {@code quote}; every
 * trade → {@code tick}, late prints included (see {@link MarketListener#onLateTrade}); the derived views
 * ({@code kline.*} in progress, {@code minute}, {@code pricevol}) are refreshed on every snapshot and on a trade
 * at least {@code refreshIntervalMs} of exchange time
 * after the last refresh; every bar that closes → one {@code kline} push with {@code closed=true}.
 * Not thread-safe: one engine per event loop.
 */
public final class CalculatorEngine implements MarketListener {
    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(CalculatorEngine.class.getName());
    private static final Period[] PERIODS = Period.values();

    private final MarketState market;
    private final CalculatorLimits limits;
    private final Map<String, Extras> extras = new HashMap<>();
    private PushSink sink;
    private boolean publishing = true;
    private long corrections;
    private long uncorrectable;
    private long reconciled;
    private long incompleteDays;
    private long mismatchedDays;
    private final long[] mismatchCounts = new long[DayReconciliation.Check.values().length];
    /** Read by /status from another thread, hence concurrent; bounded by the number of symbols. */
    private final Map<String, DayReconciliation> mismatchesBySymbol =
            new java.util.concurrent.ConcurrentSkipListMap<>();
    private Consumer<Bar> closedBarWriter = b -> {};
    private MinuteLineWriter minuteLineWriter = (code, day, points) -> {};

    /** Receives a finished trading day's 分时 line (for the history store). */
    @FunctionalInterface
    public interface MinuteLineWriter {
        void write(String code, LocalDate day, List<MinutePoint> points);
    }

    /** Per-code state the calculator adds to the domain state. */
    static final class Extras {
        final String quoteAddress;
        final String tickAddress;
        final String minuteAddress;
        final String pricevolAddress;
        final String[] klineAddress = new String[PERIODS.length];
        final BarRing[] rings = new BarRing[PERIODS.length];
        final long[] klineSeq = new long[PERIODS.length];
        final TradeTape tape;
        long quoteSeq;
        long tickSeq;
        long minuteSeq;
        long pricevolSeq;
        long lastRefresh = Long.MIN_VALUE;
        boolean dirty;
        int minutePushedThrough = -1;
        final List<Long> changedPrices = new ArrayList<>();
        boolean priceOverflow;

        Extras(String code, CalculatorLimits limits) {
            quoteAddress = "quote." + code;
            tickAddress = "tick." + code;
            minuteAddress = "minute." + code;
            pricevolAddress = "pricevol." + code;
            for (Period p : PERIODS) {
                klineAddress[p.ordinal()] = "kline." + p.wireName() + "." + code;
                rings[p.ordinal()] = new BarRing(code, p, limits.barsInMemory(p));
            }
            tape = new TradeTape(code, limits.tradesInMemory());
        }

        void resetDay() {
            Arrays.fill(klineSeq, 0);
            quoteSeq = tickSeq = minuteSeq = pricevolSeq = 0;
            lastRefresh = Long.MIN_VALUE;
            dirty = false;
            minutePushedThrough = -1;
            changedPrices.clear();
            priceOverflow = false;
            tape.clear();
        }
    }

    public CalculatorEngine(TradingSchedules schedules, BarSource barSource, CalculatorLimits limits, PushSink sink) {
        this.limits = limits;
        this.sink = sink == null ? PushSink.NONE : sink;
        this.market = new MarketState(schedules, barSource, limits.closeGraceMs(), this);
    }

    /** Where closed bars go for persistence (called on the engine's thread; enqueue, don't block). */
    public void onClosedBar(Consumer<Bar> writer) {
        this.closedBarWriter = writer;
    }

    /** Where a finished day's 分时 line goes for persistence. */
    public void onFinishedMinuteLine(MinuteLineWriter writer) {
        this.minuteLineWriter = writer;
    }

    /** Turns pushes off (journal rebuild: counters advance, nothing is sent) or back on. */
    public void setPublishing(boolean on) {
        this.publishing = on;
    }

    public MarketState market() {
        return market;
    }

    public void addInstrument(Instrument instrument) {
        market.addInstrument(instrument);
        extras.computeIfAbsent(instrument.codeText(), c -> new Extras(c, limits));
    }

    /** Forgets a code (its shard moved to another instance). */
    public void removeInstrument(String code) {
        market.removeInstrument(code);
        extras.remove(code);
    }

    public Collection<SymbolState> symbols() {
        return market.symbols();
    }

    public ApplyResult apply(MarketEvent event) {
        return market.apply(event);
    }

    /** Closes bars and fills minute points due by market time {@code now}. */
    public void advanceTo(long now) {
        market.advanceTo(now);
    }

    // ---- MarketListener ----

    @Override
    public void onApplied(SymbolState state, MarketEvent event) {
        Extras x = extras.get(state.code());
        if (event instanceof Trade t) {
            onTape(x, t);
            if (market.barSource() == BarSource.TRADES) {
                markDirty(x, t.price());
            }
            if (x.dirty && t.exchangeTime() - x.lastRefresh >= limits.refreshIntervalMs()) {
                refresh(state, x, t.exchangeTime());
            }
        } else {
            Snapshot s = (Snapshot) event;
            x.quoteSeq++;
            if (publishing) {
                sink.quote(x.quoteAddress, x.quoteSeq, s);
            }
            if (market.barSource() == BarSource.SNAPSHOTS && state.lastPrice() > 0) {
                markDirty(x, state.lastPrice());
            }
            if (x.dirty) {
                refresh(state, x, s.exchangeTime());
            }
        }
    }

    /** A print for a closed minute: its bars were corrected, 分时 and 分价 took it; on the tape like any trade. */
    @Override
    public void onLateTrade(SymbolState state, Trade trade) {
        Extras x = extras.get(state.code());
        onTape(x, trade);
        markDirty(x, trade.price()); // 分价 changed: the next refresh pushes it
    }

    /**
     * A closed bar takes a late print: the in-memory bar is corrected, pushed again ({@code closed} and
     * {@code corrected} true, the next seq of its address) and written to the history store over the old one.
     */
    @Override
    public void onBarCorrected(SymbolState state, Bar latePrint) {
        Extras x = extras.get(state.code());
        int i = latePrint.period().ordinal();
        Bar corrected = x.rings[i].correct(latePrint);
        if (corrected == null) {
            uncorrectable++; // older than every bar held in memory: the stored bar keeps its values
            return;
        }
        corrections++;
        x.klineSeq[i]++;
        if (publishing) {
            sink.correctedKline(x.klineAddress[i], x.klineSeq[i], corrected);
        }
        closedBarWriter.accept(corrected);
    }

    /** Closed bars corrected by a late print since the start. */
    public long corrections() {
        return corrections;
    }

    /** Late prints for a closed bar older than every bar held in memory (not corrected; should stay 0). */
    public long uncorrectable() {
        return uncorrectable;
    }

    private void onTape(Extras x, Trade t) {
        x.tickSeq++;
        x.tape.add(x.tickSeq, t);
        if (publishing) {
            sink.tick(x.tickAddress, x.tickSeq, t);
        }
    }

    private static void markDirty(Extras x, long price) {
        x.dirty = true;
        if (!x.priceOverflow && !x.changedPrices.contains(price)) {
            if (x.changedPrices.size() >= 64) {
                x.priceOverflow = true;
                x.changedPrices.clear();
            } else {
                x.changedPrices.add(price);
            }
        }
    }

    private void refresh(SymbolState state, Extras x, long time) {
        x.dirty = false;
        x.lastRefresh = time;
        for (Period p : PERIODS) {
            BarAccumulator b = state.bar(p);
            if (b.hasData() && !b.isClosed()) {
                int i = p.ordinal();
                x.klineSeq[i]++;
                if (publishing) {
                    sink.kline(x.klineAddress[i], x.klineSeq[i], b.toBar());
                }
            }
        }
        MinuteLine line = state.minuteLine();
        int current = line.currentIndex();
        if (current >= 0) {
            x.minuteSeq++;
            if (publishing) {
                List<MinutePoint> points = new ArrayList<>();
                for (int i = Math.max(0, x.minutePushedThrough); i <= current; i++) {
                    points.add(line.point(i));
                }
                sink.minute(x.minuteAddress, x.minuteSeq, state.code(), points);
            }
            x.minutePushedThrough = current;
        }
        PriceVolumeTable pv = state.priceVolume();
        x.pricevolSeq++;
        if (publishing) {
            List<PriceLevel> rows;
            if (x.priceOverflow) {
                rows = pv.levels();
            } else {
                rows = new ArrayList<>(x.changedPrices.size());
                for (long price : x.changedPrices) {
                    PriceLevel l = pv.level(price);
                    if (l != null) {
                        rows.add(l);
                    }
                }
            }
            sink.priceVolume(x.pricevolAddress, x.pricevolSeq, state.code(), time, rows, pv.dayVolume());
        }
        x.changedPrices.clear();
        x.priceOverflow = false;
    }

    @Override
    public void onBarClosed(SymbolState state, Bar bar) {
        Extras x = extras.get(state.code());
        int i = bar.period().ordinal();
        x.rings[i].add(bar);
        x.klineSeq[i]++;
        if (publishing) {
            sink.kline(x.klineAddress[i], x.klineSeq[i], bar);
        }
        closedBarWriter.accept(bar);
    }

    @Override
    public void onTradingDay(SymbolState state, LocalDate day) {
        Extras x = extras.get(state.code());
        if (x == null) {
            return; // first day of an instrument being added
        }
        x.resetDay();
    }

    /** Hands the finished 分时 line of a symbol to the history writer. */
    @Override
    public void onDayClosed(SymbolState state) {
        Extras x = extras.get(state.code());
        if (x != null && x.dirty) {
            refresh(state, x, state.schedule().close()); // the day's last prints are pushed, however few
        }
        MinuteLine line = state.minuteLine();
        if (line != null && line.dayVolume() > 0) {
            minuteLineWriter.write(state.code(), line.tradingDay(), line.fullGrid());
        }
    }

    /**
     * A symbol's day was reconciled: counted; a mismatch is logged once with its numbers and shown per symbol
     * (the latest day's) until the symbol's next day reconciles clean.
     */
    @Override
    public void onDayReconciled(SymbolState state, DayReconciliation result) {
        if (!result.wholeDay()) {
            incompleteDays++;
            return;
        }
        reconciled++;
        if (result.ok()) {
            mismatchesBySymbol.remove(state.code());
            return;
        }
        for (DayReconciliation.Mismatch m : result.mismatches()) {
            mismatchCounts[m.check().ordinal()]++;
        }
        mismatchedDays++;
        mismatchesBySymbol.put(state.code(), result);
        LOG.warning("end-of-day reconciliation of " + state.code() + " " + result.tradingDay() + " (calculated != "
                + "exchange's final snapshot): " + result.mismatches());
    }

    /** Symbol-days reconciled since the start. */
    public long reconciled() {
        return reconciled;
    }

    /** Symbol-days not reconciled because this instance joined them after their first events. */
    public long incompleteDays() {
        return incompleteDays;
    }

    /** Symbol-days with at least one mismatch since the start. */
    public long mismatchedDays() {
        return mismatchedDays;
    }

    /** Failed checks of one kind since the start. */
    public long mismatches(DayReconciliation.Check check) {
        return mismatchCounts[check.ordinal()];
    }

    /** The latest mismatching reconciliation of each symbol whose last reconciled day did not match. */
    public Map<String, DayReconciliation> mismatchesBySymbol() {
        return java.util.Collections.unmodifiableMap(mismatchesBySymbol);
    }

    // ---- reads for queries (same thread) ----

    public SymbolState symbol(String code) {
        return market.symbol(code);
    }

    /** The in-memory ring of closed bars for a code and period, or {@code null} for an unknown code. */
    public BarRing ring(String code, Period period) {
        Extras x = extras.get(code);
        return x == null ? null : x.rings[period.ordinal()];
    }

    public TradeTape tape(String code) {
        Extras x = extras.get(code);
        return x == null ? null : x.tape;
    }

    /** Current per-address sequence of {@code quote.<code>} (for late joiners' first value). */
    public long quoteSeq(String code) {
        Extras x = extras.get(code);
        return x == null ? 0 : x.quoteSeq;
    }

    public long klineSeq(String code, Period p) {
        Extras x = extras.get(code);
        return x == null ? 0 : x.klineSeq[p.ordinal()];
    }

    public long tickSeq(String code) {
        Extras x = extras.get(code);
        return x == null ? 0 : x.tickSeq;
    }

    public long minuteSeq(String code) {
        Extras x = extras.get(code);
        return x == null ? 0 : x.minuteSeq;
    }

    public long pricevolSeq(String code) {
        Extras x = extras.get(code);
        return x == null ? 0 : x.pricevolSeq;
    }

    /** Seeds the in-memory ring with history (e.g. from the store at start). */
    public void seedRing(String code, Period period, List<Bar> bars) {
        BarRing ring = ring(code, period);
        if (ring != null) {
            bars.forEach(ring::add);
        }
    }
}
