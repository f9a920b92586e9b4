package com.quotebus.collector.verticle;

import com.quotebus.bus.EventCodecs;
import com.quotebus.collector.FeedSource;
import com.quotebus.collector.journal.WireEventSerializer;
import com.quotebus.collector.pipeline.CollectorPipeline;
import com.quotebus.collector.pipeline.LeaderElection;
import com.quotebus.collector.pipeline.PipelineMetrics;
import com.quotebus.collector.pipeline.TradingDayRouter;
import com.quotebus.core.time.MarketClock;
import com.quotebus.core.time.TradingCalendar;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.backends.BackendRegistries;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The collector at the edge: reads {@link CollectorConfig}, builds the sources through their factories, runs the
 * {@link CollectorPipeline} of each trading day ({@link TradingDayRouter}: arbitration → sequencer → journal, per
 * day by the events' own exchange time) and publishes each event on
 * {@code internal.md.shard.<n>} with the binary codecs of {@code com.quotebus.bus}; serves journal replays and
 * metrics. Blocking work (journal recovery, the leader lease) runs on worker threads; appends, fsync and
 * publishing run on each day's journal thread (docs/collector.md, "The journal thread").
 */
public final class CollectorVerticle extends VerticleBase {
    private final FeedSourceFactories factories;
    private final MarketClock clock;
    private final LeaderElection injectedElection;
    private final List<FeedSource> sources = new ArrayList<>();
    private final AtomicBoolean ticking = new AtomicBoolean();
    private final AtomicBoolean electing = new AtomicBoolean();
    /** The market time goes out every this many ticks (100 ms at the default tickMillis of 10). */
    private static final int MARKET_TIME_EVERY_TICKS = 10;
    private CollectorConfig config;
    private TradingCalendar calendar;
    private LeaderElection election;
    private volatile TradingDayRouter router;
    private long tickTimer = -1;
    private long electionTimer = -1;
    /** Held here: Micrometer keeps the meters' object only weakly. */
    private CollectorMeters meters;

    /** Factories from the class path, the system clock, and {@code leader.type = single}. */
    public CollectorVerticle() {
        this(FeedSourceFactories.discover(), MarketClock.system(), null);
    }

    /**
     * @param election the election to use, or null for {@code leader.type = single}; with {@code hazelcast} the node
     *                 gives the cluster's election (the verticle does not know the cluster)
     */
    public CollectorVerticle(FeedSourceFactories factories, MarketClock clock, LeaderElection election) {
        this(factories, clock, election, null);
    }

    /**
     * @param election the election to use, or null for {@code leader.type = single}
     * @param config   the node's checked collector configuration, or null to read the deployment config
     */
    public CollectorVerticle(FeedSourceFactories factories, MarketClock clock, LeaderElection election,
                             CollectorConfig config) {
        this.factories = factories;
        this.clock = clock;
        this.injectedElection = election;
        this.config = config;
    }

    @Override
    public Future<?> start() {
        if (config == null) {
            config = CollectorConfig.from(config());
        }
        try {
            EventCodecs.registerAll(vertx.eventBus());
        } catch (IllegalStateException alreadyRegistered) {
            // the application registered them at start-up, as it should on every node
        }
        calendar = TradingCalendar.loadDefault();
        LocalDate day = config.tradingDay() != null ? config.tradingDay() : calendar.tradingDayOf(clock.millis());
        for (var spec : config.sources()) {
            sources.add(factories.get(spec.type(), spec.name()).create(spec, vertx, clock));
        }
        election = injectedElection != null ? injectedElection : buildElection();
        EventBusOutput output = new EventBusOutput(vertx.eventBus(), config.shards());
        return vertx.executeBlocking(() -> new TradingDayRouter(calendar, day, config.tradingDay() != null,
                d -> openPipeline(d, output), MARKET_TIME_EVERY_TICKS)).compose(r -> {
            router = r;
            var registry = BackendRegistries.getDefaultNow();
            if (registry != null) {
                meters = CollectorMeters.bind(registry, names(), this::metrics);
            }
            vertx.eventBus().consumer(CollectorAddresses.REPLAY, new JournalReplayHandler(vertx,
                    config.journalDirectory(), config.shards(), config.replayMaxEvents(), router));
            vertx.eventBus().<JsonObject>consumer(CollectorAddresses.METRICS,
                    m -> m.reply(JsonObject.mapFrom(metrics())));
            tickTimer = vertx.setPeriodic(config.tickMillis(), id -> tick());
            electionTimer = vertx.setPeriodic(config.leader().renewMillis(), id -> elect());
            return elect();
        }).compose(v -> {
            List<Future<?>> started = new ArrayList<>();
            for (FeedSource s : sources) {
                started.add(Future.fromCompletionStage(s.start(router), context));
            }
            return Future.all(started);
        }).onFailure(t -> release());
    }

    /** Undoes a failed start: timers, sources, the journal. */
    private void release() {
        closeMeters();
        vertx.cancelTimer(tickTimer);
        vertx.cancelTimer(electionTimer);
        sources.forEach(FeedSource::stop);
        if (router != null) {
            router.close();
        }
    }

    private CollectorPipeline openPipeline(LocalDate day, EventBusOutput output) {
        return CollectorPipeline.open(new CollectorPipeline.Settings(config.journalDirectory(), config.fsync(),
                config.arbitration(), config.takeoverReplayMillis()), day, clock, names(),
                WireEventSerializer.INSTANCE, output);
    }

    private List<String> names() {
        return config.sources().stream().map(SourceSpec::name).toList();
    }

    private LeaderElection buildElection() {
        if (config.leader().type().equals("single")) {
            return LeaderElection.alwaysLeader();
        }
        throw new IllegalArgumentException("collector.leader.type " + config.leader().type()
                + " needs the election given to the CollectorVerticle (the node builds it on the cluster)");
    }

    /** Renews or takes the lease on a worker; the pipeline publishes only while it holds it. */
    private Future<Void> elect() {
        if (!electing.compareAndSet(false, true)) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> {
            boolean leader = election.tryAcquireOrRenew();
            router.setLeader(leader);
            return null;
        }, false).<Void>mapEmpty().onComplete(ar -> electing.set(false));
    }

    private void tick() {
        if (!ticking.compareAndSet(false, true)) {
            return; // the previous tick (arbitration timers, opening the next day's journal) is still running
        }
        vertx.executeBlocking(() -> {
            router.tick();
            return null;
        }, false).onComplete(ar -> ticking.set(false));
    }

    /** The current day's counters. */
    public PipelineMetrics metrics() {
        return router.current().metrics();
    }

    private void closeMeters() {
        if (meters != null) {
            meters.close();
            meters = null;
        }
    }

    @Override
    public Future<?> stop() {
        closeMeters();
        vertx.cancelTimer(tickTimer);
        vertx.cancelTimer(electionTimer);
        List<Future<?>> stopped = new ArrayList<>();
        for (FeedSource s : sources) {
            stopped.add(Future.fromCompletionStage(s.stop(), context));
        }
        return Future.join(stopped).eventually(() -> vertx.executeBlocking(() -> {
            election.close();
            if (router != null) {
                router.close();
            }
            return null;
        }));
    }
}
