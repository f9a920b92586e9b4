package com.quotebus.access.bridge;

import io.vertx.core.json.JsonObject;
import io.vertx.core.internal.ContextInternal;
import java.util.Set;

/**
 * What a {@link ConnectionSession} may do with its client connection. Every method must be called on
 * {@link #context()}'s event loop.
 */
public interface GatewayConnection {

    /** The event loop that owns the connection. */
    ContextInternal context();

    /**
     * Queues a market-data frame for the client through the slow-consumer policy.
     *
     * @param stream true for stream addresses (bounded backlog, may be dropped), false for last-value ones
     * @return false when it was dropped (stream backlog overflow) or the connection is closing
     */
    boolean enqueueMarketData(byte[] frame, boolean stream, String address);

    /** Sends {@code body} as the reply to a client request (no-op when {@code replyAddress} is null). */
    void reply(String replyAddress, String sourceAddress, JsonObject body);

    /** Fails a client request with {@code failureCode} and {@code message}. */
    void replyFailure(String replyAddress, String sourceAddress, int failureCode, String message);

    /**
     * Subscribes the connection as a client {@code register} would (permits and quota apply, no admin
     * token); true when subscribed or already subscribed.
     */
    boolean subscribe(String address);

    /** The addresses the connection is subscribed to (a copy). */
    Set<String> subscriptions();

    /** Whether {@code address} is a stream address ({@code streamPrefixes}). */
    boolean isStream(String address);

    /** Whether {@code address} is a last-value address ({@code lastValuePrefixes}). */
    boolean isLastValue(String address);

    /** Closes the connection on a later turn. */
    void close();
}
