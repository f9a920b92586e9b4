package com.quotebus.core.kline;

/**
 * Bar periods. Intraday periods count <em>trading</em> minutes from the start of the trading day
 * (so a 60-minute A-share bar is 09:30–10:30, 10:30–11:30, 13:00–14:00, 14:00–15:00); see docs/domain.md.
 */
public enum Period {
    M1("1m", 1),
    M3("3m", 3),
    M5("5m", 5),
    M15("15m", 15),
    M30("30m", 30),
    M60("60m", 60),
    DAY("day", 0),
    WEEK("week", 0),
    MONTH("month", 0),
    QUARTER("quarter", 0),
    YEAR("year", 0);

    private static final Period[] VALUES = values();
    private final String wireName;
    private final int minutes;

    Period(String wireName, int minutes) {
        this.wireName = wireName;
        this.minutes = minutes;
    }

    /** Name on the wire and in addresses: {@code 1m 3m 5m 15m 30m 60m day week month quarter year}. */
    public String wireName() {
        return wireName;
    }

    /** Trading minutes per bar for intraday periods; 0 for day and longer. */
    public int minutes() {
        return minutes;
    }

    public boolean isIntraday() {
        return minutes > 0;
    }

    /** The period for a wire name, or {@code null} when there is none. */
    public static Period ofWireName(String name) {
        for (Period p : VALUES) {
            if (p.wireName.equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** All wire names, space separated, for error messages. */
    public static String wireNames() {
        StringBuilder sb = new StringBuilder();
        for (Period p : VALUES) {
            if (!sb.isEmpty()) {
                sb.append(' ');
            }
            sb.append(p.wireName);
        }
        return sb.toString();
    }
}
