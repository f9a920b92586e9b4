package com.quotebus.access.routing;

import com.quotebus.access.routing.RouteReply;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;

/**
 * A routed service reply seen as an event-bus {@link Message}, the shape the bridge's request hook
 * returns. It cannot be answered (the router's replies never ask for an answer back). Header
 * {@value #INSTANCE_HEADER} names the instance(s) that answered (the calculator sets it itself, which counts when
 * it passed the query on to the owner; else the router's choice, comma-separated for multicast), so a client
 * or an operator can see where a code is served and when it moves.
 */
final class RoutedReplyMessage implements Message<Object> {
    static final String INSTANCE_HEADER = "instance";
    private final String address;
    private final RouteReply reply;
    private final MultiMap headers;

    RoutedReplyMessage(String address, RouteReply reply) {
        this.address = address;
        this.reply = reply;
        this.headers = MultiMap.caseInsensitiveMultiMap();
        reply.headers().forEach(headers::add);
        if (!reply.instanceIds().isEmpty() && !headers.contains(INSTANCE_HEADER)) {
            headers.set(INSTANCE_HEADER, String.join(",", reply.instanceIds()));
        }
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public MultiMap headers() {
        return headers;
    }

    @Override
    public Object body() {
        return reply.body();
    }

    @Override
    public String replyAddress() {
        return null;
    }

    @Override
    public boolean isSend() {
        return true;
    }

    @Override
    public void reply(Object message, DeliveryOptions options) {
        throw new IllegalStateException("a routed service reply cannot be answered");
    }

    @Override
    public <R> Future<Message<R>> replyAndRequest(Object message, DeliveryOptions options) {
        return Future.failedFuture(new IllegalStateException("a routed service reply cannot be answered"));
    }
}
