package com.quotebus.calculator;

import com.quotebus.access.registry.InstanceState;
import com.quotebus.access.registry.RegistryListener;
import com.quotebus.access.registry.ServiceInstance;
import com.quotebus.access.registry.ServiceRegistration;
import com.quotebus.access.registry.ServiceRegistry;
import com.quotebus.calculator.history.HistoryStore;
import com.quotebus.cluster.InstrumentDirectory;
import com.quotebus.cluster.PushInterest;
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
    /** Request header of a query passed on to the owner of its code (never passed on twice). */
    static final String FORWARDED_BY_HEADER = "forwarded-by";
    /**
     * Published by an instance when a shard it acquired has caught up and follows the live stream
     * ({@code {shard, instance}}): the shard's previous owner, which kept serving it meanwhile, lets it go.
     */
    static final String SHARD_LIVE_ADDRESS = "internal.calculator.shard-live";
    /** How often a stopping instance checks whether its shards have been taken over. */
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
    private boolean stopping;
    /** Set by {@link #stop}: this instance owns nothing any more and hands its shards over before it leaves. */
    private boolean leaving;
    private long eventsApplied;

    public CalculatorVerticle(CalculatorOptions options, String instanceId, String nodeId, int shards,
                              ServiceRegistry registry, HistoryStore history, InstrumentDirectory directory,
                              TradingSchedules schedules, MarketClock clock, AdjustFactorTable factors) {
        this.options = options;
        this.instanceId = instanceId;
        this.nodeId = nodeId;
        this.shards = shards;
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
        loader = new ShardLoader(vertx, engine, directory, shards, options, this::onApplied, history, () -> {
            long now = clock.millis();
            return now > 0 ? schedules.tradingDayOf(now) : null;
        }, shard -> vertx.eventBus().publish(SHARD_LIVE_ADDRESS,
                new JsonObject().put("shard", shard).put("instance", instanceId)));
        queries = new QueryService(engine, directory, loader, history, new WorkerReads(), factors);
        directory.addListener(i -> context.runOnContext(v -> onInstrument(i)));

        List<Future<?>> ready = new ArrayList<>();
        MessageConsumer<JsonObject> handedOver = vertx.eventBus().consumer(SHARD_LIVE_ADDRESS, m -> {
            if (!instanceId.equals(m.body().getString("instance")) && m.body().getValue("shard") instanceof Integer id) {
                loader.handedOver(id);
            }
        });
        consumers.add(handedOver);
        ready.add(handedOver.completion());
        for (String service : QueryService.SERVICES) {
            String address = ServiceInstance.defaultAddress(service, instanceId);
            MessageConsumer<Object> c = vertx.eventBus().consumer(address, m -> answer(service, m));
            consumers.add(c);
            ready.add(c.completion());
        }
        vertx.setPeriodic(options.historyFlushMs(), t -> flushHistory());
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
                    () -> eventsApplied));
        }
        return Future.all(regs).map(cf -> {
            for (int i = 0; i < cf.size(); i++) {
                registrations.add(cf.resultAt(i));
            }
            return null;
        });
    }

    /** Recomputes the shards this instance owns among the ACTIVE calculators and loads/drops the difference. */
    void rebalance() {
        if (stopping) {
            return;
        }
        Set<Integer> owned = new HashSet<>(Shards.ownedBy(instanceId, liveInstances(), shards));
        loader.assign(owned);
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
     * The instance that owned {@code code}'s shard before this one took it: the owner among the other registered
     * instances (rendezvous hashing: take this instance away and the shard falls back to it), or null.
     */
    private String previousOwnerOf(Object body) {
        if (!(body instanceof JsonObject o) || !(o.getValue("code") instanceof String code)) {
            return null;
        }
        Set<String> others = new TreeSet<>();
        for (ServiceInstance i : registry.instances(MEMBERSHIP_SERVICE)) {
            if (!i.instanceId().equals(instanceId)) {
                others.add(i.instanceId());
            }
        }
        return Shards.owner(Shards.shardOf(code, shards), others);
    }

    private void onApplied(MarketEvent e) {
        eventsApplied++;
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
     * How long a query for a shard this instance is acquiring (rebuilding, or not yet assigned because the
     * gateway saw the membership change first) waits before it is refused; below the router's per-try timeout
     * (1 s), so a move costs the client a slower answer instead of a failure.
     */
    private static final long MOVE_WAIT_MS = 800;

    private void answer(String service, Message<Object> m) {
        answer(service, m, System.currentTimeMillis() + MOVE_WAIT_MS, false);
    }

    /**
     * Answers a query. A code of a shard this instance is still rebuilding, or owns but has not acquired yet, is
     * asked of the shard's previous owner once (it serves the shard until this one is live); a code another
     * instance owns is passed to it; otherwise the query waits for the rebuild until {@code waitUntil}.
     */
    private void answer(String service, Message<Object> m, long waitUntil, boolean askedPrevious) {
        queries.handle(service, m.body()).onComplete(ar -> {
            if (ar.failed() && ar.cause() instanceof QueryError.QueryException q && !stopping) {
                boolean forwarded = m.headers().get(FORWARDED_BY_HEADER) != null;
                if (q.error() == QueryError.NOT_OWNER && !forwarded) {
                    String owner = ownerOf(m.body());
                    if (owner != null && !owner.equals(instanceId)) {
                        forward(service, m, owner, waitUntil);
                        return;
                    }
                }
                // Rebuilding (503), or owned by this instance by the registry but not yet acquired (421: it
                // registered before its first rebalance ran, a window of seconds on a loaded machine): the
                // previous owner still serves the shard until this one reports it live.
                if ((q.error() == QueryError.UNAVAILABLE || q.error() == QueryError.NOT_OWNER) && !forwarded
                        && !askedPrevious) {
                    String previous = previousOwnerOf(m.body());
                    if (previous != null) {
                        askPrevious(service, m, previous, waitUntil);
                        return;
                    }
                }
                if ((q.error() == QueryError.UNAVAILABLE || q.error() == QueryError.NOT_OWNER)
                        && System.currentTimeMillis() < waitUntil) {
                    vertx.setTimer(50, t -> answer(service, m, waitUntil, true));
                    return;
                }
            }
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

    /** The owner of the request's code among the ACTIVE calculators, as this instance sees them; null without a code. */
    private String ownerOf(Object body) {
        if (!(body instanceof JsonObject o) || !(o.getValue("code") instanceof String code)) {
            return null;
        }
        return Shards.owner(Shards.shardOf(code, shards), liveInstances());
    }

    /**
     * A query for a code another instance owns (the router retried here after the owner was slow, or its view
     * of the registry is behind): passed once to the owner, whose answer (or failure) is relayed.
     */
    private void forward(String service, Message<Object> m, String owner, long waitUntil) {
        relay(service, m, owner, waitUntil, false, cause -> m.fail(QueryError.NOT_OWNER.code(),
                QueryError.NOT_OWNER.wireName() + ": served by " + owner + ", which did not answer (" + cause + ")"));
    }

    /**
     * Asks the previous owner of a shard this instance is rebuilding; its answer is relayed, unless it does not
     * serve the shard either (or does not answer), in which case the query waits for the rebuild here.
     */
    private void askPrevious(String service, Message<Object> m, String previous, long waitUntil) {
        relay(service, m, previous, waitUntil, true, cause -> answer(service, m, waitUntil, true));
    }

    /**
     * Passes a query once to another instance ({@value #FORWARDED_BY_HEADER} set, so never further) and relays its
     * answer or its failure as a service; {@code otherwise} gets what is left: no answer in time, or — when
     * {@code ownershipIsOtherwise} — the other instance not serving the code either (421/503).
     */
    private void relay(String service, Message<Object> m, String target, long waitUntil, boolean ownershipIsOtherwise,
                       Consumer<String> otherwise) {
        DeliveryOptions options = new DeliveryOptions()
                .setSendTimeout(Math.max(100, waitUntil - System.currentTimeMillis()));
        m.headers().forEach(h -> options.addHeader(h.getKey(), h.getValue()));
        options.addHeader(FORWARDED_BY_HEADER, instanceId);
        vertx.eventBus().request(ServiceInstance.defaultAddress(service, target), m.body(), options).onComplete(ar -> {
            if (ar.succeeded()) {
                DeliveryOptions reply = new DeliveryOptions();
                ar.result().headers().forEach(h -> reply.addHeader(h.getKey(), h.getValue()));
                m.reply(ar.result().body(), reply);
            } else if (ar.cause() instanceof ReplyException r && r.failureType() == ReplyFailure.RECIPIENT_FAILURE
                    && !(ownershipIsOtherwise && (r.failureCode() == QueryError.NOT_OWNER.code()
                        || r.failureCode() == QueryError.UNAVAILABLE.code()))) {
                m.fail(r.failureCode(), r.getMessage());
            } else {
                otherwise.accept(ar.cause().getMessage());
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
     * Hands the shards over, then leaves: marks its instances DRAINING (the gateways send no new requests here,
     * the other calculators take the shards), keeps serving each shard until its new owner is live (the new
     * owner asks this one meanwhile), at most {@link ShardLoader#HANDOVER_MS}; then deregisters and stops.
     * With no other calculator there is no one to hand over to, and it leaves at once.
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
                .put("symbols", engine.market().size()).put("eventsApplied", eventsApplied)
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
