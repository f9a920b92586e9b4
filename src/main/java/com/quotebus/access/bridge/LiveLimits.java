package com.quotebus.access.bridge;

import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Per-connection limits that an operator may change while the gateway runs ({@code admin.limits}).
 * One holder per node, shared by its bridge servers; connections read {@link #current()} (one volatile
 * read) on each frame, so a change applies to open connections at their next frame. A lowered
 * subscription quota does not drop existing subscriptions, it refuses new ones.
 */
public final class LiveLimits {
    /** Names accepted by {@link #apply(JsonObject)}. */
    public static final Set<String> KEYS = Set.of("rateLimitPerSecond", "rateLimitBurst",
            "maxSubscriptionsPerConnection", "maxInFlightRequestsPerConnection");

    /** One consistent set of values; checked like {@link BridgeServerOptions}. */
    public record Values(double rateLimitPerSecond, int rateLimitBurst, int maxSubscriptionsPerConnection,
                         int maxInFlightRequestsPerConnection) {
        public Values {
            check(rateLimitPerSecond > 0 && Double.isFinite(rateLimitPerSecond), "rateLimitPerSecond", "must be > 0");
            check(rateLimitBurst >= 1, "rateLimitBurst", "must be >= 1");
            check(maxSubscriptionsPerConnection >= 1, "maxSubscriptionsPerConnection", "must be >= 1");
            check(maxInFlightRequestsPerConnection >= 1, "maxInFlightRequestsPerConnection", "must be >= 1");
        }

        public JsonObject toJson() {
            return new JsonObject().put("rateLimitPerSecond", rateLimitPerSecond).put("rateLimitBurst", rateLimitBurst)
                    .put("maxSubscriptionsPerConnection", maxSubscriptionsPerConnection)
                    .put("maxInFlightRequestsPerConnection", maxInFlightRequestsPerConnection);
        }
    }

    private volatile Values current;

    public LiveLimits(BridgeServerOptions options) {
        this.current = new Values(options.rateLimitPerSecond(), options.rateLimitBurst(),
                options.maxSubscriptionsPerConnection(), options.maxInFlightRequestsPerConnection());
    }

    public Values current() {
        return current;
    }

    /**
     * The current values with the fields of {@code changes} replaced; nothing is applied.
     *
     * @throws IllegalArgumentException naming the first bad or unknown field
     */
    public Values with(JsonObject changes) {
        for (String key : changes.fieldNames()) {
            check(KEYS.contains(key), key, "is not a live limit (known: " + new java.util.TreeSet<>(KEYS) + ")");
        }
        Values v = current;
        return new Values(
                changes.containsKey("rateLimitPerSecond") ? number(changes, "rateLimitPerSecond").doubleValue()
                        : v.rateLimitPerSecond(),
                changes.containsKey("rateLimitBurst") ? whole(changes, "rateLimitBurst") : v.rateLimitBurst(),
                changes.containsKey("maxSubscriptionsPerConnection") ? whole(changes, "maxSubscriptionsPerConnection")
                        : v.maxSubscriptionsPerConnection(),
                changes.containsKey("maxInFlightRequestsPerConnection")
                        ? whole(changes, "maxInFlightRequestsPerConnection") : v.maxInFlightRequestsPerConnection());
    }

    /** Applies {@code changes} (see {@link #with}); returns the new values. */
    public synchronized Values apply(JsonObject changes) {
        Values next = with(changes);
        current = next;
        return next;
    }

    private static Number number(JsonObject json, String key) {
        Object v = json.getValue(key);
        check(v instanceof Number, key, "must be a number");
        return (Number) v;
    }

    private static int whole(JsonObject json, String key) {
        Number n = number(json, key);
        check(n.doubleValue() == n.intValue(), key, "must be a whole number in int range");
        return n.intValue();
    }

    private static void check(boolean ok, String key, String reason) {
        if (!ok) {
            throw new IllegalArgumentException(key + " " + reason);
        }
    }
}
