package com.quotebus.collector.verticle;

import com.quotebus.collector.arbitration.SourceMetrics;
import com.quotebus.collector.pipeline.PipelineMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Exposes collector counters through Micrometer (names under {@code quotebus.collector.}); every meter reads
 * the current trading day's metrics snapshot when scraped ({@code metrics} is asked each time, so the meters
 * follow the router to the next day's pipeline at the roll), so nothing is counted twice.
 *
 * <p>Micrometer holds a gauge's or function counter's object only weakly. The meters are therefore bound to this
 * object, which the verticle keeps until {@link #close} (before 2026-12 they were bound to a method reference
 * nothing else held: the first GC collected it, and the scrape read 0 and NaN from then on). {@link #close}
 * removes the meters, so that a collector deployed again binds fresh ones instead of getting the old ones back.
 */
final class CollectorMeters implements AutoCloseable {
    private final MeterRegistry registry;
    private final Supplier<PipelineMetrics> metrics;
    private final List<Meter> meters = new ArrayList<>();

    private CollectorMeters(MeterRegistry registry, Supplier<PipelineMetrics> metrics) {
        this.registry = registry;
        this.metrics = metrics;
    }

    /** Registers the meters; keep the result (it is what they read) and close it when the collector stops. */
    static CollectorMeters bind(MeterRegistry registry, List<String> sources, Supplier<PipelineMetrics> metrics) {
        CollectorMeters m = new CollectorMeters(registry, metrics);
        m.bind(sources);
        return m;
    }

    private void bind(List<String> sources) {
        for (String source : sources) {
            sourceCounter("events.in", source, SourceMetrics::eventsIn, "events received from this source");
            sourceCounter("events.won", source, SourceMetrics::won, "events delivered from this source's copy");
            sourceCounter("duplicates", source, SourceMetrics::duplicates, "copies already delivered from any source");
            sourceCounter("out.of.order", source, SourceMetrics::outOfOrder, "copies older than this source's last");
            sourceCounter("malformed", source, SourceMetrics::malformed, "messages that could not be parsed");
            meters.add(Gauge.builder("quotebus.collector.source.up", this, m -> m.up(source)).tag("source", source)
                    .description("1 while the source delivers (events or heartbeats)").register(registry));
        }
        counter("events.out", m -> m.arbitration().delivered(), "events delivered by the arbitration");
        counter("gaps", m -> m.arbitration().gaps(), "holes declared");
        counter("lost.messages", m -> m.arbitration().lostMessages(), "messages lost in declared holes");
        counter("journaled", PipelineMetrics::journaled, "events appended to the journal");
        counter("journal.errors", PipelineMetrics::journalErrors, "failed journal appends or forces");
        counter("published", PipelineMetrics::published, "events published downstream (while leader)");
        counter("republished", PipelineMetrics::republished, "records published again after a takeover");
        counter("feed.waits", PipelineMetrics::feedWaits, "times the feed waited for room in the journal queue");
        gauge("stale.symbols", m -> m.arbitration().staleSymbols(), "symbols stale now");
        gauge("leader", m -> m.leader() ? 1 : 0, "1 while this collector publishes");
        gauge("journal.backlog", PipelineMetrics::journalBacklog,
                "records handed to the journal thread, not yet journaled and published");
        meters.add(Gauge.builder("quotebus.collector.feed.wait.max", this,
                        m -> m.metrics.get().feedWaitMaxMicros() / 1e6)
                .baseUnit("seconds").description("the feed's longest wait for room in the journal queue")
                .register(registry));
    }

    private double up(String source) {
        SourceMetrics s = metrics.get().arbitration().sources().get(source);
        return s != null && s.up() ? 1 : 0;
    }

    private void sourceCounter(String name, String source, ToDoubleFunction<SourceMetrics> value, String help) {
        meters.add(FunctionCounter.builder("quotebus.collector." + name, this, m -> {
            SourceMetrics s = m.metrics.get().arbitration().sources().get(source);
            return s == null ? 0 : value.applyAsDouble(s);
        }).tag("source", source).description(help + " (current trading day)").register(registry));
    }

    private void counter(String name, ToDoubleFunction<PipelineMetrics> value, String help) {
        meters.add(FunctionCounter.builder("quotebus.collector." + name, this,
                m -> value.applyAsDouble(m.metrics.get())).description(help + " (current trading day)")
                .register(registry));
    }

    private void gauge(String name, ToDoubleFunction<PipelineMetrics> value, String help) {
        meters.add(Gauge.builder("quotebus.collector." + name, this, m -> value.applyAsDouble(m.metrics.get()))
                .description(help).register(registry));
    }

    /** Removes the meters from the registry. */
    @Override
    public void close() {
        meters.forEach(registry::remove);
        meters.clear();
    }
}
