package com.quotebus.collector.sim;

import com.quotebus.core.adjust.CorporateAction;
import java.time.LocalDate;

/**
 * One simulated day of one symbol, as the daily model defines it (cheap: no ticks generated). The tick
 * generator steers the same day to the same open, high, low and close, so a day bar built from ticks and this
 * summary agree on prices; volume and turnover here are the model's (the tick day's depend on the rate).
 *
 * @param code       {@code SYMBOL.MARKET}
 * @param tradingDay the trading day
 * @param preClose   previous close as the exchange publishes it, minor units: the previous trading day's close,
 *                   or on an ex-date the ex-rights reference price ({@link CorporateAction#referencePrice})
 * @param open       minor units
 * @param high       minor units
 * @param low        minor units
 * @param close      minor units
 * @param volume     shares or contracts
 * @param turnover   minor units
 * @param upperLimit limit up, minor units
 * @param lowerLimit limit down, minor units
 * @param exRights   the corporate action whose ex-date this is, or {@code null}
 */
public record DailySummary(String code, LocalDate tradingDay, long preClose, long open, long high, long low,
        long close, long volume, long turnover, long upperLimit, long lowerLimit, CorporateAction exRights) {}
