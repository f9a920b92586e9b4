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
 * {@link com.quotebus.access.routing.RouterConfig} (JSON config) and {@link
 * com.quotebus.access.routing.HazelcastPolicyStore}.
 */
package com.quotebus.access.routing;
