package com.quotebus.calculator;

import com.quotebus.calculator.history.HistoryStore;
import com.quotebus.cluster.InstrumentDirectory;
import com.quotebus.cluster.ShardState;
import com.quotebus.cluster.Shards;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.MarketTime;
import com.quotebus.core.instrument.Instrument;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.wire.EventCodec;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Acquires and releases shards for one calculator, on its event loop.
 *
 * <p><b>Acquire</b> (no gap, no duplicate): subscribe to the shard's live stream first and buffer what
 * arrives; page through the collector's journal of the day ({@code internal.journal.replay}) applying
 * every event with pushes off (the per-address sequences advance exactly as they did on the instance
 * that published them); then apply the buffer — events already replayed are dropped by their per-symbol
 * sequence — and follow the live stream. Bars close by the stream's own market time ({@code MarketTime} events,
 * journaled with the rest and applied per shard), so a rebuilt shard closes every bar at the same point of the
 * stream as the instance that applied it live. If the buffer overflows during a long rebuild it is emptied and
 * one more replay pass picks the events up from the journal. With no journal (no collector yet, or no
 * trading today) the shard starts from the live stream.
 *
 * <p><b>Out of sync</b>: a live event whose collector seq skips past the last one seen for its code means this
 * instance missed events (paused, cut off, or started mid-day with no journal); the shard is rebuilt from the
 * journal instead of publishing pushes numbered differently from every other instance.
 *
 * <p><b>Release</b>: unsubscribe and forget the shard's symbols.
 */
final class ShardLoader implements QueryService.Ownership {
    private static final Logger LOG = Logger.getLogger(ShardLoader.class.getName());

    private final Vertx vertx;
    private final CalculatorEngine engine;
    private final InstrumentDirectory directory;
    private final int shards;
    private final CalculatorOptions options;
    private final Consumer<MarketEvent> applied;
    /** How long a shard that moved to another instance is still served here (see {@link #assign}). */
    static final long HANDOVER_MS = 5_000;

    private final Map<Integer, Shard> owned = new HashMap<>();
    private final HistoryStore history;
    private final Supplier<LocalDate> today;
    /** Told after every change of a shard's state here (acquired, live, released). */
    private final Runnable changed;
    private long unknownCodeEvents;
    private final java.util.Set<String> unknownLogged = new java.util.HashSet<>();
    private Set<Integer> target = Set.of();
    /** Set once every assigned shard was live (see {@link #states}): from then on each shard is served once live. */
    private boolean servedOnce;
    /** Journal events applied per event-loop turn while a shard is rebuilt. */
    static final int REPLAY_SLICE = 500;
    /** How often a replayed shard checks for its first live event, and after how long it says it is waiting. */
    static final long LIVE_POLL_MS = 20;
    static final long LIVE_WAIT_LOG_NANOS = 5_000_000_000L;
    /**
     * The longest a replayed shard waits for its first live event. While the collector publishes, a market time
     * comes every ~100 ms on every shard, so this is reached only on a quiet stream (no input yet today, a held
     * market clock) — or when this node's subscription is not yet seen by the cluster (a merge after a split:
     * seconds), which it covers.
     */
    static final long LIVE_WAIT_MAX_NANOS = 12_000_000_000L;
    /** Wait between replay attempts while no collector answers. */
    static final long REPLAY_RETRY_MS = 1_000;
    /** Wait before rebuilding a shard found out of sync (bounds the retries while no journal is reachable). */
    static final long RESYNC_DELAY_MS = 500;
    /** Highest collector seq applied per code of the owned shards. */
    private final Map<String, long[]> seen = new HashMap<>();
    private long resyncs;
    /** Rebuild steps waiting for their turn; one runs at a time on this loop (see {@link #withPermit}). */
    private final java.util.ArrayDeque<Runnable> rebuildQueue = new java.util.ArrayDeque<>();
    private boolean rebuildRunning;
    /** The latest market time applied to any owned shard (what /status shows as the stream's time). */
    private volatile long marketTime = Long.MIN_VALUE;

