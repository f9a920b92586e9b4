package com.quotebus.access.routing;

import com.quotebus.access.registry.ServiceInstance;
import com.quotebus.cluster.Shards;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes a request for a code to the calculator instance that owns the code's shard, by the same
 * rendezvous rule the calculators use to split the shards among themselves ({@link Shards}). When the
 * owner has already failed this request, the owner among the remaining candidates is chosen — the
 * instance that takes the shard over once the failed one leaves the registry. A request without a
 * routing key goes to the first candidate.
 */
public final class ShardOwnerStrategy implements RoutingStrategy {
    private final int shards;

    public ShardOwnerStrategy(int shards) {
        if (shards <= 0) {
            throw new IllegalArgumentException("shards must be > 0, was " + shards);
        }
        this.shards = shards;
    }

    @Override
    public ServiceInstance choose(List<ServiceInstance> candidates, RouteRequest request) {
        String key = request.routingKey();
        if (key == null || key.isEmpty()) {
            return candidates.get(0);
        }
        List<String> ids = new ArrayList<>(candidates.size());
        for (ServiceInstance i : candidates) {
            ids.add(i.instanceId());
        }
        String owner = Shards.owner(Shards.shardOf(key, shards), ids);
        for (ServiceInstance i : candidates) {
            if (i.instanceId().equals(owner)) {
                return i;
            }
        }
        return candidates.get(0);
    }
}
