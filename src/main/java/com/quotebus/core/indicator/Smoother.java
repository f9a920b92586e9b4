package com.quotebus.core.indicator;

/**
 * The terminal primitive {@code SMA(X,N,M)}: {@code Y = (M·X + (N−M)·Y') / N}, seeded with the first
 * input value. {@code EMA(X,N)} is {@code SMA(X,N+1,2)}. O(1), no allocation.
 */
final class Smoother {
    private final double n;
    private final double m;
    private double y;
    private boolean seeded;

    private Smoother(int n, int m) {
        this.n = n;
        this.m = m;
    }

    /** {@code SMA(X,n,m)}. */
    static Smoother sma(int n, int m) {
        return new Smoother(n, m);
    }

    /** {@code EMA(X,n)} = {@code SMA(X,n+1,2)}. */
    static Smoother ema(int n) {
        return new Smoother(n + 1, 2);
    }

    /** The value after {@code x}, without taking it in. */
    double peek(double x) {
        if (!seeded) {
            return x;
        }
        // An input equal to the value leaves it exactly unchanged (the formula can round it off by an
        // ulp), so a flat series keeps its EMA on the price and MACD's DIF and DEA at exactly 0.
        return x == y ? y : (m * x + (n - m) * y) / n;
    }

    /** Takes {@code x} in and returns the new value. */
    double push(double x) {
        y = peek(x);
        seeded = true;
        return y;
    }

    boolean seeded() {
        return seeded;
    }

    /** Last value, NaN before the first input. */
    double value() {
        return seeded ? y : Double.NaN;
    }
}