    private static final class Shard {
        final int id;
        MessageConsumer<MarketEvent> consumer;
        List<MarketEvent> buffer = new ArrayList<>();
        boolean overflowed;
        boolean live;
        /** The last market time applied to this shard's symbols, and the minute it last swept them in. */
        long marketTime = Long.MIN_VALUE;
        long sweptMinute = Long.MIN_VALUE;
        final Set<String> codes = new java.util.HashSet<>();
        boolean released;
        int replayFailures;
        boolean waitLogged;
        /** Applying the buffer: it shrinks from the front faster than it grows, so it is never dropped. */
        boolean draining;

        Shard(int id) {
            this.id = id;
        }
    }

    /**
     * @param history the store the week/month/quarter/year bars' earlier days come from (null: none)
     * @param today   the current trading day (from the market clock)
     * @param changed  told after every change of the held shards or their states ({@link #states})
     */
    ShardLoader(Vertx vertx, CalculatorEngine engine, InstrumentDirectory directory, int shards,
                CalculatorOptions options, Consumer<MarketEvent> applied, HistoryStore history,
                Supplier<LocalDate> today, Runnable changed) {
        this.changed = changed;
        this.history = history;
        this.today = today;
        this.vertx = vertx;
        this.engine = engine;
        this.directory = directory;
        this.shards = shards;
        this.options = options;
        this.applied = applied;
    }

    @Override
    public QueryService.Serving of(String code) {
        Shard s = owned.get(Shards.shardOf(code, shards));
        if (s == null) {
            return QueryService.Serving.NOT_OWNED;
        }
        return s.live ? QueryService.Serving.LIVE : QueryService.Serving.REBUILDING;
    }

    /**
     * The state of every shard held here, for the shard map: {@code LIVE} when caught up, {@code ACQUIRING} while
     * rebuilding, {@code RELEASING} for a shard no longer assigned here (kept until it is live elsewhere) and for
     * every shard when {@code leaving}. A starting instance serves nothing until it is ready: until every assigned
     * shard has been live at once (as seen by a call of this method), its caught-up shards stay {@code ACQUIRING},
     * so clients never get answers from a node that does not say it is ready; from then on each shard is
     * {@code LIVE} as soon as it is caught up (a shard rebuilt later does not hold back the others).
     */
    Map<Integer, ShardState> states(boolean leaving) {
        if (!servedOnce && allAssignedLive()) {
            servedOnce = true;
        }
        Map<Integer, ShardState> out = new java.util.TreeMap<>();
        for (Shard s : owned.values()) {
            out.put(s.id, leaving || !target.contains(s.id) ? ShardState.RELEASING
                    : s.live && servedOnce ? ShardState.LIVE : ShardState.ACQUIRING);
        }
        return out;
    }

    /** Shards still held here that are no longer assigned here (waiting until they are live elsewhere). */
    Set<Integer> handingOver() {
        Set<Integer> out = new TreeSet<>(owned.keySet());
        out.removeAll(target);
        return out;
    }

    /** The latest stream market time applied to a shard of this instance, {@link Long#MIN_VALUE} before any. */
    long marketTime() {
        return marketTime;
    }

    /** Events dropped because their code is not in the instrument directory. */
    long unknownCodeEvents() {
        return unknownCodeEvents;
    }

    /** Whether every shard of the current assignment is acquired and follows the live stream. */
    boolean allAssignedLive() {
        for (Integer id : target) {
            Shard s = owned.get(id);
            if (s == null || !s.live) {
                return false;
            }
        }
        return true;
    }

    Set<Integer> servedShards() {
        return new TreeSet<>(owned.keySet());
    }

    /**
     * Makes the held set equal {@code target}: acquires the new shards at once; a shard no longer in the target
     * is kept (served, followed, marked {@code RELEASING} in the shard map so no new query is routed here) until
     * the caller sees it live at its other replicas ({@link #handedOver}), at most {@link #HANDOVER_MS} more.
     */
    void assign(Set<Integer> target) {
        this.target = Set.copyOf(target);
        for (Integer id : new ArrayList<>(owned.keySet())) {
            if (!target.contains(id)) {
                vertx.setTimer(HANDOVER_MS, t -> handedOver(id)); // at the latest: released if still not ours
            }
        }
        for (Integer id : target) {
            if (!owned.containsKey(id)) {
                acquire(id);
            }
        }
        changed.run();
    }

    /** Releases a shard kept only for the hand-over (not in the target any more); no-op otherwise. */
    void handedOver(int id) {
        if (!target.contains(id) && owned.containsKey(id)) {
            release(owned.remove(id));
            changed.run();
        }
    }

