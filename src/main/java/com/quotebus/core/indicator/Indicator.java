package com.quotebus.core.indicator;

import com.quotebus.core.kline.Bar;

/**
 * A technical indicator computed incrementally, one closed bar at a time, with the conventions of
 * Chinese terminals (通达信). Prices enter as yuan ({@code minor units / Prices.SCALE}), volume as the
 * bar's unit (shares or contracts).
 *
 * <p>{@link #commit} advances the state by one closed bar; {@link #evaluate} gives the values for a bar
 * in progress as if it were the next bar, without changing state, so a streamed bar can be re-evaluated
 * on every update and committed once when it closes. Both are O(1) per call (amortised; CCI is O(N),
 * see docs/indicators.md) and allocate nothing. An output that is not defined yet (e.g. MA(5) before
 * the fifth bar) is {@link Double#NaN}.
 *
 * <p>Not thread-safe: one instance belongs to one series (code, period) on one thread.
 */
public interface Indicator {

    /** Upper-case name, e.g. {@code MACD}. */
    String name();

    /** The parameters in use (a copy), e.g. {@code [12, 26, 9]}. */
    int[] params();

    /** Name with parameters, e.g. {@code MACD(12,26,9)}. */
    default String spec() {
        StringBuilder sb = new StringBuilder(name()).append('(');
        int[] p = params();
        for (int i = 0; i < p.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            sb.append(p[i]);
        }
        return sb.append(')').toString();
    }

    /** Output names in the order {@link #evaluate} fills them, e.g. {@code DIF, DEA, MACD} (a copy). */
    String[] outputs();

    /** Human-readable statement of formulas, seeds and edge cases, echoed in replies. */
    String convention();

    /** Advances the state by one closed bar. The {@link Bar#closed()} flag is not checked. */
    void commit(Bar closedBar);

    /**
     * Writes into {@code out} (length ≥ {@code outputs().length}) the values for {@code current} as if
     * it were committed next; the committed state is not changed.
     */
    void evaluate(Bar current, double[] out);

    /** Writes the values of the last committed bar into {@code out}; all NaN before the first commit. */
    void values(double[] out);

    /** Number of bars committed so far. */
    long committed();
}
