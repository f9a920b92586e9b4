/**
 * Technical indicators (MA, EMA, MACD, KDJ, RSI, BOLL, VOL, BIAS, WR, CCI, ATR, OBV, DMI) with the
 * conventions of Chinese terminals, computed incrementally: O(1) per bar, no recomputation over
 * history, no allocation per update. Prices are converted from minor units to yuan
 * ({@code / Prices.SCALE}); each indicator states its seeds and edge cases in
 * {@link com.quotebus.core.indicator.Indicator#convention()}. Flat windows (no movement) give defined,
 * exact values; {@link com.quotebus.core.indicator.IndicatorAnchor} fixes where a served series starts so
 * that its values do not depend on the request. See docs/indicators.md.
 */
package com.quotebus.core.indicator;
