package com.quotebus.core.indicator;

import com.quotebus.core.kline.Bar;
import java.util.Arrays;

/**
 * Common plumbing. Subclasses split the work in two so that {@link #evaluate} and {@link #commit}
 * cannot disagree: {@link #compute} is a pure function of the committed state and one bar, and
 * {@link #advance} folds that bar into the state afterwards.
 */
abstract class AbstractIndicator implements Indicator {
    private final String name;
    private final int[] params;
    private final String[] outputs;
    private final String convention;
    private final double[] last;
    private long committed;

    AbstractIndicator(String name, int[] params, String[] outputs, String convention) {
        this.name = name;
        this.params = params.clone();
        this.outputs = outputs.clone();
        this.convention = convention;
        this.last = new double[outputs.length];
        Arrays.fill(last, Double.NaN);
    }

    /** Values for {@code bar} as if it were the next bar; must not change state. */
    abstract void compute(Bar bar, double[] out);

    /** Folds {@code bar} into the state; {@code values} holds what {@link #compute} gave for it. */
    abstract void advance(Bar bar, double[] values);

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int[] params() {
        return params.clone();
    }

    @Override
    public final String[] outputs() {
        return outputs.clone();
    }

    /** Number of outputs, without copying the names. */
    final int outputCount() {
        return outputs.length;
    }

    @Override
    public final String convention() {
        return convention;
    }

    @Override
    public final void commit(Bar closedBar) {
        compute(closedBar, last);
        advance(closedBar, last);
        committed++;
    }

    @Override
    public final void evaluate(Bar current, double[] out) {
        checkLength(out);
        compute(current, out);
    }

    @Override
    public final void values(double[] out) {
        checkLength(out);
        System.arraycopy(last, 0, out, 0, last.length);
    }

    @Override
    public final long committed() {
        return committed;
    }

    private void checkLength(double[] out) {
        if (out.length < last.length) {
            throw new IllegalArgumentException(spec() + " has " + last.length + " outputs, array has " + out.length);
        }
    }

    @Override
    public String toString() {
        return spec();
    }

    static double yuan(long minor) {
        return minor / (double) com.quotebus.core.instrument.Prices.SCALE;
    }

    /**
     * The mean in yuan of {@code n} prices summing to {@code sum} minor units, in one correctly rounded
     * division, so that the mean of a flat window is exactly {@link #yuan} of its price ({@code
     * yuan(sum) / n} rounds twice and can miss it by one ulp).
     */
    static double yuanMean(long sum, int n) {
        return sum / ((double) n * com.quotebus.core.instrument.Prices.SCALE);
    }
}
