package com.quotebus.app;

import com.hazelcast.core.HazelcastInstance;
import com.quotebus.access.admin.AdminService;
import com.quotebus.access.bridge.AccessGatewayVerticle;
import com.quotebus.access.bridge.LiveLimits;
import com.quotebus.access.bridge.BridgeMetrics;
import com.quotebus.access.bridge.BridgeServerOptions;
import com.quotebus.access.bridge.RequestRouter;
import com.quotebus.access.bridge.SubscriptionHub;
import com.quotebus.cluster.registry.ServiceRegistry;
import com.quotebus.access.routing.AccessRouting;
import com.quotebus.access.routing.RoutedRequests;
import com.quotebus.access.routing.RouterConfig;
import com.quotebus.access.routing.ServicePolicy;
import com.quotebus.access.routing.StrategyKind;
import com.quotebus.cluster.hazelcast.HazelcastSessionStore;
import com.quotebus.access.session.SessionManager;
import com.quotebus.access.session.SessionMetrics;
import com.quotebus.access.session.SessionOptions;
import com.quotebus.access.session.TickSource;
import com.quotebus.bus.EventCodecs;
import com.quotebus.calculator.CalculatorOptions;
import com.quotebus.calculator.CalculatorVerticle;
import com.quotebus.cluster.hazelcast.HazelcastShardMap;
import com.quotebus.cluster.hazelcast.HazelcastConfigs;
import com.quotebus.cluster.hazelcast.HazelcastInstrumentDirectory;
import com.quotebus.cluster.hazelcast.HazelcastPolicyStore;
import com.quotebus.cluster.hazelcast.HazelcastPushInterest;
import com.quotebus.cluster.hazelcast.HazelcastServiceRegistry;
import com.quotebus.calculator.QueryService;
import com.quotebus.calculator.history.HistoryStore;
import com.quotebus.calculator.history.RocksHistoryStore;
import com.quotebus.cluster.InstrumentDirectory;
import com.quotebus.cluster.MarketClockFeed;
import com.quotebus.cluster.Shards;
import com.quotebus.collector.verticle.CollectorVerticle;
import com.quotebus.collector.verticle.FeedSourceFactories;
import com.quotebus.config.ConfigException;
import com.quotebus.core.time.MarketClock;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingSchedules;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.eventbus.EventBusOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.spi.cluster.hazelcast.HazelcastClusterManager;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * One Quotebus node: a clustered Vert.x on Hazelcast running the roles of its configuration. With the
 * shipped defaults it is the whole system on one machine: simulator → collector → calculator →
 * access gateway on 7000, HTTP status and metrics on 8080.
 */
public final class QuotebusNode {
    private static final Logger LOG = Logger.getLogger(QuotebusNode.class.getName());

    private final QuotebusConfig config;
    private final NodeOptions options;
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<String> deployments = new ArrayList<>();
    private final List<CalculatorVerticle> calculators = new ArrayList<>();
    /** Who serves which shard (calculators write their entries, the gateway routes by it). */
    private HazelcastShardMap shardMap;
    /** The calculators' push addresses (docs/protocol.md): only these are tracked for {@link HazelcastPushInterest}. */
    private static final java.util.regex.Pattern PUSH_ADDRESS =
            java.util.regex.Pattern.compile("(quote|tick|minute|pricevol|kline\\.[0-9a-z]+)\\..+");
    private HazelcastPushInterest pushInterest;
    private final List<AccessGatewayVerticle> gateways = new ArrayList<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final long createdNanos = System.nanoTime();
    /** Readiness is polled this often until the node is first ready. */
    static final long READY_POLL_MS = 200;
    /** While the node is not ready yet, what is missing is logged this often. */
    static final long NOT_READY_REPORT_MS = 120_000;
    private volatile Readiness readiness;
    /** What the node is doing while it starts its roles (shown by /health/ready and /status); null once started. */
    private volatile String starting = "joining the cluster";
    private final io.vertx.core.Promise<Readiness.Report> firstReady = io.vertx.core.Promise.promise();
    private Vertx vertx;
    private HazelcastClusterManager cluster;
    private AccessRouting routing;
    private ServiceRegistry registry;
    private InstrumentDirectory directory;
    private HistoryStore history;
    private CollectorRole collector;
    /** The collector verticle this node runs, for /status (its counters are those of /metrics); null if none. */
    private CollectorVerticle collectorVerticle;
    private StatusHttpServer http;
    private SubscriptionHub hub;
    private BridgeServerOptions bridgeOptions;
    private SessionOptions sessionOptions;
    private RouterConfig routerConfig;
    private SessionManager sessions;
    private AdminService admin;

