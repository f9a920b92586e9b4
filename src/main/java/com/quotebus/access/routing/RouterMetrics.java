package com.quotebus.access.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Router meters: {@code quotebus.route.latency} (timer, tags service and outcome ok|error),
 * {@code quotebus.route.retries} (counter, tags service and cause: the failure code that caused the retry),
 * {@code quotebus.route.retries.denied} (counter, tag service: retries the retry budget refused),
 * {@code quotebus.route.hedges} (counter, tags service and outcome: sent = a second instance asked because the
 * first was slow; won = the hedge's answer came first) and
 * {@code quotebus.route.errors} (counter, tags service
 * and code: see {@link RouteFailures} and the event-bus failure types). The service tag is the routed service,
 * or {@code unknown} for names with no instance and no policy, so client input cannot grow the tag set.
 */
public final class RouterMetrics {

    private final MeterRegistry meters;
    // Tag values are bounded (known services), so these caches are too; they spare a registry lookup per request.
    private final Map<String, Timer> okTimers = new ConcurrentHashMap<>();
    private final Map<String, Timer> errorTimers = new ConcurrentHashMap<>();

    public RouterMetrics(MeterRegistry meters) {
        if (meters == null) {
            throw new IllegalArgumentException("meters is required");
        }
        this.meters = meters;
    }

    void completed(String service, long nanos, boolean ok) {
        (ok ? okTimers : errorTimers).computeIfAbsent(service, s -> Timer.builder("quotebus.route.latency")
                        .tag("service", s).tag("outcome", ok ? "ok" : "error").publishPercentileHistogram()
                        .register(meters))
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    void retried(String service, String cause) {
        Counter.builder("quotebus.route.retries").tag("service", service).tag("cause", cause).register(meters)
                .increment();
    }

    /** A retry the service's retry budget did not allow (the request failed with its attempt's failure). */
    void retryDenied(String service) {
        Counter.builder("quotebus.route.retries.denied").tag("service", service).register(meters).increment();
    }

    /** An idempotent request also sent to another instance because the first had not answered in time. */
    void hedged(String service) {
        Counter.builder("quotebus.route.hedges").tag("service", service).tag("outcome", "sent").register(meters)
                .increment();
    }

    /** A hedged request answered by the hedge first. */
    void hedgeWon(String service) {
        Counter.builder("quotebus.route.hedges").tag("service", service).tag("outcome", "won").register(meters)
                .increment();
    }

    /** Hedges of the service ({@code sent} or {@code won}). */
    public double hedges(String service, String outcome) {
        Counter c = meters.find("quotebus.route.hedges").tag("service", service).tag("outcome", outcome).counter();
        return c == null ? 0 : c.count();
    }

    /** Retries the budget did not allow. */
    public double retriesDenied(String service) {
        Counter c = meters.find("quotebus.route.retries.denied").tag("service", service).counter();
        return c == null ? 0 : c.count();
    }

    void failed(String service, String code) {
        Counter.builder("quotebus.route.errors").tag("service", service).tag("code", code).register(meters).increment();
    }

    /** Retries of the service for every cause. */
    public double retries(String service) {
        return meters.find("quotebus.route.retries").tag("service", service).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    /** Retries of the service after a failure of this code (TIMEOUT, NO_HANDLERS, INSTANCE_LOST). */
    public double retries(String service, String cause) {
        Counter c = meters.find("quotebus.route.retries").tag("service", service).tag("cause", cause).counter();
        return c == null ? 0 : c.count();
    }

    public double errors(String service, String code) {
        Counter c = meters.find("quotebus.route.errors").tag("service", service).tag("code", code).counter();
        return c == null ? 0 : c.count();
    }

    public long completedCount(String service) {
        return meters.find("quotebus.route.latency").tag("service", service).timers().stream()
                .mapToLong(Timer::count).sum();
    }
}
