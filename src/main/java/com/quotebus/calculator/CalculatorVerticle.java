package com.quotebus.calculator;

import com.quotebus.cluster.registry.InstanceState;
import com.quotebus.cluster.registry.RegistryListener;
import com.quotebus.cluster.registry.ServiceInstance;
import com.quotebus.cluster.registry.ServiceRegistration;
import com.quotebus.cluster.registry.ServiceRegistry;
import com.quotebus.calculator.history.HistoryStore;
import com.quotebus.cluster.InstrumentDirectory;
import com.quotebus.cluster.PushInterest;
import com.quotebus.cluster.ShardHolding;
import com.quotebus.cluster.ShardMap;
import com.quotebus.cluster.ShardState;
import com.quotebus.cluster.Shards;
import com.quotebus.core.adjust.AdjustFactorTable;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.instrument.Instrument;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.market.DayReconciliation;
import com.quotebus.core.time.MarketClock;
import com.quotebus.core.time.TradingSchedules;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A calculator instance: owns a share of the symbol shards (rendezvous over the live instances in the
 * service registry), rebuilds each shard it acquires from the collector's journal and then follows its
 * live stream, publishes pushes, answers {@code svc.*} queries at its instance addresses and registers
 * them in the registry. Thin: the work is in {@link CalculatorEngine}, {@link QueryService} and
 * {@link ShardLoader}.
 */
public final class CalculatorVerticle extends VerticleBase {
    private static final Logger LOG = Logger.getLogger(CalculatorVerticle.class.getName());
    /** The registry service whose instances are the calculators (every calculator registers all services). */
    static final String MEMBERSHIP_SERVICE = "kline";
    /** Reply header naming the instance that answered. */
    public static final String INSTANCE_HEADER = "instance";
    /** How often the loop checks that it was not frozen, and the gap that means it was. */
    static final long FROZEN_CHECK_MS = 250;
    static final long FROZEN_MS = 3_000;
    /** How often a stopping instance checks whether its shards are live elsewhere. */
    private static final long DRAIN_POLL_MS = 50;
    /** Symbols whose reconciliation mismatched shown by name in /status (the first, by code). */
    private static final int STATUS_MISMATCHES_SHOWN = 50;

    private final CalculatorOptions options;
    private final String instanceId;
    private final String nodeId;
    private final int shards;
    private final ServiceRegistry registry;
    private final HistoryStore history;
    private final InstrumentDirectory directory;
    private final TradingSchedules schedules;
    private final MarketClock clock;
    private final AdjustFactorTable factors;

    private PushInterest pushInterest = PushInterest.EVERYTHING;
    private CalculatorEngine engine;
    private EventBusPushSink sink;
    private QueryService queries;
    private ShardLoader loader;
    private final List<Bar> pendingBars = new ArrayList<>();
    private final List<ServiceRegistration> registrations = new ArrayList<>();
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();
    private RegistryListener membershipListener;
    private final ShardMap shardMap;
    private final int replicas;
    /** What this instance last wrote to the shard map, and the version of that write. */
    private java.util.Map<Integer, ShardState> published;
    private long holdingVersion = System.currentTimeMillis() * 1_000;
    /** Shard-map changes (another replica went live) may complete a hand-over: checked on this loop. */
    private final Runnable shardMapListener = () -> {
        if (context != null) {
            context.runOnContext(v -> releaseCovered());
        }
    };
    private boolean stopping;
    /** Set by {@link #stop}: this instance owns nothing any more and hands its shards over before it leaves. */
    private boolean leaving;
    private long eventsOffered;
    private long lastBeat;

    public CalculatorVerticle(CalculatorOptions options, String instanceId, String nodeId, int shards, int replicas,
                              ShardMap shardMap, ServiceRegistry registry, HistoryStore history, InstrumentDirectory directory,
                              TradingSchedules schedules, MarketClock clock, AdjustFactorTable factors) {
        this.options = options;
        this.instanceId = instanceId;
        this.nodeId = nodeId;
        this.shards = shards;
        if (replicas < 1) {
            throw new IllegalArgumentException("replicas must be >= 1, was " + replicas);
        }
        this.replicas = replicas;
        this.shardMap = shardMap;
        this.registry = registry;
        this.history = history;
        this.directory = directory;
        this.schedules = schedules;
        this.clock = clock;
        this.factors = factors;
    }

