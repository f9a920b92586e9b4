package com.quotebus.collector.verticle;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.collector.TestEvents;
import com.quotebus.collector.arbitration.ArbitrationConfig;
import com.quotebus.collector.journal.FsyncPolicy;
import com.quotebus.collector.journal.WireEventSerializer;
import com.quotebus.collector.pipeline.CollectorPipeline;
import com.quotebus.collector.pipeline.CollectorStatus;
import com.quotebus.collector.pipeline.PipelineMetrics;
import com.quotebus.collector.pipeline.PipelineOutput;
import com.quotebus.collector.pipeline.TradingDayRouter;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.ManualClock;
import com.quotebus.core.time.TradingCalendar;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Prometheus scrape against a real pipeline: after traffic, and after the garbage collector ran, the
 * collector's lines equal the pipeline's own counters (what {@code internal.collector.metrics} and
 * {@code /status} report), also after the roll to the next trading day.
 */
class CollectorMetersScrapeTest {
    private static final TradingCalendar CALENDAR = TradingCalendar.loadDefault();
    private static final LocalDate FRIDAY = LocalDate.parse("2026-11-27");
    private static final int CH = 2011;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(at("2026-11-27T14:50:00"));
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    private static long at(String t) {
        return ChinaTime.epochMillis(LocalDateTime.parse(t));
    }

    private TradingDayRouter router() {
        CollectorPipeline.Settings settings = new CollectorPipeline.Settings(dir, FsyncPolicy.NEVER,
                new ArbitrationConfig(20, 5_000, 1_000, 60_000), 1_000);
        TradingDayRouter r = new TradingDayRouter(CALENDAR, FRIDAY, false, day -> CollectorPipeline.open(settings,
                day, clock, List.of("a", "b"), WireEventSerializer.INSTANCE, new PipelineOutput() {
                    @Override
                    public void publish(MarketEvent event) {}

                    @Override
                    public void status(CollectorStatus status) {}
                }), 1);
        r.setLeader(true);
        return r;
    }

    /** Both lines send the same trades, as a redundant feed does; {@code b} only every other one. */
    private static void traffic(TradingDayRouter r, String from, int trades) {
        long t0 = at(from);
        for (int seq = 1; seq <= trades; seq++) {
            var trade = TestEvents.trade(seq % 2 == 0 ? "000001.SZ" : "000002.SZ", CH, seq, t0 + seq * 10L,
                    100_000, 100);
            r.onEvent("a", trade);
            if (seq % 2 == 0) {
                r.onEvent("b", trade);
            }
        }
        r.flush();
    }

    /**
     * The current day's counters once its journal thread has nothing left to do: the backlog gauge is an
     * instant's value, and the thread lowers it just after a flush has been released.
     */
    private static PipelineMetrics settled(TradingDayRouter r) {
        long until = System.nanoTime() + 5_000_000_000L;
        PipelineMetrics m = r.current().metrics();
        while (m.journalBacklog() != 0 && System.nanoTime() < until) {
            Thread.onSpinWait();
            m = r.current().metrics();
        }
        return m;
    }

    private double scraped(String line) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(line) + " (\\S+)$").matcher(registry.scrape());
        assertThat(m.find()).as("%s in the scrape", line).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private void assertScrapeEquals(PipelineMetrics m) {
        var sources = m.arbitration().sources();
        for (String s : List.of("a", "b")) {
            assertThat(scraped("quotebus_collector_events_in_total{source=\"" + s + "\"}"))
                    .isEqualTo(sources.get(s).eventsIn());
            assertThat(scraped("quotebus_collector_events_won_total{source=\"" + s + "\"}"))
                    .isEqualTo(sources.get(s).won());
            assertThat(scraped("quotebus_collector_duplicates_total{source=\"" + s + "\"}"))
                    .isEqualTo(sources.get(s).duplicates());
            assertThat(scraped("quotebus_collector_source_up{source=\"" + s + "\"}")).isEqualTo(1);
        }
        assertThat(scraped("quotebus_collector_events_out_total")).isEqualTo(m.arbitration().delivered());
        assertThat(scraped("quotebus_collector_published_total")).isEqualTo(m.published());
        assertThat(scraped("quotebus_collector_journaled_total")).isEqualTo(m.journaled());
        assertThat(scraped("quotebus_collector_feed_waits_total")).isEqualTo(m.feedWaits());
        assertThat(scraped("quotebus_collector_journal_backlog")).isEqualTo(m.journalBacklog());
        assertThat(scraped("quotebus_collector_feed_wait_max_seconds")).isEqualTo(m.feedWaitMaxMicros() / 1e6);
        assertThat(scraped("quotebus_collector_leader")).isEqualTo(1);
    }

    @Test
    void theScrapeEqualsThePipelineCountersAfterTrafficAndAGarbageCollection() {
        try (TradingDayRouter r = router();
                CollectorMeters meters = CollectorMeters.bind(registry, List.of("a", "b"),
                        () -> r.current().metrics())) {
            traffic(r, "2026-11-27T14:51:00", 1_000);
            System.gc(); // the meters' object was weakly held and collected here before 2026-12: 0 and NaN
            System.gc();

            PipelineMetrics m = settled(r);
            assertThat(m.arbitration().sources().get("a").eventsIn()).isEqualTo(1_000);
            assertThat(m.arbitration().sources().get("b").eventsIn()).isEqualTo(500);
            assertThat(m.published()).isEqualTo(1_000);
            assertScrapeEquals(m);
        }
    }

    @Test
    void afterTheRollTheMetersReadTheNewTradingDay() {
        try (TradingDayRouter r = router();
                CollectorMeters meters = CollectorMeters.bind(registry, List.of("a", "b"),
                        () -> r.current().metrics())) {
            traffic(r, "2026-11-27T14:51:00", 100);
            r.tick(); // opens Monday ahead
            clock.set(at("2026-11-30T09:15:00"));
            traffic(r, "2026-11-30T09:15:01", 40);

            PipelineMetrics m = settled(r);
            assertThat(r.current().tradingDay()).isEqualTo(LocalDate.parse("2026-11-30"));
            assertThat(m.published()).isEqualTo(40);
            assertScrapeEquals(m);
        }
    }

    @Test
    void closingRemovesTheMetersSoThatTheNextCollectorBindsItsOwn() {
        try (TradingDayRouter r = router()) {
            CollectorMeters.bind(registry, List.of("a", "b"), () -> {
                throw new AssertionError("the first collector's meters were read");
            }).close();
            try (CollectorMeters meters = CollectorMeters.bind(registry, List.of("a", "b"),
                    () -> r.current().metrics())) {
                traffic(r, "2026-11-27T14:51:00", 10);
                assertScrapeEquals(r.current().metrics());
            }
            assertThat(registry.find("quotebus.collector.events.in").meters()).isEmpty();
        }
    }
}
