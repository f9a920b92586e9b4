/** K-lines (bars) of every period, built incrementally from trades or cumulative snapshots. */
package com.quotebus.core.kline;
