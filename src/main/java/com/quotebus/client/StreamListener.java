package com.quotebus.client;

/**
 * Receives one subscription's updates, in {@code seq} order without duplicates. Called on the client's
 * event-loop thread: do not block in it (hand work to an executor).
 */
@FunctionalInterface
public interface StreamListener<T> {
    void onUpdate(T update);

    /** Messages may have been lost and could not be recovered; see {@link Resync}. */
    default void onResync(Resync resync) {
    }

    /** The subscription failed (e.g. the gateway denied it); it will not deliver again. */
    default void onError(QuotebusException error) {
    }
}