    void onInstrument(Instrument i) {
        Shard s = owned.get(Shards.shardOf(i.codeText(), shards));
        if (s != null) {
            addInstrument(s, i);
        }
    }

    /** Adds a code of an owned shard: the shard's market time closes its bars from now on. */
    private void addInstrument(Shard shard, Instrument i) {
        engine.addInstrument(i);
        shard.codes.add(i.codeText());
    }

    private void acquire(int id) {
        Shard shard = new Shard(id);
        owned.put(id, shard);
        for (Instrument i : directory.all().values()) {
            if (Shards.shardOf(i.codeText(), shards) == id) {
                addInstrument(shard, i);
            }
        }
        shard.consumer = vertx.eventBus().consumer(Shards.streamAddress(id), m -> onLive(shard, m));
        long started = System.nanoTime();
        List<String> codes = new ArrayList<>();
        for (var s : engine.symbols()) {
            if (Shards.shardOf(s.code(), shards) == id) {
                codes.add(s.code());
            }
        }
        shard.consumer.completion()
                .compose(v -> carryIn(codes))
                .onComplete(ar -> rebuild(shard, started));
    }

    /**
     * Replays the shard's day from the collector's journal, then goes live. With no collector reachable (no
     * handler, or no answer: the collector is down, or this node is cut off from the cluster) the shard stays
     * ACQUIRING and the replay is tried again every {@link #REPLAY_RETRY_MS}: a shard never goes live on a stream
     * it cannot vouch for. A collector that answers with an error (e.g. no journal) means there is nothing to
     * rebuild: the shard follows the live stream from now.
     */
    private void rebuild(Shard shard, long started) {
        long[] count = new long[1];
        replay(shard, 0, null, count)
                .compose(next -> firstLiveEvent(shard).map(next))
                .compose(next -> replay(shard, next, null, count))
                .compose(n -> withPermit(() -> goLive(shard, started)))
                .onComplete(ar -> {
                    if (shard.released || ar.succeeded()) {
                        return;
                    }
                    if (ar.cause() instanceof ReplyException r
                            && (r.failureType() == ReplyFailure.NO_HANDLERS || r.failureType() == ReplyFailure.TIMEOUT)) {
                        if (shard.replayFailures++ % 30 == 0) {
                            LOG.info("shard " + shard.id + ": no collector journal to replay (" + r.getMessage()
                                    + "); stays acquiring, retrying every " + REPLAY_RETRY_MS + " ms");
                        }
                        vertx.setTimer(REPLAY_RETRY_MS, t -> {
                            if (!shard.released) {
                                rebuild(shard, started);
                            }
                        });
                        return;
                    }
                    LOG.log(Level.INFO, "shard " + shard.id + ": no journal replay (" + ar.cause().getMessage()
                            + "); following the live stream from now");
                    withPermit(() -> goLive(shard, started));
                });
    }

    /**
     * Runs one CPU-heavy step of a rebuild (applying a journal page, applying the live buffer) when no other
     * shard's step runs on this loop: the shards being acquired take turns, so a query on this loop waits behind
     * one slice of one rebuild at most, not one slice of every shard being acquired (a node taking over several
     * shards at once). Waiting for the collector's pages holds no turn.
     */
    private <T> Future<T> withPermit(java.util.function.Supplier<Future<T>> step) {
        Promise<T> done = Promise.promise();
        rebuildQueue.add(() -> {
            Future<T> f;
            try {
                f = step.get();
            } catch (RuntimeException e) {
                f = Future.failedFuture(e);
            }
            f.onComplete(ar -> {
                rebuildRunning = false;
                nextRebuildStep();
                done.handle(ar);
            });
        });
        nextRebuildStep();
        return done.future();
    }

    private void nextRebuildStep() {
        if (rebuildRunning) {
            return;
        }
        Runnable step = rebuildQueue.poll();
        if (step != null) {
            rebuildRunning = true;
            step.run();
        }
    }

