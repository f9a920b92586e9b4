package com.quotebus.cluster.registry;

import java.time.Duration;

/**
 * Registry settings, checked once at construction.
 *
 * @param ttl     an instance whose last heartbeat is older than this is removed by the next sweep;
 *                100 ms – 10 min. Services should heartbeat at a third of it or more often.
 * @param mapName Hazelcast {@code IMap} holding the instances (ignored by the in-memory registry)
 */
public record RegistryConfig(Duration ttl, String mapName) {

    public static final RegistryConfig DEFAULT = new RegistryConfig(Duration.ofSeconds(10), "quotebus.services");

    public RegistryConfig {
        if (ttl == null || ttl.compareTo(Duration.ofMillis(100)) < 0 || ttl.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new IllegalArgumentException("registry ttl " + ttl + " must be between 100ms and 10min");
        }
        if (mapName == null || mapName.isBlank()) {
            throw new IllegalArgumentException("registry mapName is missing");
        }
    }

    public static RegistryConfig withTtl(Duration ttl) {
        return new RegistryConfig(ttl, DEFAULT.mapName());
    }
}
