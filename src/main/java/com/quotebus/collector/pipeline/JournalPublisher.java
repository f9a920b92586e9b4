package com.quotebus.collector.pipeline;

import com.quotebus.collector.journal.EventSerializer;
import com.quotebus.collector.journal.JournalReader;
import com.quotebus.collector.journal.JournalRecord;
import com.quotebus.collector.journal.JournalWriter;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.MarketTime;
import com.quotebus.core.time.MarketClock;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The single writer of one trading day's journal, and the only caller of the day's {@link PipelineOutput}. The
 * feed path hands it what the pipeline produced — sequenced events and market times, status changes, leader
 * changes — through one bounded queue, in the order it produced them; this class's own thread appends each
 * record, applies the {@link com.quotebus.collector.journal.FsyncPolicy} (the count bound inside the append, the
 * time bound between batches), and then, while leader, publishes it. So the output sees exactly the sequence the
 * pipeline produced, each event only after its record is in the journal (page cache), and a force, opening a
 * reader or a takeover republish happen on this thread, never on the feed's.
 *
 * <p><b>Takeover.</b> On becoming leader, the tail of the journal since the newest checkpoint at least
 * {@code takeoverReplayMillis} old is published again, and then everything after it: this thread keeps
 * appending what the feed hands over and publishes by reading the journal ({@link JournalReader}) in chunks
 * until the reader reaches the end, then goes back to publishing each record as it appends it. A status change
 * made while it catches up waits for the reader to pass the records before it. The output order is the journal
 * order, as if the republish had been instantaneous.
 *
 * <p><b>Back-pressure.</b> The queue holds {@code capacity} items. When it is full the feed path waits for room
 * (counted: {@link #feedWaits}, {@link #feedWaitMaxMicros}); nothing is dropped and nothing grows without bound.
 *
 * <p><b>Errors.</b> A failed append or force is counted ({@link #journalErrors}) and logged (at most once a
 * minute, with the count); the event is still published, so the stream goes on while the disk does not (it will
 * be missing from replays and from a restart's recovery). This thread survives any exception of the output.
 *
 * <p><b>Positions.</b> {@link #position} is the end of the last record completely written: a reader that stops
 * there never sees a half-written record, and every event published so far is before it.
 */
final class JournalPublisher implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JournalPublisher.class.getName());
    /** Items handed to the writer thread per batch (one drain of the queue). */
    private static final int BATCH = 512;
    /** Records published from the journal between two batches while a new leader catches up. */
    private static final int CATCH_UP_CHUNK = 512;
    /** A (time, position) checkpoint is kept every this many ms over the takeover window. */
    static final long CHECKPOINT_EVERY_MILLIS = 100;
    /** The writer thread wakes at least this often (checkpoints, the fsync time bound, close). */
    private static final long IDLE_WAKE_MILLIS = 100;
    private static final long ERROR_LOG_EVERY_MILLIS = 60_000;
    private static final Object WAKE = new Object();

    /** A status change, published while leader. */
    private record StatusItem(CollectorStatus status) {}

    /** The election's verdict, with the LEADER/STANDBY status this collector publishes about itself. */
    private record LeaderItem(boolean leader, CollectorStatus status) {}

    /** Completed once everything before it is journaled and (while leader) published. */
    private record FlushItem(CompletableFuture<Void> done) {}

    /** A status held while catching up, until the reader passes {@code position}. */
    private record HeldStatus(long position, CollectorStatus status) {}

    private final JournalWriter journal;
    private final PipelineOutput output;
    private final MarketClock clock;
    private final EventSerializer serializer;
    private final long takeoverReplayMillis;
    private final ArrayBlockingQueue<Object> queue;
    private final Thread thread;
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    // owned by the writer thread
    /** (time, journal position) every {@link #CHECKPOINT_EVERY_MILLIS} ms over the takeover window. */
    private final ArrayDeque<long[]> checkpoints = new ArrayDeque<>();
    private final ArrayDeque<Object> batch = new ArrayDeque<>(BATCH);
    private final ArrayDeque<HeldStatus> heldStatuses = new ArrayDeque<>();
    private boolean leader;
    /** Non-null while a new leader publishes from the journal. */
    private JournalReader catchUp;
    /** Records before this position were journaled before the takeover: they count as republished. */
    private long takeoverEnd;
    private long lastErrorLog = Long.MIN_VALUE;

    // written by the writer thread, read by any
    private volatile long position;
    private volatile long journaledEvents;
    private volatile long published;
    private volatile long republished;
    private volatile boolean done;
    /** Items of the current batch not yet handled. */
    private volatile int batchRemaining;
    // written by any thread
    private final AtomicLong journalErrors = new AtomicLong();
    private final AtomicLong feedWaits = new AtomicLong();
    private final AtomicLong feedWaitMaxNanos = new AtomicLong();
    private volatile boolean closeRequested;

    private JournalPublisher(JournalWriter journal, long recoveredEvents, PipelineOutput output, MarketClock clock,
            EventSerializer serializer, long takeoverReplayMillis, int capacity) {
        this.journal = journal;
        this.output = output;
        this.clock = clock;
        this.serializer = serializer;
        this.takeoverReplayMillis = takeoverReplayMillis;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.position = journal.position();
        this.journaledEvents = recoveredEvents;
        this.checkpoints.add(new long[] {clock.millis(), journal.position()});
        this.thread = new Thread(this::run, "journal-" + journal.tradingDay().format(DateTimeFormatter.BASIC_ISO_DATE));
        this.thread.setDaemon(true);
    }

    /**
     * Starts the writer thread of {@code journal}, which it owns from now on (appends, forces, closes it).
     *
     * @param recoveredEvents events (not market times) already in the journal
     * @param capacity        items the queue holds before the feed path waits for room
     */
    static JournalPublisher start(JournalWriter journal, long recoveredEvents, PipelineOutput output,
            MarketClock clock, EventSerializer serializer, long takeoverReplayMillis, int capacity) {
        JournalPublisher p = new JournalPublisher(journal, recoveredEvents, output, clock, serializer,
                takeoverReplayMillis, capacity);
        p.thread.start();
        return p;
    }

    /** Hands over a sequenced event or market time, to be journaled then (while leader) published. */
    void append(MarketEvent sequenced) {
        handOver(sequenced);
    }

    /** Hands over a status change, published (while leader) after everything handed over before it. */
    void status(CollectorStatus status) {
        handOver(new StatusItem(status));
    }

    /**
     * Hands over the election's verdict: {@code status} is published either way; on becoming leader the journal's
     * tail is published again first (see the class comment). The caller passes changes only.
     */
    void leader(boolean nowLeader, CollectorStatus status) {
        handOver(new LeaderItem(nowLeader, status));
    }

    /** Waits until everything handed over so far is journaled and (while leader) published. */
    void flush() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        handOver(new FlushItem(f)); // completed by the writer thread, or at once when it has stopped
        f.join();
    }

    /** Asks the writer thread to drain the queue, force and close the journal, and stop; does not wait. */
    CompletableFuture<Void> closeAsync() {
        closeRequested = true;
        queue.offer(WAKE); // when full, the writer is busy anyway and sees the request after this batch
        return closed;
    }

    /** Drains everything handed over, forces and closes the journal, and stops the writer thread. */
    @Override
    public void close() {
        closeAsync().join();
    }

    private void handOver(Object item) {
        if (!queue.offer(item)) {
            waitForRoom(item);
        }
        if (done && queue.remove(item)) { // handed over after the writer's last drain
            dropped(item);
        }
    }

    /** The queue is full: wait for room (the feed's back-pressure), counting the wait; never drop. */
    private void waitForRoom(Object item) {
        long start = System.nanoTime();
        feedWaits.incrementAndGet();
        boolean interrupted = false;
        try {
            while (true) {
                if (done) {
                    dropped(item);
                    return;
                }
                try {
                    if (queue.offer(item, 10, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    interrupted = true; // finish the hand-over; the caller sees the interrupt afterwards
                }
            }
        } finally {
            feedWaitMaxNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void dropped(Object item) {
        if (item instanceof FlushItem f) {
            f.done().complete(null);
        } else if (item instanceof MarketEvent e) {
            error("an event handed over after the journal closed was dropped: " + e.code(), null);
        }
    }

    private void run() {
        try {
            while (!(closeRequested && queue.isEmpty())) {
                try {
                    step();
                } catch (RuntimeException e) {
                    LOG.log(System.Logger.Level.ERROR, thread.getName() + ": unexpected failure; going on", e);
                }
            }
        } catch (InterruptedException e) {
            LOG.log(System.Logger.Level.WARNING, thread.getName() + " interrupted: closing the journal");
        } catch (Error e) {
            LOG.log(System.Logger.Level.ERROR, thread.getName() + " failed: closing the journal", e);
            throw e;
        } finally {
            finish();
        }
    }

    /** One batch from the queue, one chunk of a republish in progress, then the time-bound upkeep. */
    private void step() throws InterruptedException {
        Object first = catchUp != null ? queue.poll() : queue.poll(idleWaitMillis(), TimeUnit.MILLISECONDS);
        if (first != null) {
            batch.add(first);
            queue.drainTo(batch, BATCH - 1);
            handleBatch();
        }
        if (catchUp != null) {
            catchUp(CATCH_UP_CHUNK);
        }
        upkeep();
    }

    /** Last drain, then force and close; whatever is handed over after this is dropped (counted). */
    private void finish() {
        done = true;
        try {
            queue.drainTo(batch);
            handleBatch();
            finishCatchUp();
            journal.close();
        } catch (RuntimeException e) {
            error("closing journal " + journal.file() + " failed", e);
        } finally {
            closed.complete(null);
        }
    }

    /** Handles the batch's items in order, each taken off the batch first (nothing is handled twice). */
    private void handleBatch() {
        batchRemaining = batch.size();
        Object item;
        while ((item = batch.pollFirst()) != null) {
            try {
                handle(item);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, thread.getName() + ": publishing failed", e);
            }
            batchRemaining = batch.size();
        }
    }

    private void handle(Object item) {
        if (item instanceof MarketEvent e) {
            appendAndPublish(e);
        } else if (item instanceof StatusItem s) {
            if (!leader) {
                return;
            }
            if (catchUp != null) {
                heldStatuses.addLast(new HeldStatus(journal.position(), s.status()));
            } else {
                output.status(s.status());
            }
        } else if (item instanceof LeaderItem l) {
            abandonCatchUp(); // lost the lease while catching up: the next leader republishes
            leader = l.leader();
            output.status(l.status());
            if (leader) {
                startCatchUp();
            }
        } else if (item instanceof FlushItem f) {
            finishCatchUp();
            f.done().complete(null);
        }
    }

    private void appendAndPublish(MarketEvent e) {
        long before = journal.position();
        try {
            journal.append(e);
        } catch (UncheckedIOException | IllegalArgumentException ex) {
            error("journal append failed; events are still published", ex);
        }
        boolean written = journal.position() > before; // a force failing after the write still wrote it
        if (written) {
            position = journal.position();
            if (!(e instanceof MarketTime)) {
                journaledEvents++;
            }
        }
        if (!leader) {
            return;
        }
        if (catchUp != null) {
            if (written) {
                return; // the reader publishes it, in journal order
            }
            finishCatchUp(); // not in the journal: publish it after everything before it
        }
        publishLive(e);
    }

    /** Counts, then publishes: a consumer that has the event sees it counted. */
    private void publishLive(MarketEvent e) {
        if (!(e instanceof MarketTime)) {
            published++;
        }
        output.publish(e);
    }

    /** Becoming leader: publish from the newest checkpoint at least the takeover window old (or the oldest). */
    private void startCatchUp() {
        long from = checkpoints.peekFirst()[1];
        takeoverEnd = journal.position();
        if (from >= takeoverEnd) {
            return;
        }
        JournalReader reader = null;
        try {
            reader = JournalReader.open(journal.file(), serializer);
            reader.seek(from);
            catchUp = reader;
        } catch (RuntimeException ex) {
            if (reader != null) {
                reader.close();
            }
            error("cannot read journal " + journal.file() + " to republish its tail on taking over (consumers "
                    + "resync on the gap)", ex);
        }
    }

    /** Publishes up to {@code max} records from the journal; back to live publishing at its end. */
    private void catchUp(int max) {
        try {
            for (int i = 0; i < max; i++) {
                long at = catchUp.position();
                while (!heldStatuses.isEmpty() && heldStatuses.peekFirst().position() <= at) {
                    output.status(heldStatuses.removeFirst().status());
                }
                if (at >= journal.position()) {
                    endCatchUp();
                    return;
                }
                JournalRecord r = catchUp.next();
                if (r == null) {
                    throw new IllegalStateException("no complete record at " + at + " before the end of data "
                            + journal.position());
                }
                if (r.position() < takeoverEnd) {
                    republished++;
                } else if (!(r.event() instanceof MarketTime)) {
                    published++;
                }
                output.publish(r.event());
            }
        } catch (RuntimeException ex) {
            error("republishing journal " + journal.file() + " stopped at " + catchUp.position() + " (consumers "
                    + "resync on the gap)", ex);
            endCatchUp();
        }
    }

    private void finishCatchUp() {
        while (catchUp != null) {
            catchUp(Integer.MAX_VALUE);
        }
    }

    /** Back to publishing each record as it is appended; statuses still held go out now (none when caught up). */
    private void endCatchUp() {
        closeReader();
        while (!heldStatuses.isEmpty()) {
            output.status(heldStatuses.removeFirst().status());
        }
    }

    private void abandonCatchUp() {
        closeReader();
        heldStatuses.clear();
    }

    private void closeReader() {
        if (catchUp != null) {
            catchUp.close();
            catchUp = null;
        }
    }

    /** Between batches: the fsync time bound and the takeover checkpoints, by the market clock. */
    private void upkeep() {
        long now = clock.millis();
        try {
            journal.syncIfDue(now);
        } catch (UncheckedIOException e) {
            error("journal fsync failed", e);
        }
        if (now - checkpoints.peekLast()[0] >= CHECKPOINT_EVERY_MILLIS) {
            checkpoints.addLast(new long[] {now, journal.position()});
        }
        while (checkpoints.size() > 1 && second(checkpoints)[0] <= now - takeoverReplayMillis) {
            checkpoints.removeFirst();
        }
    }

    private long idleWaitMillis() {
        long due = journal.syncDueIn(clock.millis());
        return Math.max(1, Math.min(due, IDLE_WAKE_MILLIS));
    }

    private static long[] second(ArrayDeque<long[]> deque) {
        var it = deque.iterator();
        it.next();
        return it.next();
    }

    private void error(String what, Exception e) {
        long n = journalErrors.incrementAndGet();
        long now = clock.millis();
        synchronized (journalErrors) {
            if (now - lastErrorLog < ERROR_LOG_EVERY_MILLIS && lastErrorLog != Long.MIN_VALUE) {
                return;
            }
            lastErrorLog = now;
        }
        LOG.log(System.Logger.Level.ERROR, what + " (" + n + " journal errors so far)", e);
    }

    /** End of the last record completely written: every event published so far is before it. */
    long position() {
        return position;
    }

    /** Events (not market times) in the journal, recovered at open plus appended. */
    long journaledEvents() {
        return journaledEvents;
    }

    long published() {
        return published;
    }

    long republished() {
        return republished;
    }

    long journalErrors() {
        return journalErrors.get();
    }

    /** Items handed over and not yet handled (journaled and published) by the writer thread. */
    int backlog() {
        return queue.size() + batchRemaining;
    }

    /** Times the feed path found the queue full and waited for room. */
    long feedWaits() {
        return feedWaits.get();
    }

    /** The longest such wait, µs. */
    long feedWaitMaxMicros() {
        return TimeUnit.NANOSECONDS.toMicros(feedWaitMaxNanos.get());
    }
}
