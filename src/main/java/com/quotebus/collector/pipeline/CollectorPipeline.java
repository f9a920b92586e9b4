package com.quotebus.collector.pipeline;

import com.quotebus.collector.FeedSink;
import com.quotebus.collector.arbitration.ArbitratedEventListener;
import com.quotebus.collector.arbitration.ArbitrationConfig;
import com.quotebus.collector.arbitration.Arbitrator;
import com.quotebus.collector.journal.EventSerializer;
import com.quotebus.collector.journal.FsyncPolicy;
import com.quotebus.collector.journal.JournalRecord;
import com.quotebus.collector.journal.JournalWriter;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.MarketTime;
import com.quotebus.core.time.MarketClock;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;

/**
 * The collector's domain for one trading day: sources → {@link Arbitrator} → {@link Sequencer} → journal →
 * {@link PipelineOutput} (only while leader). Opening it replays the day's journal into the sequencer and the
 * arbitrator, so after a restart numbering continues and events the sources resend are dropped as duplicates.
 *
 * <p><b>Threads.</b> Arbitration and sequencing run on the feed path (the thread of the source delivering, in
 * memory); the sequenced records go through a bounded queue to the day's single journal thread
 * ({@link JournalPublisher}), which appends them, applies the fsync policy and then (while leader) publishes
 * them. So the feed never waits for a force, a takeover republish or the output; it waits only when the queue
 * is full (back-pressure, counted in {@link PipelineMetrics#feedWaits}). Every event is journaled (page cache)
 * before it is published, and the output sees the events, market times and statuses in the order the pipeline
 * produced them.
 *
 * <p>A standby (not leader) does everything but publish, so it can take over without a gap: when it becomes
 * leader it first republishes what it journaled in the last {@code takeoverReplayMillis} (covering the time the
 * old leader may have been dead before its lease lapsed); consumers drop what they already have by per-symbol
 * seq. Plain Java; {@link #tick()} is driven by a timer. Thread-safe: sources call the {@link #sink()} from their
 * own threads (the arbitrator's lock orders them and the hand-over of what they produce), the timer calls
 * {@link #tick()}, {@link #emitMarketTime} and {@link #setLeader}. The pipeline's own lock guards only the
 * sequencer's counters; no lock of the pipeline or the arbitrator is held while anything touches the disk.
 */
public final class CollectorPipeline implements AutoCloseable {
    /** Items the journal queue holds before the feed path waits for room (see {@link Settings}). */
    public static final int DEFAULT_JOURNAL_QUEUE = 32_768;

    /**
     * @param journalDirectory     where journal files go (one per trading day)
     * @param fsync                when the journal forces to disk
     * @param arbitration          arbitration windows and bounds
     * @param takeoverReplayMillis on becoming leader, republish this much of the journal's tail (≥ the lease time)
     * @param journalQueue         records (and status changes) handed to the journal thread and not yet written
     *                             before the feed path waits for room: at most this many events are in memory
     *                             per trading day; {@value #DEFAULT_JOURNAL_QUEUE} by default (1.6 s at 20,000
     *                             events/s, about 25 MB of 10-level snapshots)
     */
    public record Settings(Path journalDirectory, FsyncPolicy fsync, ArbitrationConfig arbitration,
            long takeoverReplayMillis, int journalQueue) {
        public Settings {
            Objects.requireNonNull(journalDirectory, "journalDirectory");
            Objects.requireNonNull(fsync, "fsync");
            Objects.requireNonNull(arbitration, "arbitration");
            if (takeoverReplayMillis < 0) {
                throw new IllegalArgumentException("takeoverReplayMillis must be >= 0, was " + takeoverReplayMillis);
            }
            if (journalQueue < 1) {
                throw new IllegalArgumentException("journalQueue must be >= 1, was " + journalQueue);
            }
        }

        /** With the default journal queue. */
        public Settings(Path journalDirectory, FsyncPolicy fsync, ArbitrationConfig arbitration,
                long takeoverReplayMillis) {
            this(journalDirectory, fsync, arbitration, takeoverReplayMillis, DEFAULT_JOURNAL_QUEUE);
        }
    }

    private final MarketClock clock;
    private final Sequencer sequencer = new Sequencer();
    private final Arbitrator arbitrator;
    private final JournalPublisher journal;
    private final Path journalFile;
    private final LocalDate tradingDay;
    /** Orders the hand-over of market times and leader changes (callers off the feed path). */
    private final Object control = new Object();
    /** What the election last said (guarded by {@link #control}). */
    private volatile boolean leader;
    /** The last market time emitted (or recovered); guarded by {@link #control}. */
    private long marketTime = Long.MIN_VALUE;
    /** Events (not market times) recovered from the journal at open. */
    private long recoveredEvents;