    /**
     * Joins the replayed journal to the live stream without a hole: completes once the shard's subscription has
     * delivered its first live event (the collector journals an event before it publishes it, and publishes a
     * market time on every shard about every 100 ms); the journal is then replayed once more from where the first
     * pass ended. Everything published before that first live event is in the second pass, everything after it is
     * in the buffer; the overlap is dropped by seq when the buffer is applied. Without this, a subscription that
     * took effect late — e.g. a node merged back into the cluster after a split, whose consumers the cluster sees
     * seconds later — would go live on a stream with a hole and serve stale data until the next event showed it.
     * A stream with nothing on it for {@link #LIVE_WAIT_MAX_NANOS} is quiet (nothing to miss): the wait ends.
     */
    private Future<Void> firstLiveEvent(Shard shard) {
        if (shard.released || !shard.buffer.isEmpty() || shard.overflowed) {
            return Future.succeededFuture();
        }
        Promise<Void> arrived = Promise.promise();
        long waitingSince = System.nanoTime();
        vertx.setPeriodic(LIVE_POLL_MS, id -> {
            if (shard.released || !shard.buffer.isEmpty() || shard.overflowed) {
                vertx.cancelTimer(id);
                arrived.tryComplete();
            } else if (System.nanoTime() - waitingSince > LIVE_WAIT_MAX_NANOS) {
                vertx.cancelTimer(id);
                LOG.info("shard " + shard.id + ": no live event within " + LIVE_WAIT_MAX_NANOS / 1_000_000
                        + " ms of the replay; the stream is quiet, going live on it");
                arrived.tryComplete();
            } else if (System.nanoTime() - waitingSince > LIVE_WAIT_LOG_NANOS && !shard.waitLogged) {
                shard.waitLogged = true;
                LOG.info("shard " + shard.id + ": replayed, but no live event has arrived on its stream yet"
                        + " (collector not publishing, or this node's subscription not yet seen by the cluster);"
                        + " stays acquiring for up to " + LIVE_WAIT_MAX_NANOS / 1_000_000 + " ms");
            }
        });
        return arrived.future();
    }

    /**
     * This process was frozen (SIGSTOP, a very long pause): the cluster has most likely dropped it meanwhile
     * and its shards missed events it cannot see yet (no new event may arrive until it is back in the
     * cluster). Every held shard is rebuilt from the journal — ACQUIRING in the shard map, so nothing is served
     * from a state that may be stale.
     */
    void resyncAll(String why) {
        LOG.warning("rebuilding every held shard " + owned.keySet() + ": " + why);
        for (Shard shard : new ArrayList<>(owned.values())) {
            release(owned.remove(shard.id));
            resyncs++;
            vertx.setTimer(RESYNC_DELAY_MS, t -> {
                if (target.contains(shard.id) && !owned.containsKey(shard.id)) {
                    acquire(shard.id);
                    changed.run();
                }
            });
        }
        changed.run();
    }

    /**
     * Gives the live week/month/quarter/year bars of {@code codes} the earlier trading days of their
     * period from the history store (one seek per code), before any event of today is applied.
     */
    private Future<Void> carryIn(List<String> codes) {
        LocalDate day = today.get();
        if (history == null || day == null || codes.isEmpty()) {
            return Future.succeededFuture();
        }
        long before = ChinaTime.epochMillis(day, 0);
        return vertx.executeBlocking(() -> {
            Map<String, List<Bar>> out = new HashMap<>();
            for (String code : codes) {
                out.put(code, history.bars(code, Period.DAY, before, 370));
            }
            return out;
        }, false).map(byCode -> {
            byCode.forEach((code, days) -> {
                if (engine.symbol(code) == null) {
                    return;
                }
                for (Period p : new Period[] {Period.WEEK, Period.MONTH, Period.QUARTER, Period.YEAR}) {
                    Bar earlier = PeriodAggregates.earlierDays(code, p, day, days);
                    if (earlier != null) {
                        engine.market().carryIn(code, earlier);
                    }
                }
            });
            return null;
        });
    }

    private void onLive(Shard shard, Message<MarketEvent> m) {
        MarketEvent e = m.body();
        if (shard.released || (!shard.live && shard.buffer == null)) {
            return; // let go (out of sync or moved away) while messages were on their way
        }
        if (shard.live) {
            if (e instanceof MarketTime t) {
                advance(shard, t);
            } else if (inSequence(e)) {
                apply(e);
            } else {
                outOfSync(shard, e);
            }
            return;
        }
        if (shard.buffer.size() >= options.liveBufferEvents() && !shard.draining) {
            shard.buffer.clear();
            shard.overflowed = true;
        }
        shard.buffer.add(e);
    }

