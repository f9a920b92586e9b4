package com.quotebus.core.event;

/** Trading phase reported with a snapshot. */
public enum TradingPhase {
    /** Before the opening call auction. */
    PRE_OPEN('S'),
    /** Opening call auction (A-shares 09:15–09:25). */
    OPENING_AUCTION('O'),
    /** Continuous trading. */
    CONTINUOUS('T'),
    /** Lunch or other break. */
    BREAK('B'),
    /** Closing call auction (A-shares 14:57–15:00). */
    CLOSING_AUCTION('C'),
    /** Closed for the day. */
    CLOSED('E'),
    /** Suspended / halted. */
    HALTED('H'),
    /** Fixed-price after-hours trading (STAR / ChiNext 15:05–15:30). */
    AFTER_HOURS('A'),
    /** Unknown. */
    UNKNOWN('?');

    private final char code;

    TradingPhase(char code) {
        this.code = code;
    }

    /** One-letter code (SZSE TradingPhaseCode first character convention). */
    public char code() {
        return code;
    }

    public static TradingPhase ofCode(char c) {
        for (TradingPhase p : values()) {
            if (p.code == c) {
                return p;
            }
        }
        return UNKNOWN;
    }
}
