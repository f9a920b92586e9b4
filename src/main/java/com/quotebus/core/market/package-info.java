/**
 * The per-instrument state of a trading day — latest snapshot, bars of every period, 分时 line and 分价
 * table — and the market of all instruments that applies events to them. Reports through
 * {@link com.quotebus.core.market.MarketListener}; no I/O, no clock reads.
 */
package com.quotebus.core.market;
