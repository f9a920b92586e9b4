package com.quotebus.access.bridge;

import io.vertx.core.Future;

/**
 * Sessions for bridge connections (implemented by {@code com.quotebus.access.session.SessionManager}).
 * Shared by every bridge server of a node; called on each connection's event loop.
 */
public interface SessionSupport {

    /** Addresses the gateway answers itself ({@code session.open}, {@code session.close}). */
    boolean isSessionAddress(String address);

    /** A connection opened: its session, or null when this node holds as many sessions as allowed. */
    ConnectionSession opened(GatewayConnection connection);

    /** How often {@link ConnectionSession#sync()} is called, ms. */
    long syncIntervalMs();

    /** Completes once every session write started so far is done (the gateway is closing). */
    Future<Void> flushed();
}