    /**
     * Pages through the journal from {@code from}; {@code end} pins the first pass to the journal's length
     * when it started. Resolves with the next position.
     */
    private Future<Long> replay(Shard shard, long from, Long end, long[] count) {
        if (shard.released) {
            return Future.succeededFuture(from);
        }
        JsonObject req = new JsonObject().put("shard", shard.id).put("shards", shards).put("from", from)
                .put("maxEvents", options.replayPageEvents());
        if (end != null) {
            req.put("end", end);
        }
        return vertx.eventBus().<Buffer>request(Shards.JOURNAL_REPLAY_ADDRESS, req,
                        new DeliveryOptions().setSendTimeout(30_000))
                .compose(reply -> {
                    long next = Long.parseLong(reply.headers().get("nextPosition"));
                    long pinned = end != null ? end : Long.parseLong(reply.headers().get("endPosition"));
                    boolean complete = Boolean.parseBoolean(reply.headers().get("complete"));
                    return withPermit(() -> applySilently(shard, reply.body())).compose(n -> {
                        count[0] += n;
                        if (!complete) {
                            return replay(shard, next, pinned, count);
                        }
                        if (shard.overflowed) {
                            shard.overflowed = false;
                            return replay(shard, next, null, count);
                        }
                        return Future.succeededFuture(next);
                    });
                });
    }

    /**
     * Applies a journal page with pushes off, {@value #REPLAY_SLICE} events per event-loop turn: a rebuild never
     * holds the loop for long (the other shards' live events, queries and timers run in between, with pushes on).
     */
    private Future<Integer> applySilently(Shard shard, Buffer page) {
        Promise<Integer> done = Promise.promise();
        applySlice(shard, ByteBuffer.wrap(page.getBytes()), 0, done);
        return done.future();
    }

    private void applySlice(Shard shard, ByteBuffer bytes, int applied, Promise<Integer> done) {
        int n = applied;
        engine.setPublishing(false);
        try {
            for (int i = 0; i < REPLAY_SLICE && bytes.hasRemaining() && !shard.released; i++) {
                MarketEvent e = (MarketEvent) EventCodec.decode(bytes);
                if (e instanceof MarketTime t) {
                    advance(shard, t);
                } else {
                    apply(e);
                }
                n++;
            }
        } catch (RuntimeException e) {
            done.fail(e);
            return;
        } finally {
            engine.setPublishing(true);
        }
        if (!bytes.hasRemaining() || shard.released) {
            done.complete(n);
        } else {
            int sofar = n;
            vertx.runOnContext(v -> applySlice(shard, bytes, sofar, done));
        }
    }

    /**
     * Whether a live event follows the last one seen for its code (a duplicate or a new day's first does, and so
     * does a last print of the day before, which the market state counts as of an old day).
     */
    private boolean inSequence(MarketEvent e) {
        long[] last = seen.get(e.code());
        if (e.seq() <= (last == null ? 0 : last[0]) + 1) {
            return true;
        }
        var state = engine.symbol(e.code());
        return state != null && state.tradingDay() != null
                && engine.market().schedules().tradingDayOf(e.exchangeTime()).isBefore(state.tradingDay());
    }

    /**
     * This instance missed events of a shard (e.g. it was paused or cut off from the cluster, or started
     * mid-day without a journal to replay): publishing on would number its pushes differently from the
     * journal, so the shard is dropped and rebuilt from the journal (pushes off), then follows live again.
     */
    private void outOfSync(Shard shard, MarketEvent e) {
        long[] last = seen.get(e.code());
        resyncs++;
        LOG.warning("shard " + shard.id + ": " + e.code() + " seq " + e.seq() + " after " + (last == null ? 0 : last[0])
                + ": events missed; rebuilding the shard from the journal (" + resyncs + " so far)");
        if (owned.get(shard.id) == shard) {
            release(owned.remove(shard.id));
            changed.run();
        }
        vertx.setTimer(RESYNC_DELAY_MS, t -> {
            if (target.contains(shard.id) && !owned.containsKey(shard.id)) {
                acquire(shard.id);
                changed.run();
            }
        });
    }

