package com.quotebus.calculator.history;

/**
 * A bounded ring of fixed-width rows of {@code long}s, oldest first: the storage of {@link BarRing} and
 * {@link TradeTape}. Storage grows in steps up to {@code capacity} rows, so a quiet symbol holds little;
 * when full, appending overwrites the oldest row. Not thread-safe.
 */
final class LongRows {
    private final int width;
    private final int capacity;
    private long[] data;
    private int head;
    private int size;

    LongRows(int width, int capacity, int initialRows) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be > 0, was " + capacity);
        }
        this.width = width;
        this.capacity = capacity;
        this.data = new long[Math.min(capacity, initialRows) * width];
    }

    int size() {
        return size;
    }

    int capacity() {
        return capacity;
    }

    void clear() {
        head = 0;
        size = 0;
    }

    /** Makes room for a new newest row and returns the offset in {@link #data()} to write it at. */
    int append() {
        int slots = data.length / width;
        if (size == slots && slots < capacity) {
            long[] grown = new long[Math.min(capacity, slots * 2) * width];
            for (int i = 0; i < size; i++) {
                System.arraycopy(data, ((head + i) % slots) * width, grown, i * width, width);
            }
            data = grown;
            head = 0;
            slots = data.length / width;
        }
        int index;
        if (size < slots) {
            index = (head + size) % slots;
            size++;
        } else {
            index = head;
            head = (head + 1) % slots;
        }
        return index * width;
    }

    /** Offset in {@link #data()} of row {@code i}, 0 = oldest. */
    int offset(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i + " of " + size);
        }
        return ((head + i) % (data.length / width)) * width;
    }

    /** The backing array (valid until the next {@link #append()}). */
    long[] data() {
        return data;
    }
}
