package com.quotebus.access.session;

import com.quotebus.config.Settings;
import io.vertx.core.json.JsonObject;

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

    public SessionOptions {
        check(ttlMs >= 1_000 && ttlMs <= 86_400_000L, "ttl-ms", "must be 1000..86400000", ttlMs);
        check(syncMs >= 10 && syncMs <= ttlMs / 3, "sync-ms", "must be 10..ttl-ms/3", syncMs);
        check(maxSessions >= 1, "max-sessions", "must be >= 1", maxSessions);
        check(maxReplay >= 1 && maxReplay <= 1_000_000, "max-replay", "must be 1..1000000", maxReplay);
    }

    /** Reads the {@code access.session} section; absent keys keep their defaults. */
    public static SessionOptions from(Settings s) {
        return s.build(() -> new SessionOptions(s.longValue("ttl-ms", DEFAULT.ttlMs),
                s.longValue("sync-ms", DEFAULT.syncMs), s.intValue("max-sessions", DEFAULT.maxSessions),
                s.intValue("max-replay", DEFAULT.maxReplay)));
    }

    /** Reads {@code access.session} from JSON alone (no overrides). */
    public static SessionOptions fromJson(JsonObject json) {
        return json == null ? DEFAULT : from(com.quotebus.config.ConfigLoader.section("access.session", json));
    }

    private static void check(boolean ok, String key, String reason, Object value) {
        if (!ok) {
            throw new IllegalArgumentException((key.startsWith("access.") ? key : "access.session." + key) + " "
                    + reason + ", was " + value);
        }
    }
}
