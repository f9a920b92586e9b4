package com.quotebus.access.bridge;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;

/** Sends the request to its address on the event bus with {@code request()} and the request's timeout. */
public final class EventBusRequestRouter implements RequestRouter {
    private final EventBus eventBus;

    public EventBusRequestRouter(EventBus eventBus) {
        this.eventBus = eventBus;
    }

    @Override
    public Future<Message<Object>> route(ClientRequest request) {
        DeliveryOptions options = new DeliveryOptions().setSendTimeout(request.timeoutMs());
        if (!request.headers().isEmpty()) {
            options.setHeaders(request.headers());
        }
        return eventBus.request(request.address(), request.body(), options);
    }
}
