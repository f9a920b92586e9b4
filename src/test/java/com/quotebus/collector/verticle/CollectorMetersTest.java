package com.quotebus.collector.verticle;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.collector.arbitration.ArbitrationMetrics;
import com.quotebus.collector.arbitration.SourceMetrics;
import com.quotebus.collector.pipeline.PipelineMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CollectorMetersTest {
    private static PipelineMetrics metrics(long inA, boolean upB, long gaps, int stale) {
        Map<String, SourceMetrics> sources = new LinkedHashMap<>();
        sources.put("a", new SourceMetrics(true, inA, inA - 1, 1, 0, 2, 0, 0));
        sources.put("b", new SourceMetrics(upB, 7, 1, 6, 0, 0, 3, 1));
        return new PipelineMetrics(new ArbitrationMetrics(sources, inA, gaps, gaps * 2, stale, stale, 0), inA, inA, 0,
                0, true, 1000, 3, 0, 0, 0);
    }

    @Test
    void metersReadTheCurrentCountersWhenScraped() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AtomicReference<PipelineMetrics> current = new AtomicReference<>(metrics(10, true, 0, 0));
        try (CollectorMeters meters = CollectorMeters.bind(registry, List.of("a", "b"), current::get)) {
            current.set(metrics(25, false, 2, 4));
            assertCurrent(registry);
        }
        assertThat(registry.getMeters()).isEmpty();
    }

    private static void assertCurrent(SimpleMeterRegistry registry) {

        assertThat(registry.get("quotebus.collector.events.in").tag("source", "a").functionCounter().count())
                .isEqualTo(25);
        assertThat(registry.get("quotebus.collector.malformed").tag("source", "a").functionCounter().count())
                .isEqualTo(2);
        assertThat(registry.get("quotebus.collector.source.up").tag("source", "b").gauge().value()).isZero();
        assertThat(registry.get("quotebus.collector.gaps").functionCounter().count()).isEqualTo(2);
        assertThat(registry.get("quotebus.collector.lost.messages").functionCounter().count()).isEqualTo(4);
        assertThat(registry.get("quotebus.collector.stale.symbols").gauge().value()).isEqualTo(4);
        assertThat(registry.get("quotebus.collector.leader").gauge().value()).isEqualTo(1);
    }
}