    private void apply(MarketEvent e) {
        if (e instanceof MarketTime) {
            throw new IllegalStateException("a market time is applied per shard");
        }
        if (engine.symbol(e.code()) == null) {
            Instrument i = directory.get(e.code());
            if (i == null) {
                // the collector puts instruments in the directory before their events; an event for a code
                // it does not know (a feed listing more than its static data) is counted and reported once
                unknownCodeEvents++;
                if (unknownLogged.size() < 1000 && unknownLogged.add(e.code())) {
                    LOG.warning("event for " + e.code() + " which is not in the instrument directory: not applied");
                }
                seen(e);
                return;
            }
            Shard shard = owned.get(Shards.shardOf(e.code(), shards));
            if (shard != null) {
                addInstrument(shard, i);
            } else {
                engine.addInstrument(i);
            }
        }
        if (engine.apply(e) != com.quotebus.core.market.ApplyResult.OLD_DAY) {
            seen(e); // a last print of the day before does not move the numbering of today
        }
        applied.accept(e);
    }

    private void seen(MarketEvent e) {
        long[] last = seen.computeIfAbsent(e.code(), c -> new long[1]);
        last[0] = e.seq() == 1 ? 1 : Math.max(last[0], e.seq());
    }

    /**
     * Applies the stream's market time to the shard's symbols: bars, 分时 points and days that ended before it
     * close — exactly where they closed on every other instance that applied the same stream (live or replayed).
     */
    private void advance(Shard shard, MarketTime t) {
        if (t.exchangeTime() <= shard.marketTime) {
            return; // every shard carries the market time; this one had it already
        }
        shard.marketTime = t.exchangeTime();
        marketTime = Math.max(marketTime, t.exchangeTime());
        long minute = engine.market().sweepMinute(t.exchangeTime());
        if (minute != shard.sweptMinute) { // bars, points and days end on whole minutes
            shard.sweptMinute = minute;
            engine.market().advanceTo(shard.codes, t.exchangeTime());
        }
    }

    /**
     * Applies the live events buffered during the rebuild ({@value #REPLAY_SLICE} per event-loop turn, pushes on;
     * events that keep arriving meanwhile join the end of the buffer), then follows the stream directly.
     */
    private Future<Void> goLive(Shard shard, long startedNanos) {
        Promise<Void> done = Promise.promise();
        if (shard.released || shard.buffer == null) {
            done.complete();
            return done.future();
        }
        shard.draining = true;
        drainBuffer(shard, startedNanos, 0, done);
        return done.future();
    }

    private void drainBuffer(Shard shard, long startedNanos, int from, Promise<Void> done) {
        if (shard.released) {
            done.complete();
            return;
        }
        List<MarketEvent> buffered = shard.buffer;
        int i = from;
        for (int n = 0; i < buffered.size() && n < REPLAY_SLICE; i++, n++) {
            MarketEvent e = buffered.get(i);
            if (e instanceof MarketTime t) {
                advance(shard, t);
                continue;
            }
            if (!inSequence(e)) {
                shard.buffer = null;
                outOfSync(shard, e);
                done.complete();
                return;
            }
            apply(e);
        }
        if (i < buffered.size()) {
            int next = i;
            vertx.runOnContext(v -> drainBuffer(shard, startedNanos, next, done));
            return;
        }
        shard.buffer = null;
        shard.live = true;
        changed.run();
        done.complete();
        LOG.fine(() -> "shard " + shard.id + " live after " + (System.nanoTime() - startedNanos) / 1_000_000 + " ms");
    }

    private void release(Shard shard) {
        shard.released = true;
        seen.keySet().removeIf(code -> Shards.shardOf(code, shards) == shard.id);
        if (shard.consumer != null) {
            shard.consumer.unregister();
        }
        for (var s : new ArrayList<>(engine.symbols())) {
            if (Shards.shardOf(s.code(), shards) == shard.id) {
                engine.removeInstrument(s.code());
            }
        }
    }

    Future<Void> close() {
        List<Future<Void>> all = new ArrayList<>();
        for (Shard s : owned.values()) {
            s.released = true;
            if (s.consumer != null) {
                all.add(s.consumer.unregister());
            }
        }
        owned.clear();
        return Future.join(all).mapEmpty();
    }

}
