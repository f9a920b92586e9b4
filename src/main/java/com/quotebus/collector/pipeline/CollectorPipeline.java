package com.quotebus.collector.pipeline;

import com.quotebus.collector.FeedSink;
import com.quotebus.collector.arbitration.ArbitratedEventListener;
import com.quotebus.collector.arbitration.ArbitrationConfig;
import com.quotebus.collector.arbitration.Arbitrator;
import com.quotebus.collector.journal.EventSerializer;
import com.quotebus.collector.journal.FsyncPolicy;
import com.quotebus.collector.journal.JournalReader;
import com.quotebus.collector.journal.JournalRecord;
import com.quotebus.collector.journal.JournalWriter;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.MarketTime;
import com.quotebus.core.time.MarketClock;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The collector's domain for one trading day: sources → {@link Arbitrator} → {@link Sequencer} → journal →
 * {@link PipelineOutput} (only while leader). Opening it replays the day's journal into the sequencer and the
 * arbitrator, so after a restart numbering continues and events the sources resend are dropped as duplicates.
 *
 * <p>A standby (not leader) does everything but publish, so it can take over without a gap: when it becomes
 * leader it first republishes what it journaled in the last {@code takeoverReplayMillis} (covering the time the
 * old leader may have been dead before its lease lapsed); consumers drop what they already have by per-symbol
 * seq. Plain Java; {@link #tick()} is driven by a timer. Thread-safe: sources call the {@link #sink()} from their
 * own threads (the arbitrator's lock orders them), the timer calls {@link #tick()} and {@link #setLeader}. Lock
 * order is always arbitrator, then pipeline (an event takes both in that order); no method here takes the
 * arbitrator's lock while holding the pipeline's.
 */
public final class CollectorPipeline implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(CollectorPipeline.class.getName());
    private static final long CHECKPOINT_EVERY_MILLIS = 100;

    /**
     * @param journalDirectory     where journal files go (one per trading day)
     * @param fsync                when the journal forces to disk
     * @param arbitration          arbitration windows and bounds
     * @param takeoverReplayMillis on becoming leader, republish this much of the journal's tail (≥ the lease time)
     */
    public record Settings(Path journalDirectory, FsyncPolicy fsync, ArbitrationConfig arbitration,
            long takeoverReplayMillis) {
        public Settings {
            Objects.requireNonNull(journalDirectory, "journalDirectory");
            Objects.requireNonNull(fsync, "fsync");
            Objects.requireNonNull(arbitration, "arbitration");
            if (takeoverReplayMillis < 0) {
                throw new IllegalArgumentException("takeoverReplayMillis must be >= 0, was " + takeoverReplayMillis);
            }
        }
    }

    private final Settings settings;
    private final MarketClock clock;
    private final PipelineOutput output;
    private final EventSerializer serializer;
    private final Sequencer sequencer = new Sequencer();
    private final Arbitrator arbitrator;
    private final JournalWriter journal;
    /** (time, journal position) every {@value #CHECKPOINT_EVERY_MILLIS} ms over the takeover window. */
    private final ArrayDeque<long[]> checkpoints = new ArrayDeque<>();
    private boolean leader;
    /** The last market time journaled (and published while leader). */
    private long marketTime = Long.MIN_VALUE;
    /** Market-time records in the journal (not counted as events in the metrics). */
    private long marketTimeRecords;
    private long published;
    private long republished;
    private long journalErrors;
    private long lastErrorLog = Long.MIN_VALUE;

    private CollectorPipeline(Settings settings, LocalDate tradingDay, MarketClock clock, List<String> sources,
            EventSerializer serializer, PipelineOutput output) {
        this.settings = settings;
        this.clock = clock;
        this.output = output;
        this.serializer = serializer;
        this.arbitrator = new Arbitrator(settings.arbitration(), clock, sources, new Listener());
        this.journal = JournalWriter.open(settings.journalDirectory(), tradingDay, serializer, settings.fsync(),
                clock, this::recover);
        checkpoints.add(new long[] {clock.millis(), journal.position()});
    }

    /**
     * Opens the pipeline of {@code tradingDay}, recovering from its journal when there is one.
     *
     * @throws com.quotebus.collector.journal.JournalCorruptedException when the journal is corrupt before its tail
     */
    public static CollectorPipeline open(Settings settings, LocalDate tradingDay, MarketClock clock,
            List<String> sources, EventSerializer serializer, PipelineOutput output) {
        return new CollectorPipeline(settings, tradingDay, clock, sources, serializer, output);
    }

    private void recover(JournalRecord record) {
        MarketEvent e = record.event();
        if (e instanceof MarketTime m) {
            marketTime = Math.max(marketTime, m.exchangeTime());
            marketTimeRecords++;
        } else {
            sequencer.restore(e);
        }
        arbitrator.restore(e);
    }

    /** The stream's market time as the arbitration sees it now (see {@link Arbitrator#watermark()}). */
    public long watermark() {
        return arbitrator.watermark();
    }

    /** Clock time of the last event any source sent this day. */
    public long lastInputAt() {
        return arbitrator.lastInputAt();
    }

    /** The collector's market clock. */
    public long now() {
        return clock.millis();
    }

    /** Whether a channel of this day has a hole (events held, a tail announced, a channel joining). */
    public boolean hasHole() {
        return arbitrator.hasHole();
    }

    /** The last market time this day emitted (or recovered from its journal); {@link Long#MIN_VALUE} before any. */
    public long lastMarketTime() {
        synchronized (this) {
            return marketTime;
        }
    }

    /**
     * Journals and (while leader) publishes the stream's market time {@code time}, if it is later than the last
     * one; consumers close bars by it. The caller derives it from {@link #watermark()} (of this day and, around
     * the day roll, of the day before).
     *
     * @return whether a market time was emitted
     */
    public synchronized boolean emitMarketTime(long time) {
        if (time <= marketTime) {
            return false;
        }
        marketTime = time;
        marketTimeRecords++;
        onSequenced(new MarketTime(time));
        return true;
    }

    /** Where sources deliver. */
    public FeedSink sink() {
        return arbitrator;
    }

    /** Checks arbitration timers, the fsync time bound and the takeover checkpoints; call every few ms. */
    public void tick() {
        arbitrator.checkTimers();
        synchronized (this) {
            long now = clock.millis();
            journal.syncIfDue(now);
            if (now - checkpoints.peekLast()[0] >= CHECKPOINT_EVERY_MILLIS) {
                checkpoints.addLast(new long[] {now, journal.position()});
            }
            while (checkpoints.size() > 1 && second(checkpoints)[0] <= now - settings.takeoverReplayMillis()) {
                checkpoints.removeFirst();
            }
        }
    }

    private static long[] second(ArrayDeque<long[]> deque) {
        var it = deque.iterator();
        it.next();
        return it.next();
    }

    /**
     * Sets whether this collector publishes. On becoming leader it republishes the journal's tail from the
     * newest checkpoint at least {@code takeoverReplayMillis} old (or the oldest it has).
     */
    public synchronized void setLeader(boolean nowLeader) {
        if (nowLeader == leader) {
            return;
        }
        leader = nowLeader;
        long now = clock.millis();
        output.status(new CollectorStatus(nowLeader ? CollectorStatus.Kind.LEADER : CollectorStatus.Kind.STANDBY,
                now, "", 0, 0, 0, List.of(), nowLeader ? "took the leader lease" : "lost the leader lease"));
        if (nowLeader) {
            republishFrom(checkpoints.peekFirst()[1]);
        }
    }

    private void republishFrom(long position) {
        long end = journal.position();
        try (JournalReader reader = JournalReader.open(journal.file(), serializer)) {
            reader.seek(position);
            JournalRecord r;
            while (reader.position() < end && (r = reader.next()) != null) {
                output.publish(r.event());
                republished++;
            }
        }
    }

    private synchronized void onWinner(MarketEvent winner) {
        onSequenced(sequencer.assign(winner));
    }

    private void onSequenced(MarketEvent sequenced) {
        try {
            journal.append(sequenced);
        } catch (UncheckedIOException | IllegalArgumentException e) {
            journalErrors++;
            long now = clock.millis();
            if (now - lastErrorLog >= 60_000) {
                lastErrorLog = now;
                LOG.log(System.Logger.Level.ERROR, "journal append failed (" + journalErrors
                        + " so far); events are still published", e);
            }
        }
        if (leader) {
            if (!(sequenced instanceof MarketTime)) {
                published++;
            }
            output.publish(sequenced);
        }
    }

    private synchronized void onStatus(CollectorStatus status) {
        if (leader) {
            output.status(status);
        }
    }

    /** Counters. Takes the arbitrator's lock before (never inside) the pipeline's: events lock in that order. */
    public PipelineMetrics metrics() {
        var arbitration = arbitrator.metrics();
        synchronized (this) {
            return new PipelineMetrics(arbitration, journal.records() - marketTimeRecords, published, republished,
                    journalErrors, leader, journal.position(), sequencer.symbols());
        }
    }

    public LocalDate tradingDay() {
        return journal.tradingDay();
    }

    public Path journalFile() {
        return journal.file();
    }

    /** Journal offset after the last appended record: a replay that reaches it has everything published so far. */
    public synchronized long journalPosition() {
        return journal.position();
    }

    /** Last per-symbol sequence assigned to {@code code} today. */
    public synchronized long lastSeq(String code) {
        return sequencer.lastSeq(code);
    }

    public boolean isStale(String code) {
        return arbitrator.isStale(code);
    }

    @Override
    public synchronized void close() {
        journal.close();
    }

    private final class Listener implements ArbitratedEventListener {
        @Override
        public void onEvent(MarketEvent event) {
            onWinner(event);
        }

        @Override
        public void onGap(int channel, long fromSeq, long toSeq, String reason) {
            onStatus(new CollectorStatus(CollectorStatus.Kind.GAP, clock.millis(), "", channel, fromSeq, toSeq,
                    List.of(), reason));
        }

        @Override
        public void onSourceDown(String source, String reason) {
            onStatus(new CollectorStatus(CollectorStatus.Kind.SOURCE_DOWN, clock.millis(), source, 0, 0, 0,
                    List.of(), reason));
        }

        @Override
        public void onSourceUp(String source) {
            onStatus(new CollectorStatus(CollectorStatus.Kind.SOURCE_UP, clock.millis(), source, 0, 0, 0, List.of(),
                    "delivering"));
        }

        @Override
        public void onStale(Set<String> codes, String reason) {
            onStatus(new CollectorStatus(CollectorStatus.Kind.STALE, clock.millis(), "", 0, 0, 0,
                    List.copyOf(new TreeSet<>(codes)), reason));
        }

        @Override
        public void onFresh(String code) {
            onStatus(new CollectorStatus(CollectorStatus.Kind.FRESH, clock.millis(), "", 0, 0, 0, List.of(code),
                    "full snapshot received"));
        }
    }
}
