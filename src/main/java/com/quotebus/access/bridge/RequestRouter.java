package com.quotebus.access.bridge;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;

/**
 * Where client requests go. The bridge calls it on the connection's event loop and must not be
 * blocked by it. The returned future completes with the reply message (its body, headers and, if
 * the service wants an answer back, its replyAddress are passed to the client), or fails; a
 * {@link ReplyException} keeps its failure code and type on the wire ({@code NO_HANDLERS},
 * {@code TIMEOUT}, {@code RECIPIENT_FAILURE}), any other failure is reported as
 * {@code RECIPIENT_FAILURE} with code -1.
 *
 * <p>Implementations: {@link EventBusRequestRouter} (plain event-bus request, the default); the
 * routing/failover layer plugs its own in for {@code svc.*} addresses.
 */
@FunctionalInterface
public interface RequestRouter {
    Future<Message<Object>> route(ClientRequest request);

    /**
     * Whether the returned future always completes by the request's {@link ClientRequest#timeoutMs()}; when not
     * (the default, for a pluggable router), the bridge adds a timer of its own so the client is answered in time.
     */
    default boolean completesInTime() {
        return false;
    }
}
