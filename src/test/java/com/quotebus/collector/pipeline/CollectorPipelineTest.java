package com.quotebus.collector.pipeline;

import static com.quotebus.collector.TestEvents.T0;
import static com.quotebus.collector.TestEvents.snapshot;
import static com.quotebus.collector.TestEvents.trade;
import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.collector.arbitration.ArbitrationConfig;
import com.quotebus.collector.journal.FsyncPolicy;
import com.quotebus.collector.journal.WireEventSerializer;
import com.quotebus.collector.journal.JournalFormat;
import com.quotebus.collector.journal.JournalReader;
import com.quotebus.collector.journal.JournalRecord;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.time.ManualClock;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorPipelineTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-25");
    private static final int CH = 2011;
    private final ManualClock clock = new ManualClock(T0);

    @TempDir
    Path dir;

    /** What the pipeline published; journal threads of several days may publish into one recording. */
    static final class Recording implements PipelineOutput {
        final List<MarketEvent> events = Collections.synchronizedList(new ArrayList<>());
        final List<CollectorStatus> statuses = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void publish(MarketEvent event) {
            events.add(event);
        }

        @Override
        public void status(CollectorStatus status) {
            statuses.add(status);
        }

        List<String> seqs() {
            synchronized (events) {
                return events.stream().map(e -> e.code() + "#" + e.seq() + "@" + e.channelSeq()).toList();
            }
        }
    }

    private CollectorPipeline open(PipelineOutput out) {
        CollectorPipeline.Settings settings = new CollectorPipeline.Settings(dir, FsyncPolicy.NEVER,
                new ArbitrationConfig(20, 5_000, 1_000, 60_000), 1_000);
        return CollectorPipeline.open(settings, DAY, clock, List.of("a", "b"), WireEventSerializer.INSTANCE, out);
    }

    private List<MarketEvent> journal() {
        List<MarketEvent> out = new ArrayList<>();
        try (JournalReader r = JournalReader.open(JournalFormat.fileFor(dir, DAY), WireEventSerializer.INSTANCE)) {
            JournalRecord rec;
            while ((rec = r.next()) != null) {
                out.add(rec.event());
            }
        }
        return out;
    }

    @Test
    void eachSymbolIsNumberedFromOneAndTheJournalHoldsExactlyWhatWasPublished() {
        Recording out = new Recording();
        try (CollectorPipeline p = open(out)) {
            p.setLeader(true);
            p.sink().onEvent("a", trade("000001.SZ", CH, 1));
            p.sink().onEvent("b", trade("000001.SZ", CH, 1));
            p.sink().onEvent("a", trade("000002.SZ", CH, 2));
            p.sink().onEvent("a", snapshot("000001.SZ", T0 + 3_000, 100_100, 300));
            p.sink().onEvent("b", trade("000001.SZ", CH, 3));
            assertThat(p.lastSeq("000001.SZ")).isEqualTo(3);
            p.flush();
            assertThat(p.metrics().published()).isEqualTo(4);
        }
        assertThat(out.seqs()).containsExactly("000001.SZ#1@1", "000002.SZ#1@2", "000001.SZ#2@0", "000001.SZ#3@3");
        assertThat(out.events.stream().map(MarketEvent::source).toList()).containsExactly("a", "a", "a", "b");
        assertThat(journal()).isEqualTo(out.events);
    }

    @Test
    void afterARestartNumberingContinuesAndResentEventsAreNotJournaledTwice() {
        Recording first = new Recording();
        try (CollectorPipeline p = open(first)) {
            p.setLeader(true);
            for (int seq = 1; seq <= 4; seq++) {
                p.sink().onEvent("a", trade(seq % 2 == 0 ? "000002.SZ" : "000001.SZ", CH, seq));
            }
        }
        Recording second = new Recording();
        try (CollectorPipeline p = open(second)) {
            p.setLeader(true);
            for (int seq = 1; seq <= 6; seq++) { // the source starts over from the beginning of the day
                p.sink().onEvent("a", trade(seq % 2 == 0 ? "000002.SZ" : "000001.SZ", CH, seq));
            }
            p.flush();
            assertThat(p.metrics().journaled()).isEqualTo(6);
        }
        assertThat(first.seqs()).containsExactly("000001.SZ#1@1", "000002.SZ#1@2", "000001.SZ#2@3", "000002.SZ#2@4");
        assertThat(second.seqs()).containsExactly("000001.SZ#3@5", "000002.SZ#3@6");
        List<MarketEvent> all = new ArrayList<>(first.events);
        all.addAll(second.events);
        assertThat(journal()).isEqualTo(all);
    }

    @Test
    void aRecordTornByACrashIsRenumberedAfterRestartBecauseItWasNeverPublished() throws IOException {
        Recording first = new Recording();
        try (CollectorPipeline p = open(first)) {
            p.setLeader(true);
            p.sink().onEvent("a", trade("000001.SZ", CH, 1));
            p.sink().onEvent("a", trade("000001.SZ", CH, 2));
        }
        Path file = JournalFormat.fileFor(dir, DAY);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() - 3); // the process died while writing the second record
        }
        Recording second = new Recording();
        try (CollectorPipeline p = open(second)) {
            p.setLeader(true);
            p.sink().onEvent("a", trade("000001.SZ", CH, 2));
        }
        assertThat(second.seqs()).containsExactly("000001.SZ#2@2");
        assertThat(journal().stream().map(MarketEvent::seq).toList()).containsExactly(1L, 2L);
    }

    @Test
    void onlyTheLeaderPublishesAndAStandbyTakesOverWithoutAGap() {
        InMemoryLeaderElection.Lease lease = new InMemoryLeaderElection.Lease(clock, 500);
        LeaderElection electA = new InMemoryLeaderElection(lease, "collector-1");
        LeaderElection electB = new InMemoryLeaderElection(lease, "collector-2");
        Recording outA = new Recording();
        Recording outB = new Recording();
        Path dirB = dir.resolve("standby");
        CollectorPipeline a = open(outA);
        CollectorPipeline b = CollectorPipeline.open(new CollectorPipeline.Settings(dirB, FsyncPolicy.NEVER,
                        new ArbitrationConfig(20, 5_000, 1_000, 60_000), 1_000), DAY, clock, List.of("a", "b"),
                WireEventSerializer.INSTANCE, outB);
        try (a; b) {
            long seq = 0;
            for (int step = 0; step < 30; step++) {
                clock.advance(100);
                if (step < 10) { // collector-1 renews until it dies at step 10
                    a.setLeader(electA.tryAcquireOrRenew());
                }
                b.setLeader(electB.tryAcquireOrRenew());
                a.tick();
                b.tick();
                seq++;
                MarketEvent e = trade(seq % 3 == 0 ? "000002.SZ" : "000001.SZ", CH, seq);
                if (step < 12) { // still up but cut from the cluster at step 10: its output is lost
                    a.sink().onEvent("a", e);
                }
                b.sink().onEvent("a", e);
            }
        }
        // A consumer takes both streams (whichever reaches it), keeping per symbol only the next seq.
        Map<String, Long> last = new HashMap<>();
        List<String> consumed = new ArrayList<>();
        List<MarketEvent> merged = new ArrayList<>(outA.events.subList(0, 10));
        merged.addAll(outB.events);
        for (MarketEvent e : merged) {
            long expected = last.getOrDefault(e.code(), 0L) + 1;
            if (e.seq() == expected) {
                last.put(e.code(), e.seq());
                consumed.add(e.code() + "#" + e.seq() + "@" + e.channelSeq());
            } else {
                assertThat(e.seq()).as("no gap for %s", e.code()).isLessThan(expected);
            }
        }
        assertThat(consumed).hasSize(30);
        assertThat(outB.statuses.get(0).kind()).isEqualTo(CollectorStatus.Kind.LEADER);
        assertThat(b.metrics().republished()).isPositive();
    }

    @Test
    @org.junit.jupiter.api.Timeout(30)
    void sourcesTimersAndMetricsOnDifferentThreadsDoNotDeadlock() throws Exception {
        Recording out = new Recording();
        try (CollectorPipeline p = open(out)) {
            p.setLeader(true);
            Thread lineA = new Thread(() -> {
                for (int seq = 1; seq <= 20_000; seq++) {
                    p.sink().onEvent("a", trade("000001.SZ", CH, seq));
                }
            });
            Thread lineB = new Thread(() -> {
                for (int seq = 1; seq <= 20_000; seq++) {
                    p.sink().onEvent("b", trade("000001.SZ", CH, seq));
                }
            });
            Thread observer = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    p.metrics();
                    p.tick();
                    p.setLeader(i % 1000 != 999);
                }
            });
            lineA.start();
            lineB.start();
            observer.start();
            lineA.join();
            lineB.join();
            observer.join();
            p.setLeader(true);
            p.flush();
            assertThat(p.metrics().journaled()).isEqualTo(20_000);
            assertThat(p.lastSeq("000001.SZ")).isEqualTo(20_000);
        }
        assertThat(journal().stream().map(MarketEvent::channelSeq).toList())
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, 20_000).boxed().toList());
    }
}
