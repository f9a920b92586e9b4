package com.quotebus.core.market;

import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Trade;
import com.quotebus.core.event.TradingPhase;
import com.quotebus.core.kline.Bar;
import java.time.LocalDate;

/**
 * What the market state reports. Called synchronously on the thread applying events; implementations
 * must be cheap (mark dirty, enqueue) — the calculator publishes conflated updates from the state.
 */
public interface MarketListener {
    MarketListener NONE = new MarketListener() {};

    /** An event was applied: the symbol's quote, bars in progress, 分时 and 分价 reflect it. */
    default void onApplied(SymbolState state, MarketEvent event) {}

    /** A bar closed; it is final. Bars with no trade are never emitted. */
    default void onBarClosed(SymbolState state, Bar bar) {}

    /**
     * The symbol's trading day is over (market time passed the close plus grace, or the first event of
     * a later day arrived first): its 分时 line and 分价 table are final. Called exactly once per day.
     */
    default void onDayClosed(SymbolState state) {}

    /**
     * A symbol's closed day was reconciled against the exchange's final figures (right after
     * {@link #onDayClosed}); not called when there was nothing to reconcile against (no snapshot that day).
     */
    default void onDayReconciled(SymbolState state, DayReconciliation result) {}

    /**
     * The symbol's trading day moved to another phase of its lifecycle (see
     * {@code TradingDaySchedule.phaseAt}): on the stream's market time, or on the first event of a new trading
     * day ({@code previous} null: the day roll). A function of the journaled stream, so a replay reports the same.
     */
    default void onPhase(SymbolState state, TradingPhase previous, TradingPhase next, long time) {}

    /** A new trading day began for the symbol (the previous day's bars have been closed). */
    default void onTradingDay(SymbolState state, LocalDate day) {}

    /** An event was not applied, and why. */
    default void onRejected(String code, MarketEvent event, ApplyResult reason) {}

    /**
     * A trade arrived for a minute whose bars had already closed by the stream's market time (after
     * {@link #onRejected} with {@link ApplyResult#LATE}, and after {@link #onBarCorrected} for each closed bar
     * it belongs to): the 分时 line and the 分价 table have taken it; the tape (逐笔) takes it here. The market
     * time is part of the stream, so which prints are late is the same on every instance applying it.
     */
    default void onLateTrade(SymbolState state, Trade trade) {}

    /**
     * A late print belongs to a bar that had closed: {@code latePrint} is a closed bar of that print alone with
     * the closed bar's period, trading day, start and end. The closed bar becomes: volume and turnover plus the
     * print's, high/low extended to its price, open, close and open interest unchanged; when no bar closed for
     * that span (nothing else traded in it), the print's bar is the bar. The corrected bar is final again.
     */
    default void onBarCorrected(SymbolState state, Bar latePrint) {}
}
