package com.quotebus.access.routing;

import com.quotebus.cluster.registry.ServiceInstance;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Each instance in turn, in instance-id order. */
public final class RoundRobinStrategy implements RoutingStrategy {

    private final AtomicLong next = new AtomicLong();

    @Override
    public ServiceInstance choose(List<ServiceInstance> candidates, RouteRequest request) {
        return candidates.get((int) Math.floorMod(next.getAndIncrement(), (long) candidates.size()));
    }
}
