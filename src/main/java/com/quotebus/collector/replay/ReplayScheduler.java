package com.quotebus.collector.replay;

/**
 * Runs a task after a delay: the one place a replay meets real time. The verticle passes a Vert.x timer
 * ({@code vertx.setTimer}); tests pass a manual scheduler they step. Tasks run one at a time.
 */
@FunctionalInterface
public interface ReplayScheduler {
    /** Runs {@code task} once, {@code delayMillis} (≥ 0) from now. */
    void schedule(long delayMillis, Runnable task);
}
