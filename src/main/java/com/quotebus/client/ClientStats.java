package com.quotebus.client;

/**
 * Counters of one client since it was created.
 *
 * @param connects          successful connections (the first one included)
 * @param resumes           connections that resumed the previous session
 * @param duplicatesDropped pushes dropped because their seq was already processed
 * @param ticksFilled       ticks fetched through {@code svc.ticks} to fill gaps and delivered
 * @param resyncs           {@link Resync}s told to listeners
 * @param badPushes         pushes whose body did not have the documented shape (skipped)
 */
public record ClientStats(long connects, long resumes, long duplicatesDropped, long ticksFilled, long resyncs,
                          long badPushes) {
}
