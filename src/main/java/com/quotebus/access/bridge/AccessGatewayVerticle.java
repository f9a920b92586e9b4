package com.quotebus.access.bridge;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

/**
 * Runs one {@link BridgeServer} on this verticle's event loop. Deploy several instances (one per
 * event loop) with a shared hub so that each address has one event-bus consumer per node:
 *
 * <pre>{@code
 * BridgeMetrics metrics = new BridgeMetrics();
 * SubscriptionHub hub = new SubscriptionHub(vertx, options, metrics);
 * vertx.deployVerticle(() -> new AccessGatewayVerticle(options, hub, router),
 *         new DeploymentOptions().setInstances(2));
 * }</pre>
 *
 * With no hub given, the verticle creates its own (and closes it on stop); with no options, it reads
 * them from its deployment config ({@link BridgeServerOptions#fromJson}).
 */
public final class AccessGatewayVerticle extends VerticleBase {
    private final BridgeServerOptions givenOptions;
    private final SubscriptionHub givenHub;
    private final RequestRouter router;
    private final SessionSupport sessions;
    private final LiveLimits limits;
    private SubscriptionHub ownHub;
    private BridgeServer server;
    private int port = -1;

    /** Options from the deployment config, own hub, event-bus requests only. */
    public AccessGatewayVerticle() {
        this(null, null, null);
    }

    /**
     * @param options null to read them from the deployment config
     * @param hub     the node's shared hub; null to create one for this verticle alone
     * @param router  router for {@code routedPrefixes} requests; null for plain event-bus requests
     */
    public AccessGatewayVerticle(BridgeServerOptions options, SubscriptionHub hub, RequestRouter router) {
        this(options, hub, router, null, null);
    }

    /**
     * As above, with the node's sessions and live limits.
     *
     * @param sessions session support, or null for connections without sessions
     * @param limits   the node's live limits ({@code admin.limits}), or null for fixed ones from the options
     */
    public AccessGatewayVerticle(BridgeServerOptions options, SubscriptionHub hub, RequestRouter router,
                                 SessionSupport sessions, LiveLimits limits) {
        this.givenOptions = options;
        this.givenHub = hub;
        this.router = router;
        this.sessions = sessions;
        this.limits = limits;
    }

    @Override
    public Future<?> start() {
        BridgeServerOptions options = givenOptions != null ? givenOptions : BridgeServerOptions.fromJson(config());
        SubscriptionHub hub = givenHub;
        if (hub == null) {
            ownHub = new SubscriptionHub(vertx, options, new BridgeMetrics());
            hub = ownHub;
        }
        server = new BridgeServer(vertx, options, hub, router).sessions(sessions);
        if (limits != null) {
            server.limits(limits);
        }
        return server.listen().onSuccess(p -> port = p);
    }

    @Override
    public Future<?> stop() {
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        return ownHub == null ? closed : closed.eventually(() -> ownHub.close());
    }

    /** The port bound, once started. */
    public int port() {
        return port;
    }

    public BridgeServer server() {
        return server;
    }
}