    private QuotebusNode(QuotebusConfig config) {
        this.config = config;
        this.options = config.node();
        if (config.access() != null) {
            bridgeOptions = config.access().bridge();
            sessionOptions = config.access().session();
            routerConfig = config.access().router();
        }
    }

    /** Starts a node from its checked configuration; a port in use fails here, before anything binds or joins. */
    public static Future<QuotebusNode> start(QuotebusConfig config) {
        QuotebusNode node;
        try {
            node = new QuotebusNode(config);
            Shards.configure(node.options.shards());
            node.checkPortsFree();
        } catch (ConfigException e) {
            return Future.failedFuture(e);
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        return node.boot().map(node);
    }

    /**
     * The fixed ports this node will listen on are free — checked before Hazelcast starts, so a second node
     * started by mistake on the same ports fails at once, naming the port, without joining anyone's cluster.
     * (The Hazelcast port itself moves to the next free one by design.)
     */
    private void checkPortsFree() {
        if (bridgeOptions != null && bridgeOptions.port() > 0) {
            PortCheck.requireFree("access.port", bridgeOptions.host(), bridgeOptions.port());
        }
        if (options.httpPort() > 0) {
            PortCheck.requireFree("http.port", options.httpHost(), options.httpPort());
        }
        if (config.collector() != null && config.collector().simulator().enabled()) {
            PortCheck.requireFree("simulator.port", config.collector().simulator().server().host(),
                    config.collector().simulator().server().port());
        }
    }

    private Future<Void> boot() {
        TradingCalendar calendar = options.holidaysFile() == null ? TradingCalendar.loadDefault()
                : TradingCalendar.load(options.holidaysFile());
        cluster = new HazelcastClusterManager(HazelcastConfigs.load(options.clusterConfig(), options.clusterName(),
                options.clusterHost(), options.clusterPort(), options.members()));
        VertxOptions vo = new VertxOptions()
                .setPreferNativeTransport(config.nativeTransport())
                .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true).setJvmMetricsEnabled(true))
                .setEventBusOptions(new EventBusOptions().setHost(options.clusterHost())
                        .setClusterPublicHost(options.clusterHost()).setPort(0));
        return Vertx.builder().with(vo).withMetrics(new MicrometerMetricsFactory(meters)).withClusterManager(cluster)
                .buildClustered().compose(v -> {
                    vertx = v;
                    EventCodecs.registerAll(vertx.eventBus());
                    // first: /health/live answers while the roles start (seeding history takes tens of seconds)
                    return startHttp();
                }).compose(v -> {
                    HazelcastInstance hz = cluster.getHazelcastInstance();
                    return vertx.executeBlocking(() -> new HazelcastInstrumentDirectory(hz), false);
                }).compose(dir -> {
                    directory = dir;
                    starting = "starting routing";
                    return startRouting();
                }).compose(v -> {
                    starting = "starting the collector";
                    return startCollector(calendar);
                }).compose(v -> startCalculators(calendar))
                .compose(v -> {
                    starting = "starting the gateway";
                    return startAccess();
                })
                .onSuccess(v -> {
                    readiness = readinessChecks();
                    starting = null;
                    if (collector != null) {
                        // every role has started: the simulated market may start. Not later (on readiness): the
                        // calculators turn ready only once their live streams flow, i.e. once the market runs
                        collector.nodeReady();
                    }
                    awaitReady();
                })
                .onSuccess(v -> LOG.info("transport: " + (vertx.isNativeTransportEnabled() ? "native (epoll)"
                        : "NIO" + (vertx.unavailableNativeTransportCause() != null
                        ? " (native unavailable: " + vertx.unavailableNativeTransportCause().getMessage() + ")" : ""))))
                .onFailure(e -> {
                    if (vertx != null) {
                        vertx.close();
                    }
                });
    }

    /** The checks of every role this node runs (docs/operations.md, "Start and readiness"). */
    private Readiness readinessChecks() {
        Readiness r = new Readiness(vertx, draining::get);
        if (collector != null) {
            r.add("collector", () -> Future.succeededFuture(collector.readiness()));
        }
        if (!calculators.isEmpty()) {
            r.add("calculators", this::calculatorsReady);
        }
        if (!gateways.isEmpty()) {
            r.add("gateway", () -> {
                int port = gateways.get(0).port();
                return Future.succeededFuture(port > 0 ? Readiness.State.ready("listening on " + port)
                        : Readiness.State.notReady("not listening"));
            });
            r.add("services", () -> Future.succeededFuture(servicesReady()));
        }
        return r;
    }

    /** Every calculator instance of this node is ready: registered, and every shard it is assigned is live. */
    private Future<Readiness.State> calculatorsReady() {
        List<Future<Boolean>> parts = new ArrayList<>();
        calculators.forEach(c -> parts.add(c.readyOnLoop()));
        return Future.join(parts).transform(ar -> {
            List<String> notReady = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                Future<Boolean> f = parts.get(i);
                if (f.failed() || !f.result()) {
                    notReady.add(calculators.get(i).instanceId());
                }
            }
            int n = calculators.size();
            return Future.succeededFuture(notReady.isEmpty()
                    ? Readiness.State.ready(n + "/" + n + " instances ready")
                    : Readiness.State.notReady((n - notReady.size()) + "/" + n + " instances ready; not ready"
                            + " (shards not live yet, or not registered): " + String.join(", ", notReady)));
        });
    }

    /**
     * The gateway can route every calculator service: the registry (cluster-wide, local read) holds an ACTIVE
     * instance of each, and every shard has a LIVE replica in the shard map (a query for any code is answered).
     */
    private Readiness.State servicesReady() {
        List<String> missing = new ArrayList<>();
        for (String svc : QueryService.SERVICES) {
            if (registry.instances(svc).stream().noneMatch(i -> i.active())) {
                missing.add("svc." + svc);
            }
        }
        List<Integer> unserved = new ArrayList<>();
        var holdings = shardMap.holdings().values();
        for (int shard = 0; shard < options.shards(); shard++) {
            int s = shard;
            if (holdings.stream().noneMatch(h -> h.state(s) == com.quotebus.cluster.ShardState.LIVE)) {
                unserved.add(shard);
            }
        }
        if (missing.isEmpty() && !unserved.isEmpty()) {
            return Readiness.State.notReady("no LIVE replica of shards " + unserved + " in the shard map");
        }
        return missing.isEmpty() ? Readiness.State.ready("an ACTIVE instance of every calculator service, every shard LIVE")
                : Readiness.State.notReady("no ACTIVE instance of " + String.join(", ", missing));
    }

    /**
     * Polls readiness (every {@link #READY_POLL_MS}, asynchronously: no event loop waits) until the node is first
     * ready; then logs it and completes {@link #whenReady()} (the start banner waits for it).
     */
    private void awaitReady() {
        readiness.awaitReady(READY_POLL_MS, NOT_READY_REPORT_MS, r -> LOG.warning("not ready after "
                + (System.nanoTime() - createdNanos) / 1_000_000 + " ms, still waiting for: " + r.notReady()))
                .onSuccess(r -> {
                    LOG.info("ready after " + (System.nanoTime() - createdNanos) / 1_000_000 + " ms");
                    firstReady.tryComplete(r);
                })
                .onFailure(firstReady::tryFail);
    }

    /**
     * Completes when the node is first ready (every check of its readiness passes: docs/operations.md), with that
     * report; fails when the node stops before. The start banner waits for it.
     */
    public Future<Readiness.Report> whenReady() {
        return firstReady.future();
    }

    /**
     * The node's readiness now (what {@code /health/ready} answers). While the roles start, one check
     * {@code start}, not ready, saying what the node is doing.
     */
    public Future<Readiness.Report> readiness() {
        Readiness r = readiness;
        if (r == null) {
            String doing = starting;
            return Future.succeededFuture(new Readiness.Report(draining.get(), java.util.Map.of("start",
                    Readiness.State.notReady(doing == null ? "failed to start" : doing))));
        }
        return r.evaluate();
    }

    private Future<Void> startRouting() {
        HazelcastInstance hz = cluster.getHazelcastInstance();
        AccessRouting.Settings rs = routerConfig == null ? AccessRouting.Settings.DEFAULT
                : AccessRouting.Settings.DEFAULT.withRouter(routerConfig);
        Future<Void> map = vertx.executeBlocking(() -> {
            HazelcastShardMap m = new HazelcastShardMap(hz, HazelcastShardMap.DEFAULT_MAP_NAME);
            m.start();
            shardMap = m;
            return null;
        }, false);
        if (options.runs(NodeOptions.Role.ACCESS)) {
            return map.compose(x -> HazelcastServiceRegistry.started(vertx, hz, rs.registry(), Clock.systemUTC()))
                    .compose(reg -> HazelcastPolicyStore.started(vertx, hz, rs.policyMapName()).map(policies ->
                            AccessRouting.clustered(vertx, reg, policies, shardMap, rs, Clock.systemUTC(), meters)))
                    .compose(r -> {
                routing = r;
                registry = r.registry();
                return installDefaultPolicies();
            });
        }
        return map.compose(x -> HazelcastServiceRegistry.started(vertx, hz, rs.registry(), Clock.systemUTC())).map(r -> {
            registry = r;
            return null;
        });
    }

    /**
     * Calculator services route by shard owner (the instance holding a code's state), except the
     * multi-code snapshot (split by shard, each part routed like a single code, replies merged) and the instrument list
     * (any instance). Set once per cluster: an admin's later change is kept.
     */
    private Future<Void> installDefaultPolicies() {
        List<Future<?>> all = new ArrayList<>();
        for (String service : QueryService.SERVICES) {
            StrategyKind kind = switch (service) {
                case "snapshot" -> StrategyKind.SHARD_SCATTER;
                case "instruments" -> StrategyKind.ROUND_ROBIN;
                default -> StrategyKind.SHARD_OWNER;
            };
            if (!routing.policies().all().containsKey(service)) {
                all.add(Future.fromCompletionStage(routing.policies().setPolicy(service, ServicePolicy.of(kind)),
                        vertx.getOrCreateContext()));
            }
        }
        return Future.all(all).mapEmpty();
    }

    private Future<Void> startCollector(TradingCalendar calendar) {
        if (!options.runs(NodeOptions.Role.COLLECTOR)) {
            return Future.succeededFuture();
        }
        collector = new CollectorRole(vertx, config.collector(), calendar, directory);
        return collector.start().compose(v -> {
            QuotebusConfig.Simulator sim = config.collector().simulator();
            FeedSourceFactories factories = FeedSourceFactories.discover()
                    .register(new SzseBinarySourceFactory(directory, collector.exchangeTimes(), sim.server().host(),
                            sim.server().port()));
            CollectorVerticle verticle = new CollectorVerticle(factories, collector.collectorClock(),
                    CollectorRole.election(config.collector().config(), cluster.getHazelcastInstance()),
                    config.collector().config());
            collectorVerticle = verticle;
            return vertx.deployVerticle(verticle);
        }).map(id -> {
            deployments.add(id);
            collector.collectorStarted();
            return null;
        });
    }

    private Future<Void> startCalculators(TradingCalendar calendar) {
        if (!options.runs(NodeOptions.Role.CALCULATOR)) {
            return Future.succeededFuture();
        }
        CalculatorOptions co = config.calculator();
        MarketClock clock;
        if (collector != null) {
            clock = collector.clock();
        } else {
            MarketClockFeed feed = new MarketClockFeed(System::currentTimeMillis);
            vertx.eventBus().<JsonObject>consumer(MarketClockFeed.ADDRESS,
                    m -> feed.onTick(m.body().getLong("time"), m.body().getDouble("speed", 1.0)));
            clock = feed;
        }
        Path historyDir = options.dataDir().resolve("history");
        starting = "opening the history store";
        return vertx.executeBlocking(() -> RocksHistoryStore.open(historyDir), false).compose(store -> {
            history = store;
            if (collector != null) {
                starting = "seeding the simulated history";
                return collector.seedHistory(store);
            }
            return Future.succeededFuture();
        }).map(v -> {
            starting = "starting the calculators";
            return v;
        }).compose(v -> vertx.executeBlocking(history::adjustFactorTable, false)).compose(factors -> vertx
                .executeBlocking(() -> new HazelcastPushInterest(cluster.getHazelcastInstance(),
                        a -> PUSH_ADDRESS.matcher(a).matches()), false).map(interest -> {
                            pushInterest = interest;
                            return factors;
                        })).compose(factors -> {
            LOG.info("adjustment factors: " + factors.size() + " for " + factors.codes().size() + " codes");
            List<Future<String>> all = new ArrayList<>();
            String node = cluster.getNodeId().substring(0, 8);
            for (int i = 0; i < options.calculatorInstances(); i++) {
                CalculatorVerticle c = new CalculatorVerticle(co, co.instanceIdPrefix() + "-" + node + "-" + i,
                        cluster.getNodeId(), options.shards(), options.replicas(), shardMap, registry, history, directory,
                        new TradingSchedules(calendar), clock, factors).pushInterest(pushInterest);
                calculators.add(c);
                all.add(vertx.deployVerticle(c));
            }
            return Future.all(all).map(cf -> {
                for (int i = 0; i < cf.size(); i++) {
                    deployments.add(cf.resultAt(i));
                }
                return null;
            });
        });
    }

    private Future<Void> startAccess() {
        if (!options.runs(NodeOptions.Role.ACCESS)) {
            return Future.succeededFuture();
        }
        BridgeMetrics bridgeMetrics = new BridgeMetrics();
        GatewayMeters.bind(meters, bridgeMetrics);
        hub = new SubscriptionHub(vertx, bridgeOptions, bridgeMetrics);
        hub.setInitialValues(address -> {
            String[] parts = address.split("\\.");
            String code = parts.length >= 2 ? parts[parts.length - 2] + "." + parts[parts.length - 1] : address;
            return routing.router().route("svc.last", new JsonObject().put("address", address).put("code", code),
                    java.util.Map.of()).map(com.quotebus.access.routing.RouteReply::body);
        });
        RequestRouter router = new RoutedRequests(() -> routing.router());
        HazelcastInstance hz = cluster.getHazelcastInstance();
        LiveLimits limits = new LiveLimits(bridgeOptions);
        // Missed ticks of a resumed session come from the calculator that owns the code, through the router.
        TickSource ticks = request -> routing.router()
                .route("svc.ticks", request, java.util.Map.of(), System.currentTimeMillis() + bridgeOptions.requestTimeoutMs())
                .map(reply -> {
                    if (!(reply.body() instanceof JsonObject body)) {
                        throw new IllegalStateException("svc.ticks replied with a non-object body");
                    }
                    return body;
                });
        sessions = new SessionManager(vertx, new HazelcastSessionStore(vertx, hz), ticks, sessionOptions,
                cluster.getNodeId(), new SessionMetrics(meters), System::currentTimeMillis);
        admin = new AdminService(vertx, registry, routing.policies(), sessions, limits, this::clusterNodes,
                System::currentTimeMillis);
        AccessGatewayVerticle gateway = new AccessGatewayVerticle(bridgeOptions, hub, router, sessions, limits);
        gateways.add(gateway);
        return sessions.start().compose(v -> admin.start()).compose(v -> vertx.deployVerticle(gateway)).map(id -> {
            deployments.add(id);
            return null;
        });
    }

    /**
     * The cluster members for {@code admin.nodes}; roles are known for this node and inferred for the others
     * from the services they host. Blocking (Hazelcast member list); called on a worker.
     */
    private JsonArray clusterNodes() {
        HazelcastInstance hz = cluster.getHazelcastInstance();
        JsonArray out = new JsonArray();
        for (com.hazelcast.cluster.Member m : hz.getCluster().getMembers()) {
            String member = m.getUuid().toString();
            String vertxNodeId = m.getAttribute(HazelcastServiceRegistry.VERTX_NODE_ID_ATTRIBUTE);
            String id = vertxNodeId != null ? vertxNodeId : member; // the node id service instances name
            JsonArray roles = new JsonArray();
            if (m.localMember()) {
                options.roles().forEach(r -> roles.add(r.name().toLowerCase()));
            } else {
                java.util.Set<String> hosted = new java.util.TreeSet<>();
                for (String svc : registry.services()) {
                    registry.instances(svc).stream().filter(i -> id.equals(i.nodeId()) || member.equals(i.nodeId()))
                            .forEach(i -> hosted.add(QueryService.SERVICES.contains(svc) ? "calculator" : svc));
                }
                hosted.forEach(roles::add);
            }
            out.add(new JsonObject().put("id", id).put("address", m.getAddress().getHost() + ":" + m.getAddress().getPort())
                    .put("local", m.localMember()).put("roles", roles).put("rolesInferred", !m.localMember()));
        }
        return out;
    }

    private Future<Void> startHttp() {
        if (options.httpPort() == 0) {
            return Future.succeededFuture();
        }
        http = new StatusHttpServer(vertx, meters, this::status, this::readiness, draining::get);
        return http.listen(options.httpHost(), options.httpPort()).mapEmpty();
    }

    /** What /status shows; the calculators' parts are read on their own event loops. */
    public Future<JsonObject> status() {
        if (readiness == null) { // starting: the roles' parts are not there yet
            return readiness().map(r -> new JsonObject().put("node", options.nodeName())
                    .put("roles", new JsonArray(options.roles().stream().map(x -> x.name().toLowerCase()).toList()))
                    .put("draining", draining.get()).put("ready", false)
                    .put("readiness", r.toJson().getJsonObject("checks")));
        }
        List<Future<JsonObject>> parts = new ArrayList<>();
        calculators.forEach(c -> parts.add(c.statusOnLoop()));
        Future<Readiness.Report> ready = readiness();
        List<Future<?>> all = new ArrayList<>(parts);
        all.add(ready);
        return Future.join(all).transform(ar -> {
            JsonArray calcs = new JsonArray();
            for (int i = 0; i < parts.size(); i++) {
                Future<JsonObject> f = parts.get(i);
                calcs.add(f.succeeded() ? f.result() : new JsonObject()
                        .put("instance", calculators.get(i).instanceId()).put("error", String.valueOf(f.cause())));
            }
            return Future.succeededFuture(nodeStatus(ready.result()).put("calculators", calcs)); // ready never fails
        });
    }

    private JsonObject nodeStatus(Readiness.Report readiness) {
        JsonObject s = new JsonObject().put("node", options.nodeName()).put("nodeId", cluster.getNodeId())
                .put("roles", new JsonArray(options.roles().stream().map(r -> r.name().toLowerCase()).toList()))
                .put("members", cluster.getNodes().size()).put("draining", draining.get())
                .put("ready", readiness.ready()).put("readiness", readiness.toJson().getJsonObject("checks"))
                .put("instruments", directory.all().size());
        if (collector != null) {
            s.put("marketTime", com.quotebus.core.time.ChinaTime.dateTime(collector.clock().millis()).toString());
        }
        JsonObject collectorCounters = collectorStatus();
        if (collectorCounters != null) {
            s.put("collector", collectorCounters);
        }
        if (shardMap != null) {
            // the one map the gateways route by: per calculator instance, how many shards in which state
            JsonObject holders = new JsonObject();
            shardMap.holdings().values().stream().sorted(java.util.Comparator.comparing(h -> h.instanceId()))
                    .forEach(h -> {
                        JsonObject byState = new JsonObject();
                        h.shards().forEach((shard, state) -> byState.put(state.name(),
                                byState.getInteger(state.name(), 0) + 1));
                        holders.put(h.instanceId(), byState);
                    });
            s.put("shardMap", new JsonObject().put("replicas", options.replicas()).put("shards", options.shards())
                    .put("epoch", shardMap.epoch()).put("holders", holders));
        }
        JsonObject services = new JsonObject();
        for (String svc : registry.services()) {
            JsonArray instances = new JsonArray();
            registry.instances(svc).forEach(i -> instances.add(new JsonObject().put("id", i.instanceId())
                    .put("state", i.state().name()).put("load", i.load()).put("weight", i.weight())));
            services.put(svc, instances);
        }
        s.put("services", services);
        if (!gateways.isEmpty()) {
            JsonObject gateway = new JsonObject().put("port", gateways.get(0).port())
                    .put("sessions", sessions == null ? 0 : sessions.metrics().active());
            if (hub != null) { // the same counters as quotebus_gateway_* in /metrics (GatewayMeters)
                BridgeMetrics.Snapshot m = hub.metrics().snapshot();
                gateway.put("connections", m.connectionsActive()).put("connectionsOpened", m.connectionsOpened())
                        .put("subscriptions", m.subscriptions()).put("consumers", m.consumers())
                        .put("requests", m.requests()).put("requestFailures", m.requestFailures())
                        .put("framesOut", m.framesOut());
            }
            s.put("gateway", gateway);
        }
        return s;
    }

    /**
     * The collector's counters of the current trading day, as {@code quotebus_collector_*} in /metrics reads them
     * (CollectorMeters): per source events in, won and duplicates, and what was delivered, journaled and published;
     * null when this node runs no collector or it has not started.
     */
    private JsonObject collectorStatus() {
        if (collectorVerticle == null) {
            return null;
        }
        com.quotebus.collector.pipeline.PipelineMetrics m;
        try {
            m = collectorVerticle.metrics();
        } catch (RuntimeException notStarted) { // no trading day open yet
            return null;
        }
        JsonObject sources = new JsonObject();
        new java.util.TreeMap<>(m.arbitration().sources()).forEach((name, src) -> sources.put(name, new JsonObject()
                .put("up", src.up()).put("eventsIn", src.eventsIn()).put("won", src.won())
                .put("duplicates", src.duplicates()).put("malformed", src.malformed())));
        return new JsonObject().put("leader", m.leader()).put("sources", sources)
                .put("eventsOut", m.arbitration().delivered()).put("journaled", m.journaled())
                .put("published", m.published()).put("gaps", m.arbitration().gaps());
    }

    /**
     * Where the simulated market is, for the welcome banner: the lines {@link Main#marketLines} gives for its clock
     * now; empty when this node runs no simulator.
     */
    String marketWelcome() {
        if (collector == null || !collector.simulates()) {
            return "";
        }
        return Main.marketLines(collector.clock().millis(), new com.quotebus.core.time.TradingSchedules(
                collector.calendar()), collector.clockSpeed());
    }

    /**
     * Two codes of the instrument list for the welcome example: the simulator's 600001.SH and 300001.SZ when listed
     * (among its most traded stocks, and priced high enough, ~50 yuan, that a 0.01 tick is a small step: the
     * price visibly moves), else the first SH and first SZ code.
     */
    String exampleCodes() {
        var codes = new java.util.TreeSet<>(directory.all().keySet());
        String sh = codes.contains("600001.SH") ? "600001.SH"
                : codes.stream().filter(c -> c.endsWith(".SH")).findFirst().orElse("600000.SH");
        String sz = codes.contains("300001.SZ") ? "300001.SZ"
                : codes.stream().filter(c -> c.endsWith(".SZ")).findFirst().orElse("000001.SZ");
        return sh + " " + sz;
    }

    public NodeOptions options() {
        return options;
    }

    public Vertx vertx() {
        return vertx;
    }

    /** The gateway's bound port (after start), or -1. */
    public int gatewayPort() {
        return gateways.isEmpty() ? -1 : gateways.get(0).port();
    }

    /**
     * Graceful stop (SIGTERM): readiness turns 503 (DRAINING), the gateways tell their clients to reconnect elsewhere
     * and close, calculators deregister (the others take their shards), the collector closes its journal,
     * then the node leaves the cluster.
     */
    public Future<Void> stop() {
        draining.set(true);
        firstReady.tryFail("the node stopped before it was ready");
        LOG.info("stopping node " + options.nodeName());
        List<String> reversed = new ArrayList<>(deployments);
        java.util.Collections.reverse(reversed);
        Future<Void> chain = Future.succeededFuture();
        for (String id : reversed) {
            chain = chain.compose(v -> vertx.undeploy(id).recover(e -> Future.succeededFuture()));
        }
        return chain.compose(v -> admin == null ? Future.succeededFuture() : admin.close())
                .compose(v -> sessions == null ? Future.succeededFuture() : sessions.close())
                .compose(v -> http == null ? Future.succeededFuture() : http.close())
                .compose(v -> routing == null ? Future.succeededFuture() : routing.close().recover(e -> Future.succeededFuture()))
                .compose(v -> collector == null ? Future.succeededFuture() : collector.stop())
                .compose(v -> vertx.executeBlocking(() -> {
                    if (pushInterest != null) {
                        pushInterest.close();
                    }
                    if (shardMap != null) {
                        shardMap.close();
                    }
                    return null;
                }, false).recover(e -> Future.succeededFuture()))
                .compose(v -> vertx.close())
                .eventually(() -> {
                    if (history != null) {
                        history.close();
                    }
                    return Future.succeededFuture();
                });
    }
}