    private CollectorPipeline(Settings settings, LocalDate tradingDay, MarketClock clock, List<String> sources,
            EventSerializer serializer, PipelineOutput output, UnaryOperator<FileChannel> channels) {
        this.clock = clock;
        this.arbitrator = new Arbitrator(settings.arbitration(), clock, sources, new Listener());
        JournalWriter writer = JournalWriter.open(settings.journalDirectory(), tradingDay, serializer,
                settings.fsync(), clock, this::recover, channels);
        this.journalFile = writer.file();
        this.tradingDay = writer.tradingDay();
        this.journal = JournalPublisher.start(writer, recoveredEvents, output, clock, serializer,
                settings.takeoverReplayMillis(), settings.journalQueue());
    }

    /**
     * Opens the pipeline of {@code tradingDay}, recovering from its journal when there is one, and starts its
     * journal thread. Blocks while it reads the journal: call it off the feed path.
     *
     * @throws com.quotebus.collector.journal.JournalCorruptedException when the journal is corrupt before its tail
     */
    public static CollectorPipeline open(Settings settings, LocalDate tradingDay, MarketClock clock,
            List<String> sources, EventSerializer serializer, PipelineOutput output) {
        return open(settings, tradingDay, clock, sources, serializer, output, UnaryOperator.identity());
    }

    /** As above, writing the journal through {@code channels.apply(channel)} (tests: a slow or failing disk). */
    static CollectorPipeline open(Settings settings, LocalDate tradingDay, MarketClock clock, List<String> sources,
            EventSerializer serializer, PipelineOutput output, UnaryOperator<FileChannel> channels) {
        return new CollectorPipeline(settings, tradingDay, clock, sources, serializer, output, channels);
    }

    private void recover(JournalRecord record) {
        MarketEvent e = record.event();
        if (e instanceof MarketTime m) {
            marketTime = Math.max(marketTime, m.exchangeTime());
        } else {
            sequencer.restore(e);
            recoveredEvents++;
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
        synchronized (control) {
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
    public boolean emitMarketTime(long time) {
        synchronized (control) {
            if (time <= marketTime) {
                return false;
            }
            marketTime = time;
            journal.append(new MarketTime(time));
            return true;
        }
    }

    /** Where sources deliver. */
    public FeedSink sink() {
        return arbitrator;
    }

    /**
     * Checks the arbitration timers; call every few ms. (The fsync time bound and the takeover checkpoints are
     * kept by the journal thread.)
     */
    public void tick() {
        arbitrator.checkTimers();
    }

    /**
     * Sets whether this collector publishes. On becoming leader the journal thread republishes the journal's tail
     * from the newest checkpoint at least {@code takeoverReplayMillis} old (or the oldest it has) before what
     * follows; this call only hands the change over.
     */
    public void setLeader(boolean nowLeader) {
        synchronized (control) {
            if (nowLeader == leader) {
                return;
            }
            leader = nowLeader;
            journal.leader(nowLeader, new CollectorStatus(nowLeader ? CollectorStatus.Kind.LEADER
                    : CollectorStatus.Kind.STANDBY, clock.millis(), "", 0, 0, 0, List.of(),
                    nowLeader ? "took the leader lease" : "lost the leader lease"));
        }
    }

    /** Called under the arbitrator's lock, which orders the winners and their hand-over. */
    private void onWinner(MarketEvent winner) {
        MarketEvent sequenced;
        synchronized (this) {
            sequenced = sequencer.assign(winner);
        }
        journal.append(sequenced);
    }

    /** Called under the arbitrator's lock, like the events: the status keeps its place among them. */
    private void onStatus(CollectorStatus status) {
        journal.status(status);
    }

    /** Counters; never waits for the journal thread. */
    public PipelineMetrics metrics() {
        var arbitration = arbitrator.metrics();
        int symbols;
        synchronized (this) {
            symbols = sequencer.symbols();
        }
        return new PipelineMetrics(arbitration, journal.journaledEvents(), journal.published(),
                journal.republished(), journal.journalErrors(), leader, journal.position(), symbols,
                journal.backlog(), journal.feedWaits(), journal.feedWaitMaxMicros());
    }

    public LocalDate tradingDay() {
        return tradingDay;
    }

    public Path journalFile() {
        return journalFile;
    }

    /**
     * Journal offset after the last record completely written: a replay that reaches it has everything published
     * so far, and never a half-written record. Does not wait for the journal thread.
     */
    public long journalPosition() {
        return journal.position();
    }

    /** Last per-symbol sequence assigned to {@code code} today (it may still be on its way to the journal). */
    public synchronized long lastSeq(String code) {
        return sequencer.lastSeq(code);
    }

    public boolean isStale(String code) {
        return arbitrator.isStale(code);
    }

    /** Waits until everything the pipeline produced so far is journaled and (while leader) published. */
    public void flush() {
        journal.flush();
    }

    /** Journals and publishes everything handed over, forces and closes the journal; returns when it is done. */
    @Override
    public void close() {
        journal.close();
    }

    /** As {@link #close()}, without waiting: the journal thread finishes on its own (a day roll on the feed). */
    public CompletableFuture<Void> closeAsync() {
        return journal.closeAsync();
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
