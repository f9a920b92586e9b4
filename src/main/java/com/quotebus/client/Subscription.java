package com.quotebus.client;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A live subscription to one or more addresses; {@link #close()} stops delivery. */
public interface Subscription extends AutoCloseable {
    /** The addresses subscribed, e.g. {@code quote.600000.SH}. */
    List<String> addresses();

    /** Stops delivery at once; unregisters addresses no other subscription uses. */
    CompletableFuture<Void> unsubscribe();

    @Override
    default void close() {
        unsubscribe();
    }
}
