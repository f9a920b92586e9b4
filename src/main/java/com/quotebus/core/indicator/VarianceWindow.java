package com.quotebus.core.indicator;

/**
 * Mean and sample variance over an {@code n}-bar window, by Welford's add/remove updates over the
 * last {@code n − 1} committed inputs (a sum of squares loses digits to cancellation when prices are
 * large relative to their spread). The accumulated rounding of many add/remove pairs is cleared by
 * recomputing mean and squared deviations from the ring (two passes) once per {@code n − 1} pushes:
 * O(1) amortised. The window with a new input is evaluated by one Welford add without storing it.
 *
 * <p>A flat window (every input equal) has a variance of exactly 0: it is recognised from the run of
 * equal inputs, not left to the Welford state, which may still carry rounding from earlier inputs.
 */
final class VarianceWindow {
    private final int period;
    private final double[] ring;
    private int head;
    private int size;
    private double mean;
    private double m2;
    private int sinceRecompute;
    private double last;
    /** How many of the most recent inputs equal {@link #last} (all of them when it reaches {@code size}). */
    private int equalRun;

    VarianceWindow(int period) {
        if (period < 2) {
            throw new IllegalArgumentException("a sample variance needs a window of at least 2");
        }
        this.period = period;
        this.ring = new double[period - 1];
    }

    boolean fullWithNext() {
        return size == ring.length;
    }

    /** Mean of the window ending with {@code x}. */
    double meanWith(double x) {
        return mean + (x - mean) / (size + 1);
    }

    /** Sample variance (n − 1) of the window ending with {@code x}. */
    double sampleVarianceWith(double x) {
        int n = size + 1;
        if (n < 2) {
            return Double.NaN;
        }
        if (x == last && equalRun >= size) {
            return 0;
        }
        double newMean = mean + (x - mean) / n;
        double v = (m2 + (x - mean) * (x - newMean)) / (n - 1);
        return v < 0 ? 0 : v;
    }

    void push(double x) {
        equalRun = size > 0 && x == last ? equalRun + 1 : 1;
        last = x;
        if (size == ring.length) {
            double old = ring[head];
            ring[head] = x;
            head = head + 1 == ring.length ? 0 : head + 1;
            // Replace old by x keeping the count: remove then add, folded into one update.
            double oldMean = mean;
            mean = oldMean + (x - old) / size;
            m2 += (x - old) * (x - mean + old - oldMean);
        } else {
            ring[(head + size) % ring.length] = x;
            size++;
            double delta = x - mean;
            mean += delta / size;
            m2 += delta * (x - mean);
        }
        if (++sinceRecompute >= ring.length) {
            sinceRecompute = 0;
            recompute();
        }
    }

    private void recompute() {
        double s = 0;
        for (int i = 0; i < size; i++) {
            s += ring[(head + i) % ring.length];
        }
        double mu = s / size;
        double q = 0;
        for (int i = 0; i < size; i++) {
            double d = ring[(head + i) % ring.length] - mu;
            q += d * d;
        }
        mean = mu;
        m2 = q;
    }
}
