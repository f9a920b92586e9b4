package com.quotebus.access.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests sent to each instance and not yet answered, kept by the router for the least-outstanding strategy
 * and for monitoring. An instance's entry disappears when its count returns to zero, so the map holds only
 * instances with requests in flight.
 */
public final class OutstandingRequests {

    private final Map<String, Integer> counts = new ConcurrentHashMap<>();

    /** A request was sent to the instance with this {@code service/instanceId} key. */
    public void started(String instanceKey) {
        counts.merge(instanceKey, 1, Integer::sum);
    }

    /** The request finished (reply, failure or timeout). */
    public void finished(String instanceKey) {
        counts.computeIfPresent(instanceKey, (k, n) -> n <= 1 ? null : n - 1);
    }

    public int of(String instanceKey) {
        return counts.getOrDefault(instanceKey, 0);
    }

    /** Total requests in flight. */
    public int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
