package com.quotebus.collector.verticle;

import com.quotebus.collector.arbitration.SourceMetrics;
import com.quotebus.collector.pipeline.PipelineMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * Exposes collector counters through Micrometer (names under {@code quotebus.collector.}); every meter reads
 * the pipeline's current metrics snapshot when scraped, so nothing is counted twice.
 */
final class CollectorMeters {
    private CollectorMeters() {}

    static void bind(MeterRegistry registry, List<String> sources, Supplier<PipelineMetrics> metrics) {
        for (String source : sources) {
            sourceCounter(registry, "events.in", source, metrics, SourceMetrics::eventsIn);
            sourceCounter(registry, "events.won", source, metrics, SourceMetrics::won);
            sourceCounter(registry, "duplicates", source, metrics, SourceMetrics::duplicates);
            sourceCounter(registry, "out.of.order", source, metrics, SourceMetrics::outOfOrder);
            sourceCounter(registry, "malformed", source, metrics, SourceMetrics::malformed);
            Gauge.builder("quotebus.collector.source.up", metrics, m -> up(m.get(), source)).tag("source", source)
                    .register(registry);
        }
        counter(registry, "events.out", metrics, m -> m.arbitration().delivered());
        counter(registry, "gaps", metrics, m -> m.arbitration().gaps());
        counter(registry, "lost.messages", metrics, m -> m.arbitration().lostMessages());
        counter(registry, "journal.errors", metrics, PipelineMetrics::journalErrors);
        counter(registry, "published", metrics, PipelineMetrics::published);
        Gauge.builder("quotebus.collector.stale.symbols", metrics, m -> m.get().arbitration().staleSymbols())
                .register(registry);
        Gauge.builder("quotebus.collector.leader", metrics, m -> m.get().leader() ? 1 : 0).register(registry);
    }

    private static double up(PipelineMetrics m, String source) {
        SourceMetrics s = m.arbitration().sources().get(source);
        return s != null && s.up() ? 1 : 0;
    }

    private static void sourceCounter(MeterRegistry registry, String name, String source,
            Supplier<PipelineMetrics> metrics, ToDoubleFunction<SourceMetrics> value) {
        FunctionCounter.builder("quotebus.collector." + name, metrics, m -> {
            SourceMetrics s = m.get().arbitration().sources().get(source);
            return s == null ? 0 : value.applyAsDouble(s);
        }).tag("source", source).register(registry);
    }

    private static void counter(MeterRegistry registry, String name, Supplier<PipelineMetrics> metrics,
            ToDoubleFunction<PipelineMetrics> value) {
        FunctionCounter.builder("quotebus.collector." + name, metrics, m -> value.applyAsDouble(m.get()))
                .register(registry);
    }
}
