package com.quotebus.access.routing;

import com.quotebus.cluster.ShardMap;
import com.quotebus.cluster.ShardState;
import com.quotebus.cluster.Shards;
import com.quotebus.cluster.registry.ServiceInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * Routes a request for a code to a calculator instance that holds the code's shard {@link ShardState#LIVE} in
 * the {@link ShardMap} — the one source of who serves what. Among the live replicas the same one is preferred on
 * every node (rendezvous over their ids, {@link Shards#owner}); the router hedges to the next. With no live
 * replica, one releasing the shard (it serves until the shard is live elsewhere), else one acquiring it (it
 * answers {@code unavailable}: a cluster starting). A
 * request without a routing key goes to the first candidate.
 */
public final class ShardOwnerStrategy implements RoutingStrategy {
    private final int shards;
    private final ShardMap shardMap;

    public ShardOwnerStrategy(int shards, ShardMap shardMap) {
        if (shards <= 0) {
            throw new IllegalArgumentException("shards must be > 0, was " + shards);
        }
        this.shards = shards;
        this.shardMap = shardMap;
    }

    @Override
    public List<ServiceInstance> eligible(List<ServiceInstance> candidates, RouteRequest request) {
        String key = request.routingKey();
        if (key == null || key.isEmpty()) {
            return candidates;
        }
        int shard = Shards.shardOf(key, shards);
        List<ServiceInstance> live = new ArrayList<>(candidates.size());
        List<ServiceInstance> releasing = new ArrayList<>(1);
        List<ServiceInstance> acquiring = new ArrayList<>(2);
        for (ServiceInstance i : candidates) {
            ShardState state = shardMap.state(shard, i.instanceId());
            if (state == ShardState.LIVE) {
                live.add(i);
            } else if (state == ShardState.RELEASING) {
                releasing.add(i);
            } else if (state == ShardState.ACQUIRING) {
                acquiring.add(i);
            }
        }
        // a releasing holder still serves until the shard is live elsewhere (a hand-over with one replica)
        return !live.isEmpty() ? live : !releasing.isEmpty() ? releasing : acquiring;
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
