/**
 * Price adjustment (复权) for dividends, bonus shares and splits: cumulative adjustment factors per
 * code, as vendors publish them ({@link com.quotebus.core.adjust.AdjustFactorCsv} reads Tushare's
 * {@code adj_factor} layout), applied to bars as none / forward (前复权) / backward (后复权); corporate actions
 * ({@link com.quotebus.core.adjust.CorporateAction}) and the reference price and factor step they define.
 * Plain Java, exact decimal arithmetic, prices rounded half-up to a minor unit. See docs/indicators.md.
 */
package com.quotebus.core.adjust;
