package com.quotebus.collector.arbitration;

import java.util.HashMap;
import java.util.Map;

/**
 * Rate-limited problem logging: the first problem of a kind from a source is logged, then at most one line
 * per interval saying how many were suppressed, so a broken line cannot flood the log. Entries are one per
 * (source, kind), a small fixed set. Not thread-safe (the arbitrator's lock guards it).
 */
final class ProblemLog {
    private static final System.Logger LOG = System.getLogger("com.quotebus.collector.arbitration");

    private final long intervalMillis;
    private final Map<String, long[]> entries = new HashMap<>();

    ProblemLog(long intervalMillis) {
        this.intervalMillis = intervalMillis;
    }

    /** Records one problem; logs it when it is the first of its kind or the interval has passed. */
    void report(String source, String kind, String detail, long nowMillis) {
        report(source, kind, detail, nowMillis, System.Logger.Level.WARNING);
    }

    /** As {@link #report(String, String, String, long)} at the given level. */
    void report(String source, String kind, String detail, long nowMillis, System.Logger.Level level) {
        long[] e = entries.computeIfAbsent(source + '\u0000' + kind, k -> new long[] {Long.MIN_VALUE, 0});
        if (e[0] == Long.MIN_VALUE || nowMillis - e[0] >= intervalMillis) {
            String suppressed = e[1] > 0 ? " (" + e[1] + " more since the last report)" : "";
            LOG.log(level, "source {0}: {1}: {2}{3}", source, kind, detail, suppressed);
            e[0] = nowMillis;
            e[1] = 0;
        } else {
            e[1]++;
        }
    }
}
