package com.quotebus.loadtest;

/**
 * Planned-time stamps carried in message bodies between the JVMs of a load test. They are
 * {@link System#nanoTime()} values, which on Linux read CLOCK_MONOTONIC and so agree across the
 * processes of one machine, offset by 10^15 so that every stamp has exactly 16 digits and can be
 * patched into a pre-encoded frame in place.
 */
final class Stamp {
    static final long OFFSET = 1_000_000_000_000_000L;
    static final int DIGITS = 16;

    private Stamp() {
    }

    static long of(long nanoTime) {
        long s = OFFSET + nanoTime;
        if (s < OFFSET || s >= 10 * OFFSET) {
            throw new IllegalStateException("nanoTime outside the 16-digit stamp range: " + nanoTime);
        }
        return s;
    }

    static long nanoTime(long stamp) {
        return stamp - OFFSET;
    }

    /** Writes the 16 digits of {@code stamp} at {@code off}. */
    static void write(byte[] dst, int off, long stamp) {
        for (int i = DIGITS - 1; i >= 0; i--) {
            dst[off + i] = (byte) ('0' + stamp % 10);
            stamp /= 10;
        }
    }
}
