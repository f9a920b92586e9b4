package com.quotebus.core.instrument;

import java.util.Objects;

/**
 * Static data of one tradable instrument for one trading day.
 *
 * @param code            {@code SYMBOL.MARKET}
 * @param name            display name
 * @param type            stock, fund, index or future
 * @param priceTick       minimum price step, minor units (stocks 100 = 0.01 yuan)
 * @param lotSize         board lot in shares or contracts (A-shares 100)
 * @param multiplier      contract multiplier (1 for stocks; rb = 10, IF = 300)
 * @param preClose        previous close (futures: previous settlement), minor units
 * @param upperLimit      limit-up price, minor units; 0 when the instrument has no limit
 * @param lowerLimit      limit-down price, minor units; 0 when the instrument has no limit
 * @param sessionTemplate name of the {@code SessionTemplate} (trading hours) that applies
 */
public record Instrument(
        Code code,
        String name,
        InstrumentType type,
        long priceTick,
        int lotSize,
        int multiplier,
        long preClose,
        long upperLimit,
        long lowerLimit,
        String sessionTemplate) {

    public Instrument {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(sessionTemplate, "sessionTemplate");
        if (priceTick <= 0) {
            throw new IllegalArgumentException(code + ": priceTick must be > 0, was " + priceTick);
        }
        if (lotSize <= 0) {
            throw new IllegalArgumentException(code + ": lotSize must be > 0, was " + lotSize);
        }
        if (multiplier <= 0) {
            throw new IllegalArgumentException(code + ": multiplier must be > 0, was " + multiplier);
        }
        if (upperLimit != 0 && lowerLimit > upperLimit) {
            throw new IllegalArgumentException(code + ": lowerLimit " + lowerLimit + " > upperLimit " + upperLimit);
        }
        name = name == null ? code.symbol() : name;
    }

    /** The code as text, e.g. {@code 600000.SH}. */
    public String codeText() {
        return code.toString();
    }

    /** Whether a price lies within the daily limits (always true when the instrument has none). */
    public boolean withinLimits(long price) {
        return upperLimit == 0 || (price >= lowerLimit && price <= upperLimit);
    }
}