    /** Where pushes are wanted (default: everywhere); set before deployment. */
    public CalculatorVerticle pushInterest(PushInterest interest) {
        this.pushInterest = interest;
        return this;
    }

    public String instanceId() {
        return instanceId;
    }

    @Override
    public Future<?> start() {
        sink = new EventBusPushSink(vertx.eventBus(), pushInterest);
        engine = new CalculatorEngine(schedules, options.barSource(), options.limits(), sink);
        engine.onClosedBar(pendingBars::add);
        if (history != null) {
            engine.onFinishedMinuteLine((code, day, points) ->
                    vertx.executeBlocking(() -> {
                        history.putMinuteLine(code, day, points);
                        return null;
                    }, false).onFailure(e -> LOG.log(Level.WARNING, "minute line of " + code + " not stored", e)));
        }
        loader = new ShardLoader(vertx, engine, directory, shards, options, this::onOffered, history, () -> {
            long now = clock.millis();
            return now > 0 ? schedules.tradingDayOf(now) : null;
        }, this::publishHolding);
        queries = new QueryService(engine, directory, loader, history, new WorkerReads(), factors);
        directory.addListener(i -> context.runOnContext(v -> onInstrument(i)));
        shardMap.addListener(shardMapListener);

        List<Future<?>> ready = new ArrayList<>();
        for (String service : QueryService.SERVICES) {
            String address = ServiceInstance.defaultAddress(service, instanceId);
            MessageConsumer<Object> c = vertx.eventBus().consumer(address, m -> answer(service, m));
            consumers.add(c);
            ready.add(c.completion());
        }
        vertx.setPeriodic(options.historyFlushMs(), t -> flushHistory());
        lastBeat = System.nanoTime();
        vertx.setPeriodic(FROZEN_CHECK_MS, t -> checkFrozen());
        var meters = io.vertx.micrometer.backends.BackendRegistries.getDefaultNow();
        if (meters != null) {
            CalculatorMeters.bind(meters, instanceId, engine);
        }
        return Future.all(ready).compose(v -> register()).compose(v -> {
            membershipListener = new RegistryListener() {
                @Override
                public void added(ServiceInstance instance) {
                    context.runOnContext(x -> rebalance());
                }

                @Override
                public void updated(ServiceInstance previous, ServiceInstance current) {
                    if (previous.state() != current.state()) {
                        context.runOnContext(x -> rebalance());
                    }
                }

                @Override
                public void removed(ServiceInstance instance) {
                    context.runOnContext(x -> rebalance());
                }
            };
            registry.addListener(membershipListener);
            rebalance();
            return Future.succeededFuture();
        });
    }

    private Future<Void> register() {
        List<Future<ServiceRegistration>> regs = new ArrayList<>();
        for (String service : QueryService.SERVICES) {
            ServiceInstance me = new ServiceInstance(service, instanceId,
                    ServiceInstance.defaultAddress(service, instanceId), options.weight(), 0, InstanceState.ACTIVE,
                    nodeId, 0);
            regs.add(ServiceRegistration.start(vertx, registry, me, Duration.ofMillis(options.heartbeatMs()),
                    () -> eventsOffered));
        }
        return Future.all(regs).map(cf -> {
            for (int i = 0; i < cf.size(); i++) {
                registrations.add(cf.resultAt(i));
            }
            return null;
        });
    }

    /**
     * Recomputes the shards this instance should hold — those whose {@code replicas} highest-weight calculators
     * (rendezvous over the ACTIVE ones) include it — and acquires / hands over the difference.
     */
    void rebalance() {
        if (stopping) {
            return;
        }
        loader.assign(new HashSet<>(Shards.heldBy(instanceId, liveInstances(), shards, replicas)));
        releaseCovered();
    }

    /** Writes this instance's shards and their states to the shard map when they changed. */
    private void publishHolding() {
        if (stopping || loader == null) {
            return;
        }
        java.util.Map<Integer, ShardState> states = loader.states(leaving); // LIVE only once ready (see states)
        if (states.equals(published)) {
            return;
        }
        published = states;
        shardMap.publish(new ShardHolding(instanceId, nodeId, ++holdingVersion, states));
    }

