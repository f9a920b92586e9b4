package com.quotebus.collector.pipeline;

import com.quotebus.collector.arbitration.ArbitrationMetrics;

/**
 * Counters of a collector pipeline for one trading day.
 *
 * @param arbitration       per-source and merge counters
 * @param journaled         events appended to the journal today (including those recovered at open)
 * @param published         events published downstream by this collector (only while leader)
 * @param republished       records published again after a takeover (consumers drop those they have, by seq)
 * @param journalErrors     appends or forces that failed (disk full, I/O error), and events handed over after
 *                          the journal closed; the events were still published (except the last kind)
 * @param leader            whether this collector publishes
 * @param journalPosition   byte offset after the last record completely written
 * @param symbols           symbols numbered today
 * @param journalBacklog    records and status changes handed to the journal thread, not yet journaled and published
 * @param feedWaits         times the feed path found the journal queue full and waited for room (back-pressure)
 * @param feedWaitMaxMicros the longest of those waits, µs (0 when none)
 */
public record PipelineMetrics(ArbitrationMetrics arbitration, long journaled, long published, long republished,
        long journalErrors, boolean leader, long journalPosition, int symbols, int journalBacklog, long feedWaits,
        long feedWaitMaxMicros) {}
