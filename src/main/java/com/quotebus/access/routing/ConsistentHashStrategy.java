package com.quotebus.access.routing;

import com.quotebus.cluster.registry.ServiceInstance;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Consistent hashing of the request's routing key (e.g. its {@code code}) onto a ring with {@code virtualNodes}
 * points per instance: the same key goes to the same instance while the instance set is unchanged, and when an
 * instance leaves only its keys move (to the next points on the ring), when one joins only the keys it takes
 * over move. Points are derived from the instance id, so every access node builds the same ring. Requests
 * without a key go round-robin.
 *
 * <p>The ring is rebuilt only when the candidate list changes (instances join, leave, drain, or a retry excludes
 * one), not when only load or heartbeat time changes; the last ring is cached.
 */
public final class ConsistentHashStrategy implements RoutingStrategy {

    private final int virtualNodes;
    private final RoundRobinStrategy keyless = new RoundRobinStrategy();
    private volatile Ring ring = new Ring(List.of(), new TreeMap<>());

    /** @param virtualNodes points per instance on the ring, 1–1000 (more: smoother spread, bigger ring) */
    public ConsistentHashStrategy(int virtualNodes) {
        if (virtualNodes < 1 || virtualNodes > 1000) {
            throw new IllegalArgumentException("virtualNodes " + virtualNodes + " must be 1-1000");
        }
        this.virtualNodes = virtualNodes;
    }

    @Override
    public ServiceInstance choose(List<ServiceInstance> candidates, RouteRequest request) {
        if (request.routingKey() == null) {
            return keyless.choose(candidates, request);
        }
        Ring r = ring;
        if (!sameIds(r.ids, candidates)) {
            r = build(candidates.stream().map(ServiceInstance::instanceId).toList());
            ring = r;
        }
        Map.Entry<Long, Integer> point = r.points.ceilingEntry(hash(request.routingKey()));
        // Same ids in the same (sorted) order as when the ring was built, so the index is valid.
        return candidates.get(point != null ? point.getValue() : r.points.firstEntry().getValue());
    }

    private static boolean sameIds(List<String> ids, List<ServiceInstance> candidates) {
        if (ids.size() != candidates.size()) {
            return false;
        }
        for (int i = 0; i < ids.size(); i++) {
            if (!ids.get(i).equals(candidates.get(i).instanceId())) {
                return false;
            }
        }
        return true;
    }

    private Ring build(List<String> ids) {
        TreeMap<Long, Integer> points = new TreeMap<>();
        for (int i = 0; i < ids.size(); i++) {
            for (int v = 0; v < virtualNodes; v++) {
                // Candidates are sorted by id, so on the rare collision the smaller id keeps the point on every node.
                points.putIfAbsent(hash(ids.get(i) + "#" + v), i);
            }
        }
        return new Ring(ids, points);
    }

    /** FNV-1a over the UTF-8 bytes, then the murmur3 finalizer for avalanche: stable across JVMs and nodes. */
    static long hash(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** Instance ids in candidate order and the ring points, each naming an index into that order. */
    private record Ring(List<String> ids, TreeMap<Long, Integer> points) {
    }
}
