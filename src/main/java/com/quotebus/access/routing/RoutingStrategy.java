package com.quotebus.access.routing;

import com.quotebus.cluster.registry.ServiceInstance;

import java.util.List;

/**
 * Chooses the instance that gets a request. Implementations are plain Java, thread-safe (a router may be
 * called from several event loops) and keep only bounded state. To add one: write the class and add a
 * constant to {@link StrategyKind}.
 */
public interface RoutingStrategy {

    /**
     * @param candidates ACTIVE instances not yet tried for this request, sorted by instance id; never empty
     * @param request    the request being routed
     * @return one of {@code candidates}
     */
    ServiceInstance choose(List<ServiceInstance> candidates, RouteRequest request);

    /**
     * The candidates that can serve {@code request} at all (default: every one), in the same order; the router
     * chooses among these. An empty result means none can.
     */
    default List<ServiceInstance> eligible(List<ServiceInstance> candidates, RouteRequest request) {
        return candidates;
    }
}