    /**
     * Lets go of every shard kept only for a hand-over once its other replicas (by the current membership) all
     * hold it LIVE in the shard map: from then on no query or push depends on this instance for it.
     */
    private void releaseCovered() {
        if (stopping) {
            return;
        }
        Set<String> live = liveInstances();
        for (Integer id : loader.handingOver()) {
            List<String> others = new ArrayList<>(Shards.replicas(id, live, replicas));
            others.remove(instanceId);
            if (!others.isEmpty() && others.stream().allMatch(o -> shardMap.state(id, o) == ShardState.LIVE)) {
                loader.handedOver(id);
            }
        }
    }

    /**
     * The ACTIVE calculator instances in the registry; this one included unless it is leaving or an admin
     * drained it (then the others take its shards, and it serves them until they are live there).
     */
    private Set<String> liveInstances() {
        Set<String> live = new TreeSet<>();
        boolean drained = leaving;
        for (ServiceInstance i : registry.instances(MEMBERSHIP_SERVICE)) {
            if (i.active()) {
                live.add(i.instanceId());
            } else if (i.instanceId().equals(instanceId)) {
                drained = true;
            }
        }
        if (drained) {
            live.remove(instanceId);
        } else {
            live.add(instanceId); // the registry's view may not include this instance yet
        }
        return live;
    }

    /**
     * A timer that fires far later than due means this process was frozen (SIGSTOP, a pause of seconds): the
     * cluster may have dropped it and its shards missed events, so they are rebuilt before they serve again.
     */
    private void checkFrozen() {
        long now = System.nanoTime();
        long gapMs = (now - lastBeat) / 1_000_000;
        lastBeat = now;
        if (gapMs >= FROZEN_MS && !stopping && !leaving) {
            loader.resyncAll("this process was frozen for " + gapMs + " ms");
        }
    }

    private void onOffered(MarketEvent e) {
        eventsOffered++;
    }

    private void onInstrument(Instrument i) {
        loader.onInstrument(i);
    }

    private void flushHistory() {
        if (history == null || pendingBars.isEmpty()) {
            pendingBars.clear();
            return;
        }
        List<Bar> batch = new ArrayList<>(pendingBars);
        pendingBars.clear();
        vertx.executeBlocking(() -> {
            history.putBars(batch);
            return null;
        }, true).onFailure(e -> LOG.log(Level.WARNING, batch.size() + " closed bars not stored", e));
    }

    /**
     * Answers a query on this instance's loop. Who serves a code is decided by the gateway from the shard map
     * alone: this instance never forwards, polls or asks another; a code it does not serve now is refused with
     * {@code unavailable} (503), which the gateway takes to another replica.
     */
    private void answer(String service, Message<Object> m) {
        queries.handle(service, m.body()).onComplete(ar -> {
            if (ar.succeeded()) {
                m.reply(ar.result(), new DeliveryOptions().addHeader(INSTANCE_HEADER, instanceId));
            } else if (ar.cause() instanceof QueryError.QueryException q) {
                m.fail(q.error().code(), q.getMessage());
            } else {
                LOG.log(Level.WARNING, "svc." + service + " failed", ar.cause());
                m.fail(QueryError.INTERNAL.code(), QueryError.INTERNAL.wireName() + ": " + ar.cause());
            }
        });
    }

    /** Store reads on the worker pool, never on the event loop. */
    private final class WorkerReads implements QueryService.BlockingReads {
        @Override
        public <T> Future<T> run(Callable<T> read) {
            return vertx.executeBlocking(read, false);
        }
    }

    /**
     * Hands the shards over, then leaves: marks its instances DRAINING and its shards RELEASING in the shard map
     * (the gateways route nothing new here; the other calculators take the shards it held), keeps serving each
     * shard until it is live at all its other replicas, at most {@link ShardLoader#HANDOVER_MS}; then withdraws
     * from the shard map, deregisters and stops. With no other calculator it leaves at once.
     */
    @Override
    public Future<?> stop() {
        leaving = true;
        boolean others = registry.instances(MEMBERSHIP_SERVICE).stream()
                .anyMatch(i -> i.active() && !i.instanceId().equals(instanceId));
        Future<Void> handedOver = Future.succeededFuture();
        if (others && loader != null && !loader.servedShards().isEmpty()) {
            List<Future<Boolean>> drains = new ArrayList<>();
            for (ServiceRegistration r : registrations) {
                drains.add(Future.fromCompletionStage(registry.drain(r.instance().service(), instanceId), context));
            }
            rebalance();
            long deadline = System.currentTimeMillis() + ShardLoader.HANDOVER_MS;
            handedOver = Future.join(drains).transform(ar -> awaitHandOver(deadline));
        }
        return handedOver.eventually(() -> {
            stopping = true;
            shardMap.removeListener(shardMapListener);
            shardMap.withdraw(instanceId);
            if (membershipListener != null) {
                registry.removeListener(membershipListener);
            }
            List<Future<Void>> all = new ArrayList<>();
            registrations.forEach(r -> all.add(r.stop()));
            flushHistory();
            return Future.join(all).eventually(() -> loader.close());
        });
    }

