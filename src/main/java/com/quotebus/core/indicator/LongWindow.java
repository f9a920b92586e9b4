package com.quotebus.core.indicator;

/**
 * The last {@code n − 1} committed integer inputs of an {@code n}-bar window and their exact sum, so
 * that the window ending with a new input {@code x} has sum {@link #sumWith}{@code (x)} without
 * changing anything. Integer sums (minor units, volumes) do not drift, however long the series runs.
 */
final class LongWindow {
    private final int period;
    private final long[] ring;
    private int head;
    private int size;
    private long sum;

    LongWindow(int period) {
        this.period = period;
        this.ring = new long[period - 1];
    }

    /** One window per period, in the order given. */
    static LongWindow[] of(int[] periods) {
        LongWindow[] windows = new LongWindow[periods.length];
        for (int i = 0; i < periods.length; i++) {
            windows[i] = new LongWindow(periods[i]);
        }
        return windows;
    }

    /** Commits {@code x} to every window. */
    static void pushAll(LongWindow[] windows, long x) {
        for (LongWindow w : windows) {
            w.push(x);
        }
    }

    int period() {
        return period;
    }

    /** True when the window ending with one more input holds {@code period} inputs. */
    boolean fullWithNext() {
        return size == ring.length;
    }

    /** Sum of the window ending with {@code x}. */
    long sumWith(long x) {
        return sum + x;
    }

    /** Number of committed inputs held (at most {@code period − 1}). */
    int size() {
        return size;
    }

    /** The {@code i}-th held input, oldest first. */
    long get(int i) {
        return ring[(head + i) % ring.length];
    }

    void push(long x) {
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
    }
}
