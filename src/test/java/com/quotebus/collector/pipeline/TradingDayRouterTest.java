package com.quotebus.collector.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.collector.TestEvents;
import com.quotebus.collector.arbitration.ArbitrationConfig;
import com.quotebus.collector.journal.FsyncPolicy;
import com.quotebus.collector.journal.JournalFormat;
import com.quotebus.collector.journal.JournalReader;
import com.quotebus.collector.journal.JournalRecord;
import com.quotebus.collector.journal.WireEventSerializer;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.MarketTime;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.ManualClock;
import com.quotebus.core.time.TradingCalendar;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TradingDayRouterTest {
    private static final TradingCalendar CALENDAR = TradingCalendar.loadDefault();
    private static final LocalDate FRIDAY = LocalDate.parse("2026-11-27");
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");
    private static final int CH = 2011;

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(at("2026-11-27T14:59:00"));
    private final CollectorPipelineTest.Recording out = new CollectorPipelineTest.Recording();

    private static long at(String t) {
        return ChinaTime.epochMillis(LocalDateTime.parse(t));
    }

    private TradingDayRouter router(int everyTicks) {
        CollectorPipeline.Settings settings = new CollectorPipeline.Settings(dir, FsyncPolicy.NEVER,
                new ArbitrationConfig(20, 5_000, 1_000, 60_000), 1_000);
        TradingDayRouter r = new TradingDayRouter(CALENDAR, FRIDAY, false, day -> CollectorPipeline.open(settings,
                day, clock, List.of("a", "b"), WireEventSerializer.INSTANCE, out), everyTicks);
        r.setLeader(true);
        return r;
    }

    private List<MarketEvent> journal(LocalDate day) {
        List<MarketEvent> events = new ArrayList<>();
        try (JournalReader r = JournalReader.open(JournalFormat.fileFor(dir, day), WireEventSerializer.INSTANCE)) {
            JournalRecord rec;
            while ((rec = r.next()) != null) {
                events.add(rec.event());
            }
        }
        return events;
    }

    private List<Long> marketTimes() {
        return List.copyOf(out.events).stream().filter(e -> e instanceof MarketTime).map(MarketEvent::exchangeTime).toList();
    }

    @Test
    void theMarketTimeIsTheLatestTimeDeliveredHeldBackWhileAChannelHasAHole() {
        try (TradingDayRouter r = router(1)) {
            r.onEvent("a", TestEvents.trade("000001.SZ", CH, 1, at("2026-11-27T14:59:01"), 100_000, 100));
            r.onEvent("a", TestEvents.trade("000002.SZ", CH, 2, at("2026-11-27T14:59:02"), 100_000, 100));
            r.tick();
            // seq 3 is missing: 4 is held, the market time stays at the last trade delivered on the channel
            r.onEvent("a", TestEvents.trade("000001.SZ", CH, 4, at("2026-11-27T14:59:09"), 100_000, 100));
            r.onEvent("a", TestEvents.snapshot("000003.SZ", at("2026-11-27T14:59:10"), 100_000, 100));
            r.tick();
            r.onEvent("b", TestEvents.trade("000002.SZ", CH, 3, at("2026-11-27T14:59:05"), 100_000, 100));
            r.tick();
            r.flush();
            assertThat(marketTimes()).containsExactly(at("2026-11-27T14:59:02"), at("2026-11-27T14:59:10"));
            assertThat(journal(FRIDAY).stream().filter(e -> e instanceof MarketTime).map(MarketEvent::exchangeTime))
                    .as("journaled where they were published").containsExactlyElementsOf(marketTimes());
        }
    }

    @Test
    void aQuietFeedLetsTheMarketTimeFollowTheClockSoTheCloseStillCloses() {
        try (TradingDayRouter r = router(1)) {
            r.onEvent("a", TestEvents.trade("000001.SZ", CH, 1, at("2026-11-27T15:00:00"), 100_000, 100));
            clock.set(at("2026-11-27T15:00:00"));
            r.tick();
            clock.set(at("2026-11-27T15:05:00")); // a clock jump alone is not quiet: prints may be in flight
            r.tick();
            r.flush();
            assertThat(marketTimes()).containsExactly(at("2026-11-27T15:00:00"));
            for (int i = 0; i < TradingDayRouter.QUIET_EMISSIONS; i++) {
                r.tick();
            }
            r.flush();
            assertThat(marketTimes()).last().isEqualTo(at("2026-11-27T15:05:00") - TradingDayRouter.QUIET_MILLIS);
        }
    }

    @Test
    void inputsGoToTheirOwnTradingDayAndTheDayBeforeStaysOpenForItsLastPrints() {
        try (TradingDayRouter r = router(1000)) {
            r.tick(); // opens Monday ahead
            r.onEvent("a", TestEvents.trade("rb2605.SHF", CH, 1, at("2026-11-27T21:00:00"), 350_000, 2));
            r.onEvent("b", TestEvents.trade("000001.SZ", CH, 1, at("2026-11-27T15:00:00"), 100_000, 500));
            r.onEvent("a", TestEvents.trade("000001.SZ", CH, 1, at("2025-11-27T15:00:00"), 100_000, 500));
            r.flush();
            assertThat(r.current().tradingDay()).isEqualTo(MONDAY);
            assertThat(journal(FRIDAY)).extracting(MarketEvent::code, MarketEvent::seq)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("000001.SZ", 1L));
            assertThat(journal(MONDAY)).extracting(MarketEvent::code, MarketEvent::seq)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("rb2605.SHF", 1L));
            assertThat(r.olderDayEvents()).as("a year old: nothing can apply it").isEqualTo(1);
        }
    }
}
