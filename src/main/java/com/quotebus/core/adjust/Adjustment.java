package com.quotebus.core.adjust;

import java.util.Locale;

/** How prices are adjusted for dividends, bonus shares and splits. */
public enum Adjustment {
    /** Prices as traded (不复权). */
    NONE("none"),
    /** 前复权: {@code price × factor / latest factor}; the latest prices stay as traded, history moves. */
    FORWARD("forward"),
    /** 后复权: {@code price × factor}; the first prices stay as traded (factor 1 at listing), later ones move. */
    BACKWARD("backward");

    private final String wireName;

    Adjustment(String wireName) {
        this.wireName = wireName;
    }

    /** {@code none}, {@code forward} or {@code backward}. */
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name, case-insensitive; the pinyin abbreviations {@code bfq}, {@code qfq} and
     * {@code hfq} are accepted too.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static Adjustment parse(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "none", "bfq" -> NONE;
            case "forward", "qfq" -> FORWARD;
            case "backward", "hfq" -> BACKWARD;
            default -> throw new IllegalArgumentException(
                    "unknown adjustment '" + text + "' (known: none forward backward, or bfq qfq hfq)");
        };
    }
}
