package com.quotebus.core.market;

import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Trade;
import com.quotebus.core.instrument.Instrument;
import com.quotebus.core.time.SessionTemplates;
import com.quotebus.core.time.TradingSchedules;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The market of a set of instruments: applies normalised events to each instrument's
 * {@link SymbolState} and closes bars as market time passes. One instance per calculator shard; not
 * thread-safe (drive it from one thread, e.g. one event loop).
 */
public final class MarketState {
    private final TradingSchedules schedules;
    private final BarSource barSource;
    private final long closeGraceMs;
    private final MarketListener listener;
    private final Map<String, SymbolState> symbols = new HashMap<>();
    private final long[] results = new long[ApplyResult.values().length];
    private long lastSweepMinute = Long.MIN_VALUE;

    /**
     * @param schedules    calendar and session schedules
     * @param barSource    whether bars come from trades or from snapshot differences
     * @param closeGraceMs how long after its end a bar waits for late prints before it closes (e.g. 2000)
     * @param listener     receives applied events, closed bars and rejections
     */
    public MarketState(TradingSchedules schedules, BarSource barSource, long closeGraceMs, MarketListener listener) {
        if (closeGraceMs < 0) {
            throw new IllegalArgumentException("closeGraceMs must be >= 0, was " + closeGraceMs);
        }
        this.schedules = Objects.requireNonNull(schedules, "schedules");
        this.barSource = Objects.requireNonNull(barSource, "barSource");
        this.closeGraceMs = closeGraceMs;
        this.listener = listener == null ? MarketListener.NONE : listener;
    }

    /** Adds an instrument, or updates its static data (new day's limits and previous close). */
    public SymbolState addInstrument(Instrument instrument) {
        SymbolState existing = symbols.get(instrument.codeText());
        if (existing != null) {
            existing.updateInstrument(instrument);
            return existing;
        }
        SymbolState s = new SymbolState(instrument, SessionTemplates.get(instrument.sessionTemplate()), schedules,
                barSource, closeGraceMs, listener);
        symbols.put(instrument.codeText(), s);
        return s;
    }

    /**
     * Seeds a week/month/quarter/year bar of a code with the aggregate of the period's earlier trading
     * days (from history), so that a calculator starting mid-period builds the whole period's bar.
     */
    public void carryIn(String code, com.quotebus.core.kline.Bar earlierDays) {
        SymbolState s = symbols.get(code);
        if (s == null) {
            throw new IllegalArgumentException("unknown code " + code);
        }
        s.carryIn(earlierDays);
    }

    /** Forgets an instrument (it moved to another shard). */
    public boolean removeInstrument(String code) {
        return symbols.remove(code) != null;
    }

    public SymbolState symbol(String code) {
        return symbols.get(code);
    }

    public Collection<SymbolState> symbols() {
        return Collections.unmodifiableCollection(symbols.values());
    }

    public int size() {
        return symbols.size();
    }

    /** Applies one event; the result says whether it was applied or why not (and is counted). */
    public ApplyResult apply(MarketEvent event) {
        SymbolState s = symbols.get(event.code());
        ApplyResult r = s == null ? ApplyResult.UNKNOWN_CODE : s.apply(event);
        results[r.ordinal()]++;
        if (r == ApplyResult.APPLIED) {
            listener.onApplied(s, event);
        } else {
            listener.onRejected(event.code(), event, r);
            if (r == ApplyResult.LATE && event instanceof Trade t) {
                listener.onLateTrade(s, t);
            }
        }
        return r;
    }

    /**
     * Closes bars and fills 分时 points whose time has passed, for every symbol; call with the stream's market
     * time. Bars and points end on whole minutes, so the sweep runs at most once per market minute.
     */
    public void advanceTo(long now) {
        long minute = sweepMinute(now);
        if (minute == lastSweepMinute) {
            return;
        }
        lastSweepMinute = minute;
        for (SymbolState s : symbols.values()) {
            s.advanceTo(now);
        }
    }

    /**
     * Closes what ended by market time {@code now} for the symbols {@code codes} (one shard's: each shard
     * follows its own stream's market time, a rebuilt one its replayed market time). Unknown codes are skipped.
     */
    public void advanceTo(Iterable<String> codes, long now) {
        for (String code : codes) {
            SymbolState s = symbols.get(code);
            if (s != null) {
                s.advanceTo(now);
            }
        }
    }

    /** The market minute whose sweep closes what is due at {@code now} (after the close grace); see {@link #advanceTo}. */
    public long sweepMinute(long now) {
        return Math.floorDiv(now - closeGraceMs, 60_000L);
    }

    /** How many events ended with each result since the start. */
    public long count(ApplyResult result) {
        return results[result.ordinal()];
    }

    public TradingSchedules schedules() {
        return schedules;
    }

    public BarSource barSource() {
        return barSource;
    }
}
