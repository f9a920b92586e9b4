/**
 * Market time: the Asia/Shanghai clock, the trading calendar (holidays from a data file), session
 * templates (A-shares with both call auctions, futures day and night sessions) and the mapping of an
 * exchange timestamp to its trading day and trading minute. No wall clock is read here: callers pass
 * times, and components that need "now" take a {@link com.quotebus.core.time.MarketClock}.
 */
package com.quotebus.core.time;
