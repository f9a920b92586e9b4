package com.quotebus.core.instrument;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A {@code SYMBOL.MARKET} code such as {@code 600000.SH}, {@code 000001.SZ}, {@code rb2505.SHF}
 * or {@code IF2506.CFX}. Symbols are 1–16 letters or digits; the market is one of {@link Market}.
 * Immutable; the text form is computed once.
 */
public final class Code {
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9]{1,16}");

    private final String symbol;
    private final Market market;
    private final String text;

    public Code(String symbol, Market market) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("symbol '" + symbol + "' must be 1-16 letters or digits");
        }
        if (market == null) {
            throw new IllegalArgumentException("market is required");
        }
        this.symbol = symbol;
        this.market = market;
        this.text = symbol + "." + market.name();
    }

    /** Parses {@code SYMBOL.MARKET}; throws {@link IllegalArgumentException} saying what is wrong. */
    public static Code parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("code is missing");
        }
        int dot = text.lastIndexOf('.');
        if (dot <= 0 || dot == text.length() - 1) {
            throw new IllegalArgumentException("code '" + text + "' is not SYMBOL.MARKET (e.g. 600000.SH)");
        }
        Market market = Market.ofSuffix(text.substring(dot + 1));
        if (market == null) {
            throw new IllegalArgumentException("code '" + text + "' has unknown market '" + text.substring(dot + 1)
                    + "' (known: SH SZ SHF INE DCE CZC CFX GFE)");
        }
        return new Code(text.substring(0, dot), market);
    }

    /** True when {@code text} parses as a code. */
    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public String symbol() {
        return symbol;
    }

    public Market market() {
        return market;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Code c && c.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
