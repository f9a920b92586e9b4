package com.quotebus.client;

/**
 * Told to a listener when its stream may have lost messages that the client could not recover: the
 * listener should re-read state it keeps (e.g. re-query the minute line) before trusting updates again.
 * {@code fromSeq}..{@code toSeq} is the missed range when known (0 when not).
 */
public record Resync(String address, Reason reason, long fromSeq, long toSeq) {
    /** Why. */
    public enum Reason {
        /** The connection dropped and the session could not be resumed; the subscription was re-registered. */
        SESSION_LOST,
        /** The gateway marked the address {@code resync} (resumed session whose missed messages are gone). */
        SERVER_RESYNC,
        /** The gateway dropped messages for this slow client ({@code gap} marker) and they could not be fetched. */
        GAP,
        /** Missed ticks could not be fetched through {@code svc.ticks} (no longer held, or the request failed). */
        MISSED_UNAVAILABLE,
        /** A delta stream ({@code minute.*}, {@code pricevol.*}) skipped sequence numbers. */
        SEQ_JUMP
    }
}
