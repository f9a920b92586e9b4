package com.quotebus.collector.pipeline;

import com.quotebus.collector.arbitration.ArbitrationMetrics;

/**
 * Counters of a collector pipeline for one trading day.
 *
 * @param arbitration     per-source and merge counters
 * @param journaled       events appended to the journal today (including those recovered at open)
 * @param published       events published downstream by this collector (only while leader)
 * @param republished     events published again after a takeover (consumers drop those they have, by seq)
 * @param journalErrors   appends that failed (disk full, I/O error); the events were still published
 * @param leader          whether this collector publishes
 * @param journalPosition byte offset where the next record goes
 * @param symbols         symbols numbered today
 */
public record PipelineMetrics(ArbitrationMetrics arbitration, long journaled, long published, long republished,
        long journalErrors, boolean leader, long journalPosition, int symbols) {}