    private Future<Void> awaitHandOver(long deadline) {
        Promise<Void> done = Promise.promise();
        vertx.setPeriodic(DRAIN_POLL_MS, id -> {
            if (loader.servedShards().isEmpty() || System.currentTimeMillis() >= deadline) {
                vertx.cancelTimer(id);
                if (!loader.servedShards().isEmpty()) {
                    LOG.info("calculator " + instanceId + " leaves with shards " + loader.servedShards()
                            + " not yet live elsewhere");
                }
                done.tryComplete();
            }
        });
        return done.future();
    }

    /**
     * This instance's status, read on its own event loop (the loader's and engine's state belong to that loop):
     * the future completes there with {@link #status()}. Fails if the verticle is not started.
     */
    public Future<JsonObject> statusOnLoop() {
        if (context == null) {
            return Future.failedFuture(new IllegalStateException("calculator " + instanceId + " is not started"));
        }
        Promise<JsonObject> p = Promise.promise();
        context.runOnContext(v -> {
            try {
                p.complete(status());
            } catch (RuntimeException e) {
                p.fail(e);
            }
        });
        return p.future();
    }

    /** {@link #ready()} read on the instance's own loop (cheap: no status document is built). */
    public Future<Boolean> readyOnLoop() {
        if (context == null) {
            return Future.succeededFuture(false);
        }
        Promise<Boolean> p = Promise.promise();
        context.runOnContext(v -> p.complete(ready()));
        return p.future();
    }

    /**
     * Whether this instance serves: registered, and every shard it is assigned is live (caught up with the
     * stream). Call on the verticle's loop.
     */
    boolean ready() {
        return loader != null && !registrations.isEmpty() && !stopping && loader.allAssignedLive();
    }

    /** Counters for status pages; call on the verticle's loop (see {@link #statusOnLoop()}). */
    JsonObject status() {
        return new JsonObject().put("instance", instanceId).put("ready", ready())
                .put("shards", new ArrayList<>(loader.servedShards()))
                .put("symbols", engine.market().size()).put("eventsOffered", eventsOffered)
                .put("streamTime", loader.marketTime() == Long.MIN_VALUE ? null
                        : com.quotebus.core.time.ChinaTime.dateTime(loader.marketTime()).toString())
                .put("pushesPublished", sink.published).put("pushesUnsubscribed", sink.unwanted).put("unknownCodeEvents", loader.unknownCodeEvents())
                .put("rejected", new JsonObject()
                        .put("late", engine.market().count(com.quotebus.core.market.ApplyResult.LATE))
                        .put("duplicate", engine.market().count(com.quotebus.core.market.ApplyResult.DUPLICATE))
                        .put("oldDay", engine.market().count(com.quotebus.core.market.ApplyResult.OLD_DAY)))
                .put("corrections", new JsonObject().put("bars", engine.corrections())
                        .put("uncorrectable", engine.uncorrectable()))
                .put("reconciliation", reconciliation());
    }

    private JsonObject reconciliation() {
        JsonObject byCheck = new JsonObject();
        for (DayReconciliation.Check c : DayReconciliation.Check.values()) {
            byCheck.put(c.name().toLowerCase(java.util.Locale.ROOT), engine.mismatches(c));
        }
        JsonObject bySymbol = new JsonObject();
        for (var e : engine.mismatchesBySymbol().entrySet()) {
            if (bySymbol.size() == STATUS_MISMATCHES_SHOWN) {
                break; // the rest are in the log and the counts
            }
            bySymbol.put(e.getKey(), e.getValue().tradingDay() + ": " + e.getValue().mismatches());
        }
        return new JsonObject().put("checked", engine.reconciled()).put("mismatches", engine.mismatchedDays())
                .put("incomplete", engine.incompleteDays()).put("byCheck", byCheck)
                .put("symbolsMismatching", engine.mismatchesBySymbol().size()).put("bySymbol", bySymbol);
    }
}
