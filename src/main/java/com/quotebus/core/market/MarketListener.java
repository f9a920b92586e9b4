package com.quotebus.core.market;

import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Trade;
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

    /** A new trading day began for the symbol (the previous day's bars have been closed). */
    default void onTradingDay(SymbolState state, LocalDate day) {}

    /** An event was not applied, and why. */
    default void onRejected(String code, MarketEvent event, ApplyResult reason) {}

    /**
     * A trade arrived for a minute whose bars are already closed (after {@link #onRejected} with
     * {@link ApplyResult#LATE}): closed bars, the 分时 line and the 分价 table are final and do not take it,
     * but it happened, so the trade tape (逐笔) does. Whether a print is late depends on when it arrived,
     * not only on the event stream; numbering the tape by every trade keeps its sequence identical on
     * every instance that applies the same stream.
     */
    default void onLateTrade(SymbolState state, Trade trade) {}
}
