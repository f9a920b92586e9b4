package com.quotebus.collector.replay;

/**
 * How a replay ended.
 *
 * @param events    events delivered
 * @param malformed lines reported as malformed
 * @param stopped   true when {@link CsvReplaySource#stop()} ended it before the end of the files
 */
public record ReplaySummary(long events, long malformed, boolean stopped) {}
