package com.quotebus.access.routing;

import com.quotebus.cluster.registry.ServiceInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Smooth weighted round-robin as in nginx: each pick adds every candidate's weight to its running score,
 * takes the highest score (first in instance-id order on ties) and subtracts the total weight from it. Over
 * any window of {@code sum(weights)} picks each instance gets exactly its weight, spread out rather than in
 * bursts (weights 5:1:1 give a a b a c a a).
 *
 * <p>Scores are kept per instance id (a strategy serves one service) and dropped for instances no longer among the candidates, so state stays
 * bounded by the number of instances; a retry that excludes an instance therefore restarts that instance's
 * score, which only nudges the sequence.
 */
public final class SmoothWeightedStrategy implements RoutingStrategy {

    private final Map<String, Long> scores = new HashMap<>();

    @Override
    public synchronized ServiceInstance choose(List<ServiceInstance> candidates, RouteRequest request) {
        if (scores.size() > candidates.size()) {
            scores.keySet().retainAll(candidates.stream().map(ServiceInstance::instanceId).toList());
        }
        long total = 0;
        ServiceInstance best = null;
        long bestScore = Long.MIN_VALUE;
        for (ServiceInstance c : candidates) {
            total += c.weight();
            long score = scores.getOrDefault(c.instanceId(), 0L) + c.weight();
            scores.put(c.instanceId(), score);
            if (score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        scores.put(best.instanceId(), bestScore - total);
        return best;
    }
}
