package com.quotebus.collector.pipeline;

import com.quotebus.collector.FeedSink;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.TradingCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Sends every input to the {@link CollectorPipeline} of its own trading day — by the event's exchange time and
 * the calendar's rule ({@link TradingCalendar#tradingDayOf}), never by when it arrives — so each trading day has
 * its own journal, per-symbol numbering from 1 and channel sequences from 1, and the 15:00:00.000 closing prints
 * belong to their day even when the next day's night session (or a simulated clock that skipped the evening) is
 * already running.
 *
 * <p>Three days are open at most: the <b>current</b> one (the latest trading day any input belonged to), the
 * <b>previous</b> one (for its last prints arriving after the roll: they go to its journal and are published,
 * numbered after its other events) and the <b>next</b> one, opened ahead on the timer thread by {@link #tick} so
 * that the roll on a feed thread only swaps references. An input of a day before the previous one is counted
 * and dropped ({@link #olderDayEvents}): nothing can apply it any more. (After a start in the evening, the
 * day before is opened as the previous day by its first input.) The first input of a day after the next
 * one (a feed that skipped days) opens that day on the feed thread.
 *
 * <p>It also turns the pipelines' watermarks into the stream's market time ({@link #tick}): the current day's
 * watermark, held back by the previous day's while that one still has a hole, emitted as a
 * {@link com.quotebus.core.event.MarketTime} into the current day's journal and stream every
 * {@code marketTimeEveryTicks} ticks when it moved. While the feed is quiet (no input for {@link #QUIET_MILLIS}
 * of market time and {@link #QUIET_EMISSIONS} emissions, no hole) the market time follows the collector's market clock, {@link #QUIET_MILLIS} behind.
 *
 * <p>Thread-safe: sources call the sink from their own threads; the fast path (an input of the current day)
 * reads one volatile field; a roll takes this router's lock. Lock order: router, then a pipeline's locks.
 *
 * <p>On the feed path a roll to the day opened ahead only swaps references, and the day that drops out is
 * closed by its own journal thread ({@link CollectorPipeline#closeAsync}). Two rare inputs still open a journal
 * on the feed thread (logged): the first input of a day later than the one opened ahead (a feed that skipped
 * days), and, after a start in the evening, the first input of the day before (which reads that day's journal).
 */
public final class TradingDayRouter implements FeedSink, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(TradingDayRouter.class.getName());

    /**
     * Market ms without any input after which the market time follows the collector's clock (held that far
     * behind it): longer than any delivery lag seen on a busy feed, shorter than the close grace plus a minute.
     */
    static final long QUIET_MILLIS = 3_000;
    /** And this many market-time emissions (each {@code marketTimeEveryTicks} ticks) without input. */
    static final int QUIET_EMISSIONS = 5;

    private final TradingCalendar calendar;
    private final Function<LocalDate, CollectorPipeline> opener;
    private final boolean fixedDay;
    private final int marketTimeEveryTicks;
    private volatile Day current;
    private volatile Day previous;
    private volatile Day next;
    private volatile boolean leader;
    private long olderDayEvents;
    private long lastInputSeen = Long.MIN_VALUE;
    private int quietEmissions;
    private long ticks;
    /** Days dropped by a roll whose journal threads may still be closing them (guarded by this). */
    private final List<CompletableFuture<Void>> closingDays = new ArrayList<>();

    /** An open trading day: its time window and pipeline. */
    private record Day(LocalDate day, long start, long end, CollectorPipeline pipeline) {
        boolean covers(long time) {
            return time >= start && time < end;
        }
    }

    /**
     * @param firstDay             the trading day to open first (from the market clock at start)
     * @param fixedDay             true for a replay of one given day: everything goes to {@code firstDay}
     * @param opener               opens (and recovers) the pipeline of a trading day; may block
     * @param marketTimeEveryTicks emit the market time on every n-th {@link #tick} (≥ 1)
     */
    public TradingDayRouter(TradingCalendar calendar, LocalDate firstDay, boolean fixedDay,
            Function<LocalDate, CollectorPipeline> opener, int marketTimeEveryTicks) {
        if (marketTimeEveryTicks < 1) {
            throw new IllegalArgumentException("marketTimeEveryTicks must be >= 1, was " + marketTimeEveryTicks);
        }
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.fixedDay = fixedDay;
        this.marketTimeEveryTicks = marketTimeEveryTicks;
        this.current = open(firstDay);
    }

    private Day open(LocalDate day) {
        CollectorPipeline p = opener.apply(day);
        if (fixedDay) {
            return new Day(day, Long.MIN_VALUE, Long.MAX_VALUE, p);
        }
        return new Day(day, calendar.tradingDayStart(day), calendar.tradingDayEnd(day), p);
    }

    /** The pipeline of the current trading day. */
    public CollectorPipeline current() {
        return current.pipeline();
    }

    /** The open pipeline of {@code day}, or null when that day is not open. */
    public CollectorPipeline pipelineOf(LocalDate day) {
        for (Day d : new Day[] {current, previous}) {
            if (d != null && d.day().equals(day)) {
                return d.pipeline();
            }
        }
        return null;
    }

    /** Inputs of a trading day before the previous one, dropped. */
    public synchronized long olderDayEvents() {
        return olderDayEvents;
    }

    /** The pipeline an input at exchange time {@code time} goes to, rolling to a later day if needed; null = too old. */
    private CollectorPipeline route(long time) {
        Day c = current;
        if (c.covers(time)) {
            return c.pipeline();
        }
        synchronized (this) {
            c = current;
            if (c.covers(time)) {
                return c.pipeline();
            }
            if (time >= c.end()) {
                return rollTo(calendar.tradingDayOf(time)).pipeline();
            }
            Day p = previous;
            if (p != null && p.covers(time)) {
                return p.pipeline();
            }
            LocalDate day = calendar.tradingDayOf(time);
            if (p == null && day.equals(calendar.previousTradingDay(c.day()))) {
                // started after the roll (the clock was already in the next day) while the day before still sends
                LOG.log(System.Logger.Level.INFO, "input of the previous trading day " + day
                        + " after the start: opening its journal for its last prints");
                p = open(day);
                p.pipeline().setLeader(leader);
                previous = p;
                return p.pipeline();
            }
            olderDayEvents++;
            return null;
        }
    }

    /** Makes {@code day} (later than the current day) current. Called with the lock held. */
    private Day rollTo(LocalDate day) {
        Day n = next;
        Day d;
        if (n != null && n.day().equals(day)) {
            d = n;
        } else {
            LOG.log(System.Logger.Level.WARNING, "trading day " + day + " began before it was opened ahead (the feed "
                    + "skipped from " + current.day() + "); opening its journal on the feed thread");
            d = open(day);
            d.pipeline().setLeader(leader);
            if (n != null) {
                closing(n.pipeline().closeAsync()); // its journal thread forces and closes it; the feed goes on
            }
        }
        Day old = previous;
        previous = current;
        current = d;
        next = null;
        if (old != null) {
            closing(old.pipeline().closeAsync()); // two days back: nothing can be applied to it any more
        }
        LOG.log(System.Logger.Level.INFO, "trading day " + d.day() + " began (first input at or after "
                + ChinaTime.dateTime(d.start()) + "); " + previous.day() + " stays open for its last prints");
        return d;
    }

    @Override
    public void onEvent(String source, MarketEvent event) {
        CollectorPipeline p = route(event.exchangeTime());
        if (p != null) {
            p.sink().onEvent(source, event);
        }
    }

    @Override
    public void onHeartbeat(String source, int channel, long lastSeq, long exchangeTime) {
        CollectorPipeline p = exchangeTime > 0 ? route(exchangeTime) : current();
        if (p != null) {
            p.sink().onHeartbeat(source, channel, lastSeq, exchangeTime);
        }
    }

    @Override
    public void onSequenceOnly(String source, int channel, long channelSeq, long exchangeTime) {
        CollectorPipeline p = exchangeTime > 0 ? route(exchangeTime) : current();
        if (p != null) {
            p.sink().onSequenceOnly(source, channel, channelSeq, exchangeTime);
        }
    }

    @Override
    public void onMalformed(String source, String reason) {
        current().sink().onMalformed(source, reason);
    }

    @Override
    public void onDisconnected(String source, String reason) {
        for (CollectorPipeline p : open()) {
            p.sink().onDisconnected(source, reason);
        }
    }

    @Override
    public void onConnected(String source) {
        current().sink().onConnected(source);
    }

    private List<CollectorPipeline> open() {
        List<CollectorPipeline> out = new ArrayList<>(2);
        Day p = previous;
        if (p != null) {
            out.add(p.pipeline());
        }
        out.add(current.pipeline());
        return out;
    }

    /**
     * Runs the open days' timers, opens the next day ahead, and emits the stream's market time; call every few
     * ms from one thread that may block (opening a journal; handing a market time over when the journal queue is
     * full).
     */
    public void tick() {
        for (CollectorPipeline p : open()) {
            p.tick();
        }
        if (!fixedDay && next == null) {
            Day c = current;
            Day n = open(calendar.nextTradingDay(c.day()));
            n.pipeline().setLeader(leader);
            synchronized (this) {
                if (next == null && current == c) {
                    next = n;
                    n = null;
                }
            }
            if (n != null) {
                n.pipeline().close(); // a roll got there first
            }
        }
        if (++ticks % marketTimeEveryTicks == 0) {
            emitMarketTime();
        }
    }

    private void emitMarketTime() {
        Day c = current;
        CollectorPipeline cp = c.pipeline();
        long w = cp.watermark();
        long now = cp.now();
        long input = cp.lastInputAt();
        if (input != lastInputSeen) {
            lastInputSeen = input;
            quietEmissions = 0;
        } else {
            quietEmissions++;
        }
        // quiet by both clocks: a simulated clock may jump hours while the last prints are still in flight
        if (!cp.hasHole() && input != Long.MIN_VALUE && quietEmissions >= QUIET_EMISSIONS
                && now - input >= QUIET_MILLIS) {
            // a quiet feed with nothing outstanding (lunch, after the close, an idle market): the market time
            // follows the collector's market clock (the exchange's time as its feed reports it), so bars and the day
            // still close; under load there is always input and the market time comes from the events alone
            w = Math.max(w, now - QUIET_MILLIS);
        }
        Day p = previous;
        if (p != null) {
            if (p.pipeline().hasHole()) {
                w = Math.min(w, p.pipeline().watermark()); // the day before still waits for a hole to be filled
            }
        }
        if (w != Long.MIN_VALUE) {
            c.pipeline().emitMarketTime(w);
        }
    }

    /** Sets whether the open days publish (the leader lease); the current day republishes its tail on taking it. */
    public synchronized void setLeader(boolean nowLeader) {
        leader = nowLeader;
        Day p = previous;
        if (p != null) {
            p.pipeline().setLeader(nowLeader);
        }
        current.pipeline().setLeader(nowLeader);
        Day n = next;
        if (n != null) {
            n.pipeline().setLeader(nowLeader);
        }
    }

    /** Keeps a day being closed by its journal thread, for {@link #close} to wait for. Called with the lock held. */
    private void closing(CompletableFuture<Void> closed) {
        closingDays.removeIf(CompletableFuture::isDone);
        closingDays.add(closed);
    }

    /** Waits until everything the open days produced so far is journaled and (while leader) published. */
    public void flush() {
        for (CollectorPipeline p : open()) {
            p.flush();
        }
        Day n = next;
        if (n != null) {
            n.pipeline().flush();
        }
    }

    /** Closes the open days' journals, each after journaling and publishing everything handed over. */
    @Override
    public synchronized void close() {
        for (Day d : new Day[] {previous, current, next}) {
            if (d != null) {
                d.pipeline().close();
            }
        }
        closingDays.forEach(CompletableFuture::join);
        closingDays.clear();
    }
}
