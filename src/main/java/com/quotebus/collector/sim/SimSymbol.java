package com.quotebus.collector.sim;

import com.quotebus.core.instrument.Code;
import com.quotebus.core.instrument.Instrument;
import com.quotebus.core.instrument.InstrumentType;
import com.quotebus.core.time.SessionTemplate;

/**
 * The static part of one simulated symbol (what does not change from day to day). Its {@link Instrument}
 * for a given day adds that day's previous close and price limits.
 *
 * @param index      position in the universe (0 = most active)
 * @param code       the code
 * @param name       display name
 * @param type       STOCK or FUTURE
 * @param tick       price tick, minor units
 * @param lot        board lot
 * @param multiplier contract multiplier
 * @param limitPct   daily limit, percent of the previous close
 * @param basePrice  price at the history's anchor day, minor units
 * @param template   session template
 * @param weight     share of the total trade rate
 * @param channel    feed channel (1-based)
 */
public record SimSymbol(int index, Code code, String name, InstrumentType type, long tick, int lot, int multiplier,
        int limitPct, long basePrice, SessionTemplate template, double weight, int channel) {

    public String codeText() {
        return code.toString();
    }

    public boolean isFuture() {
        return type == InstrumentType.FUTURE;
    }

    /** The instrument as traded on a day whose previous close is {@code preClose}. */
    public Instrument instrument(long preClose) {
        return new Instrument(code, name, type, tick, lot, multiplier, preClose, upperLimit(preClose),
                lowerLimit(preClose), template.name());
    }

    public long upperLimit(long preClose) {
        return roundToTick(preClose * (100 + limitPct) / 100.0);
    }

    public long lowerLimit(long preClose) {
        return Math.max(tick, roundToTick(preClose * (100 - limitPct) / 100.0));
    }

    /** Half-up to the nearest tick. */
    public long roundToTick(double price) {
        return Math.round(price / tick) * tick;
    }
}
