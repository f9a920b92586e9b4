package com.quotebus.access.routing;

import com.quotebus.access.bridge.ClientRequest;
import com.quotebus.access.bridge.RequestRouter;
import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The gateway's hook for {@code svc.*} client requests: routes each through the {@link ServiceRouter} (strategy,
 * retries, failover) with the client's headers and timeout as the deadline, and hands the reply back as a
 * {@link Message} whose header {@code instance} names the instance(s) that answered.
 */
public final class RoutedRequests implements RequestRouter {
    private final Supplier<ServiceRouter> router;

    /** @param router the node's router (read per request: the routing layer may be swapped at start) */
    public RoutedRequests(Supplier<ServiceRouter> router) {
        this.router = router;
    }

    @Override
    public Future<Message<Object>> route(ClientRequest request) {
        return router.get().route(request.address(), request.body(), headers(request), deadline(request))
                .map(reply -> new RoutedReplyMessage(request.address(), reply));
    }

    /** The router fails a request at its deadline (per-try timeouts within it): no extra timer is needed. */
    @Override
    public boolean completesInTime() {
        return true;
    }

    private static Map<String, String> headers(ClientRequest r) {
        if (r.headers() == null || r.headers().isEmpty()) {
            return Map.of();
        }
        Map<String, String> h = new HashMap<>();
        r.headers().forEach(e -> h.put(e.getKey(), e.getValue()));
        return h;
    }

    private static long deadline(ClientRequest r) {
        return r.timeoutMs() > 0 ? System.currentTimeMillis() + r.timeoutMs() : 0;
    }
}
