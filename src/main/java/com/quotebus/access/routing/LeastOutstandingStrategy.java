package com.quotebus.access.routing;

import com.quotebus.cluster.registry.ServiceInstance;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The instance with the fewest requests in flight from this router; ties go round-robin so equally idle
 * instances share the work. Counts are per router node: with several access nodes each balances its own
 * traffic, which is what matters for latency.
 */
public final class LeastOutstandingStrategy implements RoutingStrategy {

    private final OutstandingRequests outstanding;
    private final AtomicLong rotation = new AtomicLong();

    public LeastOutstandingStrategy(OutstandingRequests outstanding) {
        if (outstanding == null) {
            throw new IllegalArgumentException("outstanding is required");
        }
        this.outstanding = outstanding;
    }

    @Override
    public ServiceInstance choose(List<ServiceInstance> candidates, RouteRequest request) {
        int n = candidates.size();
        int[] counts = new int[n];
        int fewest = Integer.MAX_VALUE;
        int ties = 0;
        for (int k = 0; k < n; k++) {
            ServiceInstance c = candidates.get(k);
            counts[k] = outstanding.of(c.service(), c.instanceId());
            if (counts[k] < fewest) {
                fewest = counts[k];
                ties = 1;
            } else if (counts[k] == fewest) {
                ties++;
            }
        }
        // Rotate over the tied instances only, so each gets an equal share of the ties.
        int pick = (int) Math.floorMod(rotation.getAndIncrement(), (long) ties);
        for (int k = 0; k < n; k++) {
            if (counts[k] == fewest && pick-- == 0) {
                return candidates.get(k);
            }
        }
        throw new IllegalStateException("unreachable: a tied instance exists");
    }
}
