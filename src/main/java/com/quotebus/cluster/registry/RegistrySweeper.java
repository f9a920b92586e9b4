package com.quotebus.cluster.registry;

import io.vertx.core.Vertx;

import java.time.Duration;

/** Drives {@link ServiceRegistry#sweep()} from a Vert.x timer (the sweep itself never blocks). */
public final class RegistrySweeper {

    private RegistrySweeper() {
    }

    /**
     * Sweeps every {@code interval} (a third of the TTL keeps the worst-case detection at TTL × 4/3); returns the
     * timer id, to cancel with {@code vertx.cancelTimer}.
     */
    public static long every(Vertx vertx, ServiceRegistry registry, Duration interval) {
        if (interval == null || interval.toMillis() < 10) {
            throw new IllegalArgumentException("sweep interval " + interval + " must be at least 10ms");
        }
        return vertx.setPeriodic(interval.toMillis(), id -> registry.sweep());
    }
}
