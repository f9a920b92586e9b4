package com.quotebus.core.market;

/**
 * Which events build bars, 分时 and 分价. A level-2 feed has every trade: bars come from trades and
 * snapshots only update the quote. A level-1 feed (or a snapshot-only file) has cumulative snapshots:
 * bars come from the positive differences of the day totals, and a move of the snapshot's day high/low
 * reveals an extreme that enters the bar. Never both, or volume would count twice.
 */
public enum BarSource { TRADES, SNAPSHOTS }
