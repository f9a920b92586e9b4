package com.quotebus.access.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests sent to each instance and not yet answered, kept by the router for the least-outstanding strategy
 * and for monitoring. An instance's entry disappears when its count returns to zero, so the map holds only
 * instances with requests in flight (plus one small map per service ever routed to).
 */
public final class OutstandingRequests {

    // service -> instanceId -> count; two lookups instead of building a "service/id" key per request
    private final Map<String, Map<String, Integer>> counts = new ConcurrentHashMap<>();

    /** A request was sent to the instance. */
    public void started(String service, String instanceId) {
        counts.computeIfAbsent(service, s -> new ConcurrentHashMap<>()).merge(instanceId, 1, Integer::sum);
    }

    /** The request finished (reply, failure or timeout). */
    public void finished(String service, String instanceId) {
        Map<String, Integer> perService = counts.get(service);
        if (perService != null) {
            perService.computeIfPresent(instanceId, (k, n) -> n <= 1 ? null : n - 1);
        }
    }

    public int of(String service, String instanceId) {
        Map<String, Integer> perService = counts.get(service);
        return perService == null ? 0 : perService.getOrDefault(instanceId, 0);
    }

    /** Total requests in flight. */
    public int total() {
        return counts.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
    }
}
