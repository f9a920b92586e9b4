package com.quotebus.client;

/** Told about the connection's life (for progress messages and metrics); called on the client's thread. */
public interface ConnectionListener {
    /** Connected and the session step is done; {@code resumed} when the previous session was taken over. */
    default void connected(Endpoint endpoint, boolean resumed) {
    }

    /** The connection to {@code endpoint} was lost. */
    default void disconnected(Endpoint endpoint, String reason) {
    }

    /** The next attempt goes to {@code endpoint} after {@code delayMs}. */
    default void reconnecting(Endpoint endpoint, long delayMs) {
    }
}
