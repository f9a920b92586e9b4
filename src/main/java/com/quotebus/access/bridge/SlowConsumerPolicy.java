package com.quotebus.access.bridge;

/** What happens to a client whose stream backlog (e.g. {@code tick.*}) overflows. */
public enum SlowConsumerPolicy {
    /**
     * Further stream messages are dropped while the client is backed up; once it drains it gets,
     * per address that lost messages, a gap marker ({@code headers.gap = "true"}) and must resync.
     */
    GAP,
    /** The client gets {@code err slow_consumer} and is disconnected. */
    DISCONNECT
}
