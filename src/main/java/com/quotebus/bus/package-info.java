/**
 * Event-bus edge: Vert.x {@link io.vertx.core.eventbus.MessageCodec}s for the Quotebus events,
 * one per type, delegating to the {@link com.quotebus.wire.EventCodec} wire encoding. Register
 * them with {@link com.quotebus.bus.EventCodecs#registerAll}.
 */
package com.quotebus.bus;
