/**
 * Routing of client requests for {@code svc.<service>} to service instances.
 *
 * <p>Plain Java (no Vert.x): {@link com.quotebus.access.routing.RoutingStrategy} and its implementations
 * (round-robin, smooth weighted, least-outstanding, consistent hash), {@link
 * com.quotebus.access.routing.OutstandingRequests}, {@link com.quotebus.access.routing.ServicePolicy} and
 * {@link com.quotebus.access.routing.SessionContexts} (held contexts and their failover).
 *
 * <p>Edges: {@link com.quotebus.access.routing.ServiceRouter} (event bus, retries, multicast, metrics), {@link
 * com.quotebus.access.routing.ContextFailover}, {@link com.quotebus.access.routing.ReplyMerger} (JSON replies),
 * {@link com.quotebus.access.routing.RouterConfig} (JSON config). The routing domain itself does not know
 * Hazelcast: the cluster-wide {@link com.quotebus.access.routing.PolicyStore} (and the registry and shard map
 * it routes by) are given to {@link com.quotebus.access.routing.AccessRouting#clustered} by the node.
 */
package com.quotebus.access.routing;
