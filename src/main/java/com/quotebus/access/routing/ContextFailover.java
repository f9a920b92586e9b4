package com.quotebus.access.routing;

import com.quotebus.cluster.registry.RegistryListener;
import com.quotebus.cluster.registry.ServiceRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Vert.x edge of {@link SessionContexts}: routes state-establishing requests through the {@link ServiceRouter}
 * and remembers them, and when the holding instance leaves the registry sends them again through the router
 * (so the service's strategy picks the new instance) with header {@value #RESENT_HEADER}{@code : true}; the
 * reply to a re-send is dropped, its effect (the new instance pushing to the session) is what counts. Orphans
 * are retried whenever an instance of their service becomes available and every {@code retryInterval}.
 */
public final class ContextFailover implements AutoCloseable {

    /** Header set on a re-sent context request. */
    public static final String RESENT_HEADER = "context-resent";
    /** Failure code of {@link #open} when the session or the node holds too many contexts. Type ERROR. */
    public static final int TOO_MANY_CONTEXTS = 429;

    private final ServiceRouter router;
    private final ServiceRegistry registry;
    private final Clock clock;
    private final long resendTimeoutMillis;
    private final Context context;
    private final Vertx vertx;
    private final SessionContexts contexts;
    private final RegistryListener listener;
    private final long timerId;
    private final AtomicLong resent = new AtomicLong();
    private final AtomicLong resendFailures = new AtomicLong();

    /**
     * @param resendTimeoutMillis total time for one re-send (deadline passed to the router)
     * @param retryIntervalMillis how often orphans are retried
     */
    public ContextFailover(Vertx vertx, ServiceRouter router, ServiceRegistry registry, Clock clock,
                           int maxPerSession, int maxTotal, long resendTimeoutMillis, long retryIntervalMillis) {
        if (resendTimeoutMillis < 1 || retryIntervalMillis < 10) {
            throw new IllegalArgumentException("resendTimeoutMillis must be >= 1 and retryIntervalMillis >= 10");
        }
        this.vertx = vertx;
        this.router = router;
        this.registry = registry;
        this.clock = clock;
        this.resendTimeoutMillis = resendTimeoutMillis;
        this.context = vertx.getOrCreateContext();
        this.contexts = new SessionContexts(maxPerSession, maxTotal, this::resend);
        this.listener = contexts.registryListener();
        registry.addListener(listener);
        this.timerId = vertx.setPeriodic(retryIntervalMillis, id -> contexts.retryOrphans());
    }

    /**
     * Routes a state-establishing request and, when it succeeds, holds it for the session under {@code contextId}
     * bound to the instance that answered (the first, for a multicast service).
     */
    public Future<RouteReply> open(String sessionId, String contextId, String address, Object body,
                                   Map<String, String> headers, long deadlineMillis) {
        SessionContexts.HoldResult verdict = contexts.canHold(sessionId, contextId);
        if (verdict == SessionContexts.HoldResult.SESSION_LIMIT || verdict == SessionContexts.HoldResult.TOTAL_LIMIT) {
            return Future.failedFuture(new ReplyException(ReplyFailure.ERROR, TOO_MANY_CONTEXTS,
                    "too many contexts (" + verdict + ") for session " + sessionId));
        }
        Map<String, String> h = headers == null ? Map.of() : Map.copyOf(headers);
        return router.route(address, body, h, deadlineMillis).map(reply -> {
            contexts.hold(new HeldContext(sessionId, contextId, reply.service(), address, body, h,
                    reply.instanceIds().get(0)));
            return reply;
        });
    }

    /** Forgets a context; the returned value names the instance to send the matching release to. */
    public Optional<HeldContext> close(String sessionId, String contextId) {
        return contexts.release(sessionId, contextId);
    }

    /** Forgets all contexts of a closed session. */
    public List<HeldContext> closeSession(String sessionId) {
        return contexts.releaseSession(sessionId);
    }

    public SessionContexts contexts() {
        return contexts;
    }

    /** Context re-sends that succeeded. */
    public long resent() {
        return resent.get();
    }

    /** Context re-sends that failed (the context became an orphan). */
    public long resendFailures() {
        return resendFailures.get();
    }

    // Called on the registry's notification thread: hop to our context before routing.
    private void resend(HeldContext held) {
        context.runOnContext(v -> {
            Map<String, String> h = new LinkedHashMap<>(held.headers());
            h.put(RESENT_HEADER, "true");
            router.route(held.address(), held.body(), h, clock.millis() + resendTimeoutMillis).onComplete(ar -> {
                if (ar.succeeded()) {
                    resent.incrementAndGet();
                    contexts.rebind(held, ar.result().instanceIds().get(0));
                } else {
                    resendFailures.incrementAndGet();
                    contexts.resendFailed(held);
                }
            });
        });
    }

    @Override
    public void close() {
        vertx.cancelTimer(timerId);
        registry.removeListener(listener);
    }
}
