/**
 * The client-facing gateway: a TCP server speaking the Vert.x TCP event-bus bridge protocol (so the
 * existing Python/Node/Java/C/Go bridge clients work unchanged) without the stock bridge's defects.
 * {@link com.quotebus.access.bridge.BridgeServer} handles connections on one event loop; {@link
 * com.quotebus.access.bridge.SubscriptionHub} holds one event-bus consumer per subscribed address per
 * node; {@link com.quotebus.access.bridge.AccessPolicy} decides what a client may reach; {@link
 * com.quotebus.access.bridge.RequestRouter} is where client requests go. Configuration: {@link
 * com.quotebus.access.bridge.BridgeServerOptions}; protocol: {@code docs/protocol-bridge.md}.
 */
package com.quotebus.access.bridge;
