package com.quotebus.access.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;

/** Session meters ({@code quotebus.sessions.*}). */
public final class SessionMetrics {
    final AtomicInteger active = new AtomicInteger();
    final Counter opened;
    final Counter resumed;
    final Counter expired;
    final Counter replayed;
    final Counter resyncs;
    final Counter writes;

    public SessionMetrics(MeterRegistry registry) {
        Gauge.builder("quotebus.sessions.active", active, AtomicInteger::get)
                .description("sessions held by connections of this node").register(registry);
        opened = Counter.builder("quotebus.sessions.opened").description("sessions created").register(registry);
        resumed = Counter.builder("quotebus.sessions.resumed").description("sessions resumed on this node")
                .register(registry);
        expired = Counter.builder("quotebus.sessions.expired")
                .description("resume attempts for unknown or expired sessions").register(registry);
        replayed = Counter.builder("quotebus.sessions.replayed")
                .description("stream messages replayed to resumed sessions").register(registry);
        resyncs = Counter.builder("quotebus.sessions.resyncs")
                .description("resync markers and resync-flagged values sent to resumed sessions").register(registry);
        writes = Counter.builder("quotebus.sessions.writes").description("session writes to the store")
                .register(registry);
    }

    public int active() {
        return active.get();
    }

    public double resumed() {
        return resumed.count();
    }

    public double replayed() {
        return replayed.count();
    }

    public double resyncs() {
        return resyncs.count();
    }

    public double expired() {
        return expired.count();
    }
}
