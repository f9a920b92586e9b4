package com.quotebus.app;

import com.hazelcast.core.HazelcastInstance;
import com.quotebus.calculator.history.HistoryStore;
import com.quotebus.cluster.InstrumentDirectory;
import com.quotebus.cluster.MarketClockFeed;
import com.quotebus.cluster.hazelcast.HazelcastLeaderElection;
import com.quotebus.collector.journal.JournalTail;
import com.quotebus.collector.journal.WireEventSerializer;
import com.quotebus.collector.pipeline.LeaderElection;
import com.quotebus.collector.sim.ExchangeTimeClock;
import com.quotebus.collector.sim.MarketGenerator;
import com.quotebus.collector.sim.SimClockConfig;
import com.quotebus.collector.sim.SimSymbol;
import com.quotebus.collector.sim.SimUniverse;
import com.quotebus.collector.sim.SimulatedMarketClock;
import com.quotebus.collector.sim.SimulatedMarketStart;
import com.quotebus.collector.sim.SimulatorConfig;
import com.quotebus.collector.szse.SimulatorServer;
import com.quotebus.collector.verticle.CollectorConfig;
import com.quotebus.core.instrument.Instrument;
import com.quotebus.core.time.MarketClock;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingSchedules;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The collector side of a node besides the collector verticle: the simulator (when enabled) serving the
 * SZSE binary feed on its port, the market clock (simulated day, or the system clock for a real feed)
 * published to the cluster on {@code internal.clock}, the day's instruments in the cluster directory,
 * and — with the simulator — history for the calculators from the first second.
 *
 * <p>With the simulator the market starts where the collector's journal ends when that is later than the configured
 * start ({@link SimulatedMarketStart}; docs/feeds.md "Start and resume"), and is held there until the collector's
 * first feed line has logged on to the simulator.
 *
 * <p>Reading a feed ({@code simulator.enabled=false}) the market time is the exchange's: the latest exchange time
 * of the feed's events and heartbeats, advanced by the wall clock in between ({@link ExchangeTimeClock}); it is
 * not published before the feed has said what time it is (a calculator's clock never moves back, so a wall-clock
 * tick would pin it ahead of a feed that runs on another day or speed, such as a standalone simulator). The
 * collector verticle itself keeps the wall clock for its timers (arbitration windows, fsync, the leader lease and
 * the takeover window are real durations). With {@code simulator.reference-data=true} the node also publishes the
 * simulated instruments ({@code simulator.*} must then match the standalone simulator's settings), since the SZSE
 * feed carries no reference data.
 */
final class CollectorRole {
    private static final Logger LOG = Logger.getLogger(CollectorRole.class.getName());
    /**
     * The simulated market is held at its start until the first feed line has logged on to the simulator, so that
     * a resumed collector misses nothing; at most this long (recovering a full day's journal takes tens of seconds
     * before the collector's lines connect; a collector that reads another feed never logs on).
     */
    static final long FIRST_LOGON_MAX_WAIT_MS = 300_000;

    private final Vertx vertx;
    private final QuotebusConfig.Collector config;
    private final TradingCalendar calendar;
    private final InstrumentDirectory directory;
    private final boolean simulate;
    private MarketGenerator generator;
    private MarketClock clock;
    private ExchangeTimeClock exchangeClock;
    private volatile boolean exchangeTimeKnown;
    private double speed = 1.0;
    private String simulatorDeployment;
    private SimulatorServer simulator;
    /** Trading day whose instruments are in the directory; written on a worker (publishInstruments). */
    private volatile LocalDate instrumentsDay;
    /** A worker is putting a new day's instruments in the directory. */
    private final java.util.concurrent.atomic.AtomicBoolean publishingInstruments =
            new java.util.concurrent.atomic.AtomicBoolean();
    private long clockTimer = -1;
    /** Votes still needed to release the simulated clock: the first feed logon and the node being ready. */
    private final java.util.concurrent.atomic.AtomicInteger startVotes = new java.util.concurrent.atomic.AtomicInteger(2);
    /** The simulator has had its first feed logon, or gave up waiting for one ({@link #FIRST_LOGON_MAX_WAIT_MS}). */
    private volatile boolean firstLogonDecided;
    private volatile boolean collectorStarted;

    CollectorRole(Vertx vertx, QuotebusConfig.Collector config, TradingCalendar calendar,
                  InstrumentDirectory directory) {
        this.vertx = vertx;
        this.config = config;
        this.calendar = calendar;
        this.directory = directory;
        this.simulate = config.simulator().enabled();
    }

    /**
     * The collector verticle's leader election: with {@code collector.leader.type = hazelcast} a lease in the
     * cluster, else null (the verticle then always publishes).
     */
    static LeaderElection election(CollectorConfig config, HazelcastInstance hazelcast) {
        CollectorConfig.Leader leader = config.leader();
        return leader.type().equals("hazelcast")
                ? new HazelcastLeaderElection(hazelcast, leader.name(), leader.member(), leader.leaseMillis())
                : null;
    }

    /** Market time (simulated, or the feed's exchange time). */
    MarketClock clock() {
        return clock;
    }

    /** Whether this node runs the built-in simulator (its clock is then the simulated market's). */
    boolean simulates() {
        return simulate;
    }

    /** The simulated clock's speed ({@code clock.speed}); 1 with a real feed. */
    double clockSpeed() {
        return simulate ? speed : 1.0;
    }

    TradingCalendar calendar() {
        return calendar;
    }

    /** The collector verticle's clock: the simulated market clock, or the wall clock with a real feed. */
    MarketClock collectorClock() {
        return simulate ? clock : MarketClock.system();
    }

    /** Where a real feed reports exchange times (null with the simulator, whose clock is the market's). */
    java.util.function.LongConsumer exchangeTimes() {
        if (simulate) {
            return null;
        }
        return t -> {
            exchangeClock.observe(t);
            if (!exchangeTimeKnown) {
                exchangeTimeKnown = true;
                if (generator != null) {
                    vertx.runOnContext(v -> publishInstrumentsOnNewDay());
                }
            }
        };
    }

    Future<Void> start() {
        Future<Void> started;
        if (simulate) {
            SimulatorConfig market = config.simulator().market();
            SimUniverse universe = new SimUniverse(market);
            SimClockConfig clockConfig = config.simulator().clock();
            speed = clockConfig.speed();
            Path journals = config.config().journalDirectory();
            // Reading the journal's end (milliseconds) and fast-forwarding the generator to the start (seconds for
            // the default market late in the day) block: on a worker.
            started = vertx.executeBlocking(() -> startMarket(clockConfig, journals, market, universe), false)
                    .compose(simClock -> {
                        clock = simClock;
                        // the first call computes every symbol's day from the model's anchor: a worker's job
                        return vertx.executeBlocking(() -> {
                            publishInstruments();
                            return null;
                        }, false);
                    }).compose(v -> {
                        simulator = new SimulatorServer(config.simulator().server(),
                                generator, (SimulatedMarketClock) clock).awaitFirstLogon(() -> {
                                    firstLogonDecided = true;
                                    voteToStart();
                                }, FIRST_LOGON_MAX_WAIT_MS);
                        return vertx.deployVerticle(simulator);
                    }).map(id -> {
                        simulatorDeployment = id;
                        return null;
                    });
        } else {
            exchangeClock = new ExchangeTimeClock(MarketClock.system());
            clock = exchangeClock;
            if (config.simulator().referenceData()) {
                // the standalone simulator's market, started today (its corporate actions end before its first day)
                SimulatorConfig market = config.simulator().market();
                generator = new MarketGenerator(market, new SimUniverse(market), calendar,
                        new TradingSchedules(calendar).tradingDayOf(System.currentTimeMillis()));
            }
            started = Future.succeededFuture();
        }
        clockTimer = vertx.setPeriodic(config.clockPublishIntervalMs(), t -> {
            if (clock == null || !simulate && !exchangeTimeKnown) { // the simulated clock is set up on a worker
                return;
            }
            vertx.eventBus().publish(MarketClockFeed.ADDRESS,
                    new JsonObject().put("time", clock.millis()).put("speed", speed));
            publishInstrumentsOnNewDay();
        });
        return started;
    }

    /**
     * The simulated market starts (its clock is released) when both have happened: the first feed line logged on
     * to the simulator, and the node is ready ({@link Readiness}: calculators live, gateway listening with the
     * calculator services registered, the collector fed). So the first minutes of the day are not traded while
     * history is still being seeded and nobody can subscribe. Nothing the node's readiness waits for waits for the
     * market: calculators go live once the journal replay answers (the collector's, which runs before the market
     * does), and the collector counts as fed once the simulator's first logon happened (or it gave up waiting).
     */
    private void voteToStart() {
        if (startVotes.decrementAndGet() == 0 && clock instanceof SimulatedMarketClock sim) {
            sim.release();
        }
    }

    /**
     * Called by the node once every role has started (once): the simulated market may start. Not on readiness: a
     * calculator is ready only when its shards' live streams flow, which needs the market running.
     */
    void nodeReady() {
        if (simulate) {
            voteToStart();
        }
    }

    /**
     * Decides where the market starts ({@link SimulatedMarketStart}: the configured start, or the end of the newest
     * journal when later), logs it, positions the generator there and returns the clock, held until the first
     * feed line logs on to the simulator. Blocking.
     */
    private SimulatedMarketClock startMarket(SimClockConfig clockConfig, Path journals, SimulatorConfig market,
            SimUniverse universe) {
        long t0 = System.nanoTime();
        Optional<JournalTail.Summary> tail = JournalTail.newest(journals, WireEventSerializer.INSTANCE);
        long readNanos = System.nanoTime() - t0;
        SimulatedMarketStart.JournalEnd end = tail.map(t -> new SimulatedMarketStart.JournalEnd(
                t.file().getFileName().toString(), t.lastMarketTime(), t.watermark())).orElse(null);
        SimulatedMarketStart start = SimulatedMarketStart.decide(clockConfig, calendar, System.currentTimeMillis(),
                end);
        // The clock needs the market's sessions (any generator of the universe has them); the generator needs the
        // clock's first day: corporate actions are simulated in the seeded past only, never live.
        SimulatedMarketClock simClock = new SimulatedMarketClock(clockConfig, calendar, MarketClock.system(),
                new MarketGenerator(market, universe, calendar)::activeIntervals, start.marketTime(), true);
        generator = new MarketGenerator(market, universe, calendar,
                new TradingSchedules(calendar).tradingDayOf(simClock.millis()));
        LOG.info(start.describe(simClock.millis()));
        tail.ifPresent(t -> LOG.fine(() -> String.format("journal end read in %.1f ms: %d of %d bytes, %d records",
                readNanos / 1e6, t.bytesRead(), t.size(), t.recordsRead())));
        // a fresh start just after the opening prints (the default 09:29:30) sends them: generatorFrom is before the clock
        generator.startAt(start.resumed() ? start.generatorFrom() : Math.min(start.generatorFrom(), simClock.millis()));
        return simClock;
    }

    /**
     * The collector verticle has started: each of its feed sources has had its first Logon reply (a source's
     * start completes then, docs/feeds.md). Called by the node once the verticle is deployed.
     */
    void collectorStarted() {
        collectorStarted = true;
    }

    /**
     * Whether the collector side is fed: the collector verticle has started (its feed lines logged on) and, with the
     * simulator, the simulator has seen its first logon (or gave up waiting and runs without). Not whether events
     * flow: a feed is silent but for heartbeats outside trading hours.
     */
    Readiness.State readiness() {
        if (!collectorStarted) {
            return Readiness.State.notReady("the collector is starting");
        }
        if (simulate) {
            if (simulator == null || !firstLogonDecided) {
                return Readiness.State.notReady("waiting for the first feed line to log on to the simulator");
            }
            int lines = simulator.clientCount();
            return Readiness.State.ready(lines > 0 ? "simulator: " + lines + " feed line(s) logged on"
                    : "simulator: no feed line logged on within " + FIRST_LOGON_MAX_WAIT_MS + " ms; runs without");
        }
        return Readiness.State.ready("feed lines logged on" + (exchangeTimeKnown ? "; exchange time known"
                : "; no event yet"));
    }

    /**
     * When the market day changed, puts the new day's instruments in the directory, on a worker (the first call
     * computes every symbol's daily chain; each day's 2,000 summaries are not an event loop's work either).
     */
    private void publishInstrumentsOnNewDay() {
        if (generator == null || clock == null || publishingInstruments.get()) {
            return;
        }
        if (new TradingSchedules(calendar).tradingDayOf(clock.millis()).equals(instrumentsDay)) {
            return;
        }
        if (publishingInstruments.compareAndSet(false, true)) {
            vertx.executeBlocking(() -> {
                publishInstruments();
                return null;
            }, false).onComplete(ar -> {
                publishingInstruments.set(false);
                if (ar.failed()) {
                    LOG.log(java.util.logging.Level.WARNING, "instruments not published", ar.cause());
                }
            });
        }
    }

    /** Puts the simulated instruments of the current market day in the directory (once per day). Blocking. */
    private synchronized void publishInstruments() {
        LocalDate day = new TradingSchedules(calendar).tradingDayOf(clock.millis());
        if (day.equals(instrumentsDay)) {
            return;
        }
        long t0 = System.nanoTime();
        List<Instrument> list = new ArrayList<>();
        for (SimSymbol s : generator.universe().symbols()) {
            list.add(s.instrument(generator.history().day(s, day).preClose()));
        }
        directory.putAll(list);
        instrumentsDay = day;
        LOG.info(String.format("instruments of %s: %d (%.0f ms)", day, list.size(), (System.nanoTime() - t0) / 1e6));
    }

    /** With the simulator: a year and more of day bars and the last days' minute lines, before calculators start. */
    Future<Void> seedHistory(HistoryStore store) {
        if (!simulate || !config.simulator().seedHistory()) {
            return Future.succeededFuture();
        }
        LocalDate liveDay = instrumentsDay;
        int minuteDays = config.simulator().seedMinuteDays();
        SimulatedHistorySeeder seeder = new SimulatedHistorySeeder(generator.universe(), generator.history(),
                new TradingSchedules(calendar), store, config.simulator().market().seed());
        long t0 = System.nanoTime();
        return vertx.executeBlocking(() -> seeder.start(liveDay, minuteDays, LOG::info), false).compose(run -> {
            if (run == null) {
                return Future.succeededFuture();
            }
            return seedSlices(run).onSuccess(v -> LOG.info(String.format("history seeded in %.1f s, %d symbols per"
                    + " worker task", (System.nanoTime() - t0) / 1e9, SEED_SLICE_SYMBOLS)));
        });
    }

    /** Symbols seeded per worker task: ~0.2–0.5 s each, so the seeding never holds a worker for long. */
    static final int SEED_SLICE_SYMBOLS = 50;

    /** Runs the seeding one slice per worker task (ordered: one after the other), every RocksDB write included. */
    private Future<Void> seedSlices(SimulatedHistorySeeder.Run run) {
        return vertx.executeBlocking(() -> run.next(SEED_SLICE_SYMBOLS), false)
                .compose(more -> more ? seedSlices(run) : Future.succeededFuture());
    }

    Future<Void> stop() {
        vertx.cancelTimer(clockTimer);
        return simulatorDeployment == null ? Future.succeededFuture()
                : vertx.undeploy(simulatorDeployment).recover(e -> Future.succeededFuture());
    }
}
