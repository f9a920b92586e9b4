package com.quotebus.core.indicator;

/**
 * The last {@code n − 1} committed double inputs of an {@code n}-bar window and their sum. A running
 * double sum picks up rounding error with every add and remove, so the sum is recomputed from the
 * ring once per {@code n − 1} pushes: O(1) amortised, error bounded by one window's worth of adds.
 */
final class DoubleWindow {
    private final int period;
    private final double[] ring;
    private int head;
    private int size;
    private double sum;
    private int sinceRecompute;

    DoubleWindow(int period) {
        this.period = period;
        this.ring = new double[period - 1];
    }

    int period() {
        return period;
    }

    boolean fullWithNext() {
        return size == ring.length;
    }

    double sumWith(double x) {
        return sum + x;
    }

    void push(double x) {
        if (ring.length == 0) {
            return;
        }
        if (size == ring.length) {
            sum -= ring[head];
            ring[head] = x;
            head = head + 1 == ring.length ? 0 : head + 1;
        } else {
            ring[(head + size) % ring.length] = x;
            size++;
        }
        sum += x;
        if (++sinceRecompute >= ring.length) {
            sinceRecompute = 0;
            double s = 0;
            for (int i = 0; i < size; i++) {
                s += ring[(head + i) % ring.length];
            }
            sum = s;
        }
    }
}
