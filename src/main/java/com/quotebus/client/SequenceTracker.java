package com.quotebus.client;

/**
 * The last {@code seq} processed on one address, and what a newly arrived one means. Sequences run
 * 1, 2, 3 … per address per trading day, so a 1 after a higher number starts a new day. Not thread-safe.
 */
final class SequenceTracker {
    /** What an arriving seq is. */
    enum Verdict {
        /** The first message seen, or the next in order, or the first of a new day: process it. */
        NEXT,
        /** At or below the last processed: already seen, drop it. */
        DUPLICATE,
        /** Beyond the next: {@link #missingFrom()} … seq-1 were missed. */
        JUMP
    }

    private long last;

    /** The last processed seq; 0 before any. */
    long last() {
        return last;
    }

    Verdict check(long seq) {
        if (last == 0 || seq == last + 1 || (seq == 1 && last > 1)) {
            return Verdict.NEXT;
        }
        if (seq <= last) {
            return Verdict.DUPLICATE;
        }
        return Verdict.JUMP;
    }

    /** The first seq not yet processed. */
    long missingFrom() {
        return last + 1;
    }

    /** Records {@code seq} as processed. */
    void processed(long seq) {
        last = seq;
    }
}
