package com.quotebus.access.routing;

import com.quotebus.access.registry.ServiceInstance;

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
        int start = (int) Math.floorMod(rotation.getAndIncrement(), (long) n);
        ServiceInstance best = null;
        int fewest = Integer.MAX_VALUE;
        for (int k = 0; k < n; k++) {
            ServiceInstance c = candidates.get((start + k) % n);
            int count = outstanding.of(c.key());
            if (count < fewest) {
                best = c;
                fewest = count;
            }
        }
        return best;
    }
}
