package com.quotebus.access.routing;

import com.quotebus.config.Settings;
import io.vertx.core.json.JsonObject;

import java.util.List;
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
 * @param retryBudgetRatio      retries a service may get per first attempt, 0–1 (default 0.2): an overloaded or
 *                              slow service is not hit with up to {@code maxAttempts} times its load
 * @param retryBudgetMinPerSecond retries a service may get per second however little traffic it has, 0–10 000
 *                              (default 10), so a quiet service still fails over
 * @param hedgeMinMillis        the least time an idempotent request waits for one instance before it is sent to
 *                              another as well, 1–60 000 (default 20)
 * @param hedgeMaxMillis        the most it waits (the delay follows the service's recent latency in between),
 *                              0–60 000 (default 200); 0 turns hedging off (then only failures move a request)
 */
public record RouterConfig(long defaultTimeoutMillis, long perTryTimeoutMillis, int maxAttempts,
                           Set<String> nonIdempotentServices, double retryBudgetRatio, double retryBudgetMinPerSecond,
                           long hedgeMinMillis, long hedgeMaxMillis) {

    public static final RouterConfig DEFAULT = new RouterConfig(2000, 1000, 3, Set.of());

    /** With the default retry budget and hedging. */
    public RouterConfig(long defaultTimeoutMillis, long perTryTimeoutMillis, int maxAttempts,
                        Set<String> nonIdempotentServices) {
        this(defaultTimeoutMillis, perTryTimeoutMillis, maxAttempts, nonIdempotentServices, 0.2, 10);
    }

    /** With the default hedging. */
    public RouterConfig(long defaultTimeoutMillis, long perTryTimeoutMillis, int maxAttempts,
                        Set<String> nonIdempotentServices, double retryBudgetRatio, double retryBudgetMinPerSecond) {
        this(defaultTimeoutMillis, perTryTimeoutMillis, maxAttempts, nonIdempotentServices, retryBudgetRatio,
                retryBudgetMinPerSecond, 20, 200);
    }

    /** Whether idempotent requests are hedged. */
    public boolean hedging() {
        return hedgeMaxMillis > 0;
    }

    public RouterConfig {
        if (defaultTimeoutMillis < 1 || defaultTimeoutMillis > 60_000) {
            throw new IllegalArgumentException("access.router.default-timeout-millis " + defaultTimeoutMillis + " must be 1-60000");
        }
        if (perTryTimeoutMillis < 1 || perTryTimeoutMillis > 60_000) {
            throw new IllegalArgumentException("access.router.per-try-timeout-millis " + perTryTimeoutMillis + " must be 1-60000");
        }
        if (maxAttempts < 1 || maxAttempts > 10) {
            throw new IllegalArgumentException("access.router.max-attempts " + maxAttempts + " must be 1-10");
        }
        nonIdempotentServices = nonIdempotentServices == null ? Set.of() : Set.copyOf(nonIdempotentServices);
        if (!(retryBudgetRatio >= 0 && retryBudgetRatio <= 1)) {
            throw new IllegalArgumentException("access.router.retry-budget-ratio " + retryBudgetRatio + " must be 0-1");
        }
        if (!(retryBudgetMinPerSecond >= 0 && retryBudgetMinPerSecond <= 10_000)) {
            throw new IllegalArgumentException("access.router.retry-budget-min-per-second " + retryBudgetMinPerSecond
                    + " must be 0-10000");
        }
        if (hedgeMinMillis < 1 || hedgeMinMillis > 60_000) {
            throw new IllegalArgumentException("access.router.hedge-min-millis " + hedgeMinMillis + " must be 1-60000");
        }
        if (hedgeMaxMillis < 0 || hedgeMaxMillis > 60_000 || (hedgeMaxMillis > 0 && hedgeMaxMillis < hedgeMinMillis)) {
            throw new IllegalArgumentException("access.router.hedge-max-millis " + hedgeMaxMillis
                    + " must be 0 (off) or hedge-min-millis..60000");
        }
    }

    /**
     * Reads the {@code access.router} section: {@code default-timeout-millis}, {@code per-try-timeout-millis},
     * {@code max-attempts}, {@code non-idempotent-services} (list of names), {@code retry-budget-ratio},
     * {@code retry-budget-min-per-second}, {@code hedge-min-millis}, {@code hedge-max-millis}; absent keys keep
     * the defaults.
     */
    public static RouterConfig from(Settings s) {
        return s.build(() -> new RouterConfig(
                s.longValue("default-timeout-millis", DEFAULT.defaultTimeoutMillis),
                s.longValue("per-try-timeout-millis", DEFAULT.perTryTimeoutMillis),
                s.intValue("max-attempts", DEFAULT.maxAttempts),
                Set.copyOf(s.list("non-idempotent-services", List.of())),
                s.doubleValue("retry-budget-ratio", DEFAULT.retryBudgetRatio),
                s.doubleValue("retry-budget-min-per-second", DEFAULT.retryBudgetMinPerSecond),
                s.longValue("hedge-min-millis", DEFAULT.hedgeMinMillis),
                s.longValue("hedge-max-millis", DEFAULT.hedgeMaxMillis)));
    }

    /** Reads the {@code access.router} keys from JSON alone (no overrides). */
    public static RouterConfig fromJson(JsonObject json) {
        return from(com.quotebus.config.ConfigLoader.section("access.router", json));
    }
}
