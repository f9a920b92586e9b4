package com.quotebus.it.checker;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per category ("1m bars day 1", "分时 day 2", …): how many items were compared, how many differed, and the
 * first few differences in words. Thread-safe.
 */
public final class Mismatches {
    private static final int SAMPLES = 6;

    private static final class Category {
        long checked;
        long mismatched;
        final List<String> samples = new ArrayList<>();
    }

    private final Map<String, Category> categories = new LinkedHashMap<>();

    /** Counts one compared item of {@code category}; {@code difference} null = equal. */
    public synchronized void record(String category, String difference) {
        Category c = categories.computeIfAbsent(category, k -> new Category());
        c.checked++;
        if (difference != null) {
            c.mismatched++;
            if (c.samples.size() < SAMPLES) {
                c.samples.add(difference);
            }
        }
    }

    /** Compares two rows; records and returns the difference (null when equal). */
    public String compare(String category, String what, long[] expected, long[] served, String[] columns) {
        String diff = difference(expected, served, columns);
        record(category, diff == null ? null : what + ": " + diff);
        return diff;
    }

    /** The columns that differ, "column expected≠served", or null. */
    public static String difference(long[] expected, long[] served, String[] columns) {
        if (served == null) {
            return "missing (expected " + Arrays.toString(expected) + ")";
        }
        if (expected == null) {
            return "unexpected " + Arrays.toString(served);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.max(expected.length, served.length); i++) {
            long e = i < expected.length ? expected[i] : Long.MIN_VALUE;
            long s = i < served.length ? served[i] : Long.MIN_VALUE;
            if (e != s) {
                sb.append(sb.isEmpty() ? "" : ", ").append(i < columns.length ? columns[i] : "#" + i).append(' ')
                        .append(e).append('≠').append(s);
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    public synchronized long checked(String category) {
        Category c = categories.get(category);
        return c == null ? 0 : c.checked;
    }

    public synchronized long mismatched(String category) {
        Category c = categories.get(category);
        return c == null ? 0 : c.mismatched;
    }

    public synchronized long totalMismatched() {
        return categories.values().stream().mapToLong(c -> c.mismatched).sum();
    }

    public synchronized List<String> categories() {
        return List.copyOf(categories.keySet());
    }

    public synchronized List<String> samples(String category) {
        Category c = categories.get(category);
        return c == null ? List.of() : List.copyOf(c.samples);
    }

    /** A compact table: category, checked, mismatched, then the first samples of each category that failed. */
    public synchronized String table() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("  %-34s %10s %10s%n", "compared", "items", "mismatch"));
        categories.forEach((k, c) -> sb.append(String.format("  %-34s %10d %10d%n", k, c.checked, c.mismatched)));
        categories.forEach((k, c) -> c.samples.forEach(s -> sb.append("    ").append(k).append(" | ").append(s)
                .append('\n')));
        return sb.toString();
    }
}
