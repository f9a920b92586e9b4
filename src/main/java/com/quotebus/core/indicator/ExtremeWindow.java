package com.quotebus.core.indicator;

/**
 * {@code HHV}/{@code LLV} over an {@code n}-bar window: a monotonic deque over the last {@code n − 1}
 * committed inputs, so the extreme of the window ending with a new input is one comparison away.
 * Push is O(1) amortised (each input enters and leaves the deque once); fixed arrays, no allocation.
 */
final class ExtremeWindow {
    private final boolean max;
    private final int capacity;
    private final long[] values;
    private final long[] seqs;
    private int front;
    private int count;
    private long seq;

    private ExtremeWindow(int period, boolean max) {
        this.max = max;
        this.capacity = period - 1;
        this.values = new long[Math.max(capacity, 1)];
        this.seqs = new long[Math.max(capacity, 1)];
    }

    static ExtremeWindow highest(int period) {
        return new ExtremeWindow(period, true);
    }

    static ExtremeWindow lowest(int period) {
        return new ExtremeWindow(period, false);
    }

    /** True when the window ending with one more input holds {@code period} inputs. */
    boolean fullWithNext() {
        return seq >= capacity;
    }

    /** Extreme of the window ending with {@code x}. */
    long extremeWith(long x) {
        if (count == 0) {
            return x;
        }
        long e = values[front];
        return max ? Math.max(e, x) : Math.min(e, x);
    }

    void push(long x) {
        if (capacity == 0) {
            return;
        }
        // Drop the input that leaves the window (sequence numbers at or before seq − capacity).
        if (count > 0 && seqs[front] <= seq - capacity) {
            front = next(front);
            count--;
        }
        // Drop inputs that can never be the extreme again: older and not better than x.
        while (count > 0) {
            int back = (front + count - 1) % capacity;
            if (max ? values[back] <= x : values[back] >= x) {
                count--;
            } else {
                break;
            }
        }
        int slot = (front + count) % capacity;
        values[slot] = x;
        seqs[slot] = seq;
        count++;
        seq++;
    }

    private int next(int i) {
        return i + 1 == capacity ? 0 : i + 1;
    }
}
