package com.quotebus.access.session;

import io.vertx.core.json.JsonObject;
import java.util.Set;

/**
 * Session settings ({@code access.session} in {@code verticles.conf}).
 *
 * @param ttlMs       how long a session can be resumed after its connection closed
 * @param syncMs      how often a changed session is written to the store
 * @param maxSessions sessions held by connections of this node; connections beyond get none
 * @param maxReplay   ticks replayed per address on resume; a longer gap is answered with a resync marker
 */
public record SessionOptions(long ttlMs, long syncMs, int maxSessions, int maxReplay) {
    public static final SessionOptions DEFAULT = new SessionOptions(60_000, 1_000, 100_000, 10_000);
    private static final Set<String> KEYS = Set.of("ttl-ms", "sync-ms", "max-sessions", "max-replay");

    public SessionOptions {
        check(ttlMs >= 1_000 && ttlMs <= 86_400_000L, "ttl-ms", "must be 1000..86400000", ttlMs);
        check(syncMs >= 10 && syncMs <= ttlMs / 3, "sync-ms", "must be 10..ttl-ms/3", syncMs);
        check(maxSessions >= 1, "max-sessions", "must be >= 1", maxSessions);
        check(maxReplay >= 1 && maxReplay <= 1_000_000, "max-replay", "must be 1..1000000", maxReplay);
    }

    /** Reads {@code access.session}; absent keys keep their defaults, unknown keys fail. */
    public static SessionOptions fromJson(JsonObject json) {
        if (json == null) {
            return DEFAULT;
        }
        for (String key : json.fieldNames()) {
            check(KEYS.contains(key), "access.session." + key, "is not a known session option (known: "
                    + new java.util.TreeSet<>(KEYS) + ")", json.getValue(key));
        }
        return new SessionOptions(number(json, "ttl-ms", DEFAULT.ttlMs), number(json, "sync-ms", DEFAULT.syncMs),
                (int) number(json, "max-sessions", DEFAULT.maxSessions),
                (int) number(json, "max-replay", DEFAULT.maxReplay));
    }

    private static long number(JsonObject json, String key, long dflt) {
        Object v = json.getValue(key);
        if (v == null) {
            return dflt;
        }
        check(v instanceof Number n && n.doubleValue() == n.longValue() && n.longValue() <= Integer.MAX_VALUE,
                "access.session." + key, "must be a whole number", v);
        return ((Number) v).longValue();
    }

    private static void check(boolean ok, String key, String reason, Object value) {
        if (!ok) {
            throw new IllegalArgumentException((key.startsWith("access.") ? key : "access.session." + key) + " "
                    + reason + ", was " + value);
        }
    }
}
