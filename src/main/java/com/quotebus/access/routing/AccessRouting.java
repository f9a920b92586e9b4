package com.quotebus.access.routing;

import com.quotebus.cluster.InMemoryShardMap;
import com.quotebus.cluster.ShardMap;
import com.quotebus.cluster.registry.InMemoryServiceRegistry;
import com.quotebus.cluster.registry.RegistryConfig;
import com.quotebus.cluster.registry.RegistrySweeper;
import com.quotebus.cluster.registry.ServiceRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.time.Duration;

/**
 * Everything an access node needs for routing, wired in one place: registry (swept on a timer), policy store,
 * router and context failover. Build it in the gateway verticle's {@code start()} and close it in {@code stop()}:
 * {@link #clustered} over cluster-wide stores the node has started (in a cluster the Hazelcast ones of
 * {@code com.quotebus.cluster.hazelcast}; this package does not know Hazelcast), {@link #local} on a single node.
 */
public final class AccessRouting {

    /**
     * @param registry              registry TTL and map name
     * @param router                timeouts, attempts, non-idempotent services
     * @param policyMapName         name of the cluster-wide map of per-service policies
     * @param maxContextsPerSession held contexts one session may have
     * @param maxContexts           held contexts on this node
     * @param resendTimeoutMillis   deadline of one context re-send
     * @param orphanRetryMillis     how often contexts without an instance are retried
     */
    public record Settings(RegistryConfig registry, RouterConfig router, String policyMapName,
                           int maxContextsPerSession, int maxContexts, long resendTimeoutMillis,
                           long orphanRetryMillis) {

        public static final Settings DEFAULT = new Settings(RegistryConfig.DEFAULT, RouterConfig.DEFAULT,
                "quotebus.policies", 1_000, 1_000_000, 2_000, 1_000);

        /** These settings with another registry configuration. */
        public Settings withRegistry(RegistryConfig other) {
            return new Settings(other, router, policyMapName, maxContextsPerSession, maxContexts,
                    resendTimeoutMillis, orphanRetryMillis);
        }

        /** These settings with another router configuration. */
        public Settings withRouter(RouterConfig other) {
            return new Settings(registry, other, policyMapName, maxContextsPerSession, maxContexts,
                    resendTimeoutMillis, orphanRetryMillis);
        }

        public Settings {
            if (registry == null || router == null || policyMapName == null || policyMapName.isBlank()) {
                throw new IllegalArgumentException("registry, router and policyMapName are required");
            }
            if (maxContextsPerSession < 1 || maxContexts < 1) {
                throw new IllegalArgumentException("maxContextsPerSession and maxContexts must be positive");
            }
        }
    }

    private final Vertx vertx;
    private final ServiceRegistry registry;
    private final PolicyStore policies;
    private final ServiceRouter router;
    private final ShardMap shardMap;
    private final ContextFailover contexts;
    private final long sweepTimer;

    private AccessRouting(Vertx vertx, ServiceRegistry registry, PolicyStore policies, ShardMap shardMap,
                          Settings settings, Clock clock, MeterRegistry meters) {
        this.vertx = vertx;
        this.registry = registry;
        this.policies = policies;
        this.shardMap = shardMap;
        this.router = new ServiceRouter(vertx, registry, policies, settings.router(), clock, new RouterMetrics(meters),
                shardMap);
        this.contexts = new ContextFailover(vertx, router, registry, clock, settings.maxContextsPerSession(),
                settings.maxContexts(), settings.resendTimeoutMillis(), settings.orphanRetryMillis());
        // A third of the TTL: a silent instance is gone at most TTL × 4/3 after its last heartbeat.
        this.sweepTimer = RegistrySweeper.every(vertx, registry,
                Duration.ofMillis(Math.max(10, settings.registry().ttl().toMillis() / 3)));
    }

    /** Single node: in-memory registry and policies. */
    public static AccessRouting local(Vertx vertx, Settings settings, Clock clock, MeterRegistry meters) {
        return new AccessRouting(vertx, new InMemoryServiceRegistry(settings.registry(), clock),
                new InMemoryPolicyStore(), new InMemoryShardMap(), settings, clock, meters);
    }

    /**
     * Routing over cluster-wide stores, already started by the caller (their start may block: the node runs it on
     * a worker thread). Routes the shard strategies by {@code shardMap} (one per node, shared with the node's
     * calculators; the caller closes it). Takes over {@code registry} and {@code policies}: {@link #close()} closes
     * them, on a worker thread, when they are {@link AutoCloseable}.
     */
    public static AccessRouting clustered(Vertx vertx, ServiceRegistry registry, PolicyStore policies,
                                          ShardMap shardMap, Settings settings, Clock clock, MeterRegistry meters) {
        return new AccessRouting(vertx, registry, policies, shardMap, settings, clock, meters);
    }

    public ServiceRegistry registry() {
        return registry;
    }

    public PolicyStore policies() {
        return policies;
    }

    /** The shard map the router routes the shard strategies by. */
    public ShardMap shardMap() {
        return shardMap;
    }

    public ServiceRouter router() {
        return router;
    }

    public ContextFailover contexts() {
        return contexts;
    }

    /**
     * Stops timers and listeners, then closes the policy store and the registry (those that are
     * {@link AutoCloseable}; on a worker thread, as closing a cluster-wide store blocks); requests in flight still
     * complete.
     */
    public Future<Void> close() {
        vertx.cancelTimer(sweepTimer);
        contexts.close();
        router.close();
        return vertx.executeBlocking(() -> {
            closeIfCloseable(policies);
            closeIfCloseable(registry);
            return null;
        });
    }

    private static void closeIfCloseable(Object store) throws Exception {
        if (store instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
