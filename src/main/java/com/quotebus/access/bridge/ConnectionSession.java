package com.quotebus.access.bridge;

/**
 * The session of one client connection, as the bridge sees it (implemented by
 * {@code com.quotebus.access.session}). Every method is called on the connection's event loop.
 */
public interface ConnectionSession {

    /** A client {@code send} to a session address ({@link SessionSupport#isSessionAddress}). */
    void onRequest(String address, Object body, String replyAddress);

    /**
     * A market-data frame for the client. The session queues it with
     * {@link GatewayConnection#enqueueMarketData} (at once, later, or changed) or drops it.
     *
     * @param seq the message's {@code seq} (from its JSON body), or -1 when it has none
     */
    void onMarketData(String address, boolean stream, byte[] frame, long seq);

    /** The client subscribed to {@code address} (register). */
    void onSubscribed(String address);

    /** The client unsubscribed from {@code address}. */
    void onUnsubscribed(String address);

    /** Periodic: store the session's state if it changed. */
    void sync();

    /** The connection is gone; {@code shutdown} when the gateway itself is closing. */
    void onClosed(boolean shutdown);
}
