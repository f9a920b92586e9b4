/**
 * The Java client of Quotebus: speaks the TCP event-bus bridge protocol (4-byte length + JSON frames,
 * {@code docs/protocol-bridge.md}) to one of several access gateways on a Vert.x {@code NetClient}.
 * {@link com.quotebus.client.QuotebusClient} is the entry point: typed queries returning
 * {@code CompletableFuture}s of small immutable records, typed subscriptions delivering to a
 * {@link com.quotebus.client.StreamListener}, admin requests, reconnection with backoff and session
 * resume ({@code docs/sessions.md}), per-address sequence tracking (duplicates dropped, tick gaps filled
 * through {@code svc.ticks}). Depends on no server package: only Vert.x core and the
 * {@code com.quotebus.core} value types. User guide: {@code docs/clients.md}.
 */
package com.quotebus.client;
