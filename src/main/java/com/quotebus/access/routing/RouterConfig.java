package com.quotebus.access.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.Set;

/**
 * Router settings, checked once at construction.
 *
 * @param defaultTimeoutMillis  total time for a request whose caller gives no deadline, 1–60 000 (default 2000)
 * @param perTryTimeoutMillis   time one attempt may take before the next instance is tried, 1–60 000 (default
 *                              1000); each attempt gets {@code min(this, time left to the deadline)}. A service's
 *                              policy may override it
 * @param maxAttempts           attempts per request including the first, 1–10 (default 3)
 * @param nonIdempotentServices services whose requests are never retried after they may have arrived
 */
public record RouterConfig(long defaultTimeoutMillis, long perTryTimeoutMillis, int maxAttempts,
                           Set<String> nonIdempotentServices) {

    public static final RouterConfig DEFAULT = new RouterConfig(2000, 1000, 3, Set.of());

    public RouterConfig {
        if (defaultTimeoutMillis < 1 || defaultTimeoutMillis > 60_000) {
            throw new IllegalArgumentException("router defaultTimeoutMillis " + defaultTimeoutMillis + " must be 1-60000");
        }
        if (perTryTimeoutMillis < 1 || perTryTimeoutMillis > 60_000) {
            throw new IllegalArgumentException("router perTryTimeoutMillis " + perTryTimeoutMillis + " must be 1-60000");
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("router maxAttempts " + maxAttempts + " must be 1-10");
        }
        nonIdempotentServices = nonIdempotentServices == null ? Set.of() : Set.copyOf(nonIdempotentServices);
    }

    /**
     * Reads {@code defaultTimeoutMillis}, {@code perTryTimeoutMillis}, {@code maxAttempts} and
     * {@code nonIdempotentServices} (array of names); absent keys keep the defaults; unknown keys fail.
     */
    public static RouterConfig fromJson(JsonObject json) {
        Set<String> known = Set.of("defaultTimeoutMillis", "perTryTimeoutMillis", "maxAttempts", "nonIdempotentServices");
        for (String key : json.fieldNames()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown router config key '" + key + "' (known: " + known + ")");
            }
        }
        try {
            JsonArray names = json.getJsonArray("nonIdempotentServices", new JsonArray());
            return new RouterConfig(
                    json.getLong("defaultTimeoutMillis", DEFAULT.defaultTimeoutMillis),
                    json.getLong("perTryTimeoutMillis", DEFAULT.perTryTimeoutMillis),
                    json.getInteger("maxAttempts", DEFAULT.maxAttempts),
                    Set.copyOf(names.stream().map(String::valueOf).toList()));
        } catch (ClassCastException e) {
            throw new IllegalArgumentException("router config has a value of the wrong type: " + e.getMessage(), e);
        }
    }
}
