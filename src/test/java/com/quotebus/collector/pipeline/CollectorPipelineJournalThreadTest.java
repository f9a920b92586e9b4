package com.quotebus.collector.pipeline;

import static com.quotebus.collector.TestEvents.trade;
import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.collector.arbitration.ArbitrationConfig;
import com.quotebus.collector.journal.FsyncPolicy;
import com.quotebus.collector.journal.JournalFormat;
import com.quotebus.collector.journal.JournalPage;
import com.quotebus.collector.journal.JournalReader;
import com.quotebus.collector.journal.JournalRecord;
import com.quotebus.collector.journal.WireEventSerializer;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.time.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feed path hands sequenced records to the day's journal thread, which appends, forces and publishes them:
 * the blocking steps (a force, a write, the output during a takeover republish) are held by the test, and the
 * feed goes on. The timeouts only stop a test that would otherwise hang; nothing here is timed.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CollectorPipelineJournalThreadTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-25");
    private static final int CH = 2011;
    private static final String CODE = "000001.SZ";
    private final ManualClock clock = new ManualClock(com.quotebus.collector.TestEvents.T0);
    private final AtomicReference<GatedChannel> channel = new AtomicReference<>();

    @TempDir
    Path dir;

    /** Events and statuses as the output saw them, in one list; its next publish can be held. */
    static final class Log implements PipelineOutput {
        final List<String> entries = Collections.synchronizedList(new ArrayList<>());
        final List<MarketEvent> events = Collections.synchronizedList(new ArrayList<>());
        private final Semaphore entered = new Semaphore(0);
        private final CountDownLatch released = new CountDownLatch(1);
        private volatile boolean holdNext;

        void holdNextPublish() {
            holdNext = true;
        }

        void awaitHeld() throws InterruptedException {
            entered.acquire();
        }

        void release() {
            released.countDown();
        }

        @Override
        public void publish(MarketEvent event) {
            if (holdNext) {
                holdNext = false;
                entered.release();
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            events.add(event);
            entries.add(event.code() + "#" + event.seq());
        }

        @Override
        public void status(CollectorStatus status) {
            entries.add(status.kind() + (status.source().isEmpty() ? "" : " " + status.source()));
        }

        List<MarketEvent> events() {
            synchronized (events) {
                return List.copyOf(events);
            }
        }

        List<String> entries() {
            synchronized (entries) {
                return List.copyOf(entries);
            }
        }
    }

    private CollectorPipeline open(FsyncPolicy fsync, PipelineOutput out) {
        return CollectorPipeline.open(new CollectorPipeline.Settings(dir, fsync,
                new ArbitrationConfig(20, 5_000, 100_000, 60_000), 1_000), DAY, clock, List.of("a", "b"),
                WireEventSerializer.INSTANCE, out, ch -> {
                    GatedChannel gated = new GatedChannel(ch);
                    channel.set(gated);
                    return gated;
                });
    }

    private Path file() {
        return JournalFormat.fileFor(dir, DAY);
    }

    private List<MarketEvent> journal() {
        List<MarketEvent> out = new ArrayList<>();
        try (JournalReader r = JournalReader.open(file(), WireEventSerializer.INSTANCE)) {
            JournalRecord rec;
            while ((rec = r.next()) != null) {
                out.add(rec.event());
            }
        }
        return out;
    }

    private static void deliver(CollectorPipeline p, int fromSeq, int toSeq) {
        for (int seq = fromSeq; seq <= toSeq; seq++) {
            p.sink().onEvent("a", trade(CODE, CH, seq));
        }
    }

    private static List<String> seqs(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(s -> CODE + "#" + s).toList();
    }

    @Test
    void aSlowFsyncDoesNotHoldTheFeedThread() throws Exception {
        Log out = new Log();
        try (CollectorPipeline p = open(new FsyncPolicy(0, 100), out)) {
            p.setLeader(true);
            deliver(p, 1, 3);
            p.flush();
            channel.get().holdNextForce();
            clock.advance(200); // the time bound is due: the journal thread forces when it next wakes
            channel.get().awaitHeld();

            // the journal thread is inside fsync; the feed thread numbers and hands over 97 more events
            PipelineMetrics during;
            List<String> published;
            try {
                deliver(p, 4, 100);
                p.tick();
                during = p.metrics();
                published = out.entries();
            } finally {
                channel.get().release();
            }
            assertThat(p.lastSeq(CODE)).isEqualTo(100);
            assertThat(during.published()).isEqualTo(3);
            assertThat(during.journalBacklog()).isEqualTo(97);
            assertThat(during.feedWaits()).isZero();
            assertThat(published).containsExactlyElementsOf(concat(List.of("LEADER"), seqs(1, 3)));

            p.flush();
            assertThat(out.entries()).containsExactlyElementsOf(concat(List.of("LEADER"), seqs(1, 100)));
            assertThat(p.metrics().published()).isEqualTo(100);
        }
        assertThat(journal()).isEqualTo(out.events());
    }

    @Test
    void closeFlushesEverythingQueued() throws Exception {
        Log out = new Log();
        CollectorPipeline p = open(FsyncPolicy.NEVER, out);
        p.setLeader(true);
        channel.get().holdNextWrite();
        deliver(p, 1, 50);
        channel.get().awaitHeld(); // the journal thread is half-way through the first record
        assertThat(p.metrics().journalBacklog()).isEqualTo(50);

        Thread closer = new Thread(p::close, "closer");
        closer.start();
        while (closer.getState() != Thread.State.WAITING) { // close() asked the journal thread to finish
            Thread.onSpinWait();
        }
        channel.get().release();
        closer.join();

        assertThat(out.entries()).containsExactlyElementsOf(concat(List.of("LEADER"), seqs(1, 50)));
        assertThat(journal()).isEqualTo(out.events());
        List<String> ops = channel.get().operations();
        assertThat(ops.subList(ops.lastIndexOf("write") + 1, ops.size()))
                .as("forced after the last write, then closed").containsExactly("force", "close");
        assertThat(p.metrics().journaled()).isEqualTo(50);
        assertThat(p.metrics().journalBacklog()).isZero();
    }

    @Test
    void anEventHandedOverAfterCloseIsCountedAsAJournalError() {
        Log out = new Log();
        CollectorPipeline p = open(FsyncPolicy.NEVER, out);
        p.setLeader(true);
        deliver(p, 1, 2);
        p.close();
        deliver(p, 3, 3);
        assertThat(p.metrics().journalErrors()).isEqualTo(1);
        assertThat(journal()).isEqualTo(out.events());
        assertThat(out.entries()).containsExactlyElementsOf(concat(List.of("LEADER"), seqs(1, 2)));
    }

    @Test
    void replayNeverSeesAHalfWrittenRecord() throws Exception {
        Log out = new Log();
        try (CollectorPipeline p = open(FsyncPolicy.NEVER, out)) {
            p.setLeader(true);
            deliver(p, 1, 2);
            p.flush();
            long afterTwo = p.journalPosition();
            channel.get().holdNextWrite();
            deliver(p, 3, 3);
            channel.get().awaitHeld(); // half of the third record is in the file
            long fileSize;
            long position;
            JournalPage page;
            try {
                fileSize = Files.size(file());
                position = p.journalPosition();
                page = JournalPage.read(file(), WireEventSerializer.INSTANCE, 0, position, e -> true, 100, 1 << 20);
            } finally {
                channel.get().release();
            }
            assertThat(fileSize).isGreaterThan(afterTwo);
            assertThat(position).isEqualTo(afterTwo);
            assertThat(page.events()).isEqualTo(out.events().subList(0, 2));
            assertThat(page.complete()).isTrue();

            p.flush();
            assertThat(p.journalPosition()).isEqualTo(Files.size(file()));
            assertThat(JournalPage.read(file(), WireEventSerializer.INSTANCE, 0, p.journalPosition(), e -> true,
                    100, 1 << 20).events()).isEqualTo(out.events()).hasSize(3);
        }
    }

    @Test
    void aTakeoverRepublishesTheTailOnTheJournalThreadWhileTheFeedGoesOnAndStatusesKeepTheirPlace()
            throws Exception {
        Log out = new Log();
        try (CollectorPipeline p = open(FsyncPolicy.NEVER, out)) {
            deliver(p, 1, 1000); // a standby: journaled, not published
            p.flush();
            out.holdNextPublish();
            p.setLeader(true);
            out.awaitHeld(); // the journal thread is republishing the first record

            int backlog;
            try {
                deliver(p, 1001, 1005);
                p.sink().onDisconnected("b", "line cut");
                deliver(p, 1006, 1006);
                backlog = p.metrics().journalBacklog();
            } finally {
                out.release();
            }
            assertThat(p.lastSeq(CODE)).isEqualTo(1006);
            assertThat(backlog).as("5 events, a status, an event").isEqualTo(7);
            p.flush();
            List<String> expected = new ArrayList<>(List.of("LEADER"));
            expected.addAll(seqs(1, 1005));
            expected.add("SOURCE_DOWN b");
            expected.add(CODE + "#1006");
            assertThat(out.entries()).containsExactlyElementsOf(expected);
            assertThat(p.metrics().republished()).isEqualTo(1000);
            assertThat(p.metrics().published()).isEqualTo(6);
        }
        assertThat(journal()).isEqualTo(out.events());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
