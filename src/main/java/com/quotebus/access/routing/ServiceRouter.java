package com.quotebus.access.routing;

import com.quotebus.cluster.registry.RegistryListener;
import com.quotebus.cluster.registry.ServiceInstance;
import com.quotebus.cluster.registry.ServiceRegistry;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import com.quotebus.cluster.InMemoryShardMap;
import com.quotebus.cluster.ShardMap;
import com.quotebus.cluster.Shards;
import io.vertx.core.json.JsonArray;

/**
 * Routes a client request for {@code svc.<service>[.<action>]} to an instance of the service and returns its
 * reply. Chooses with the service's {@link ServicePolicy} (read from the {@link PolicyStore} on every request,
 * so a change applies at once), sends with {@code eventBus.request(instance.address, ...)} and a timeout of
 * {@code min(per-try timeout, time left to the deadline)}, and retries on another instance within the deadline
 * when the failure allows it:
 * <ul>
 *   <li>{@code NO_HANDLERS} (the request never arrived): always retried;</li>
 *   <li>{@code TIMEOUT}, or the instance removed from the registry while it held the request (its node left,
 *       it expired or deregistered): retried only when the request is idempotent: the policy says so (default),
 *       the service is not in {@link RouterConfig#nonIdempotentServices()} and header {@code idempotent} is not
 *       {@code false};</li>
 *   <li>the service saying it is temporarily unavailable ({@code RECIPIENT_FAILURE} with code
 *       {@value #SERVICE_UNAVAILABLE}, e.g. a calculator still rebuilding a shard it just took over): retried,
 *       when idempotent, on another instance (during a shard move the previous owner still answers);</li>
 *   <li>any other failure of the service ({@code RECIPIENT_FAILURE}): never retried, passed to the caller.</li>
 * </ul>
 * Retries of a service are bounded by its {@link RetryBudget} ({@link RouterConfig#retryBudgetRatio()} of its first
 * attempts, at least {@link RouterConfig#retryBudgetMinPerSecond()} a second), so an overloaded service does not
 * get its timeouts back as up to {@code maxAttempts} times its load. DRAINING instances get no new requests.
 * The action (what follows the service in the address) is sent in header {@value #ACTION_HEADER}. Multicast policies send to every ACTIVE instance at once, without retries.
 *
 * <p>Thread-safety: {@link #route} may be called from any thread; each request runs on the caller's Vert.x
 * context (or a new event-loop context if called from elsewhere) and its future completes there.
 */
public final class ServiceRouter implements AutoCloseable {
    /** A service's failure code meaning "temporarily unavailable, retry" (HTTP 503's meaning). */
    public static final int SERVICE_UNAVAILABLE = 503;

    /** Header carrying the action part of the address to the instance. */
    public static final String ACTION_HEADER = "svc-action";
    /** Request header that turns retries after a possible delivery off when {@code false}. */
    public static final String IDEMPOTENT_HEADER = "idempotent";
    /** Multicast reply headers: how many instances answered, how many failed. */
    public static final String MULTICAST_REPLIED_HEADER = "multicast-replied";
    public static final String MULTICAST_FAILED_HEADER = "multicast-failed";
    private static final String PREFIX = "svc.";

    private final Vertx vertx;
    private final ServiceRegistry registry;
    private final PolicyStore policies;
    private final RouterConfig config;
    private final Clock clock;
    private final RouterMetrics metrics;
    private final OutstandingRequests outstanding = new OutstandingRequests();
    private final Map<String, StrategySlot> strategies = new ConcurrentHashMap<>();
    private final Map<String, Set<Attempt>> inFlight = new ConcurrentHashMap<>();
    /** Per service; bounded like the metric tags (known services, else {@code unknown}). */
    private final Map<String, RetryBudget> budgets = new ConcurrentHashMap<>();
    /** Per service (bounded like the metric tags): how long to wait before hedging. */
    private final Map<String, HedgeDelay> hedgeDelays = new ConcurrentHashMap<>();
    /**
     * Instances that recently proved slow (stalled, paused, overloaded), by instance key → until when (nanoTime):
     * chosen only when no other can serve, until they answer in time again. Slow means it left a request unanswered
     * past the per-try timeout, answered only after {@link #SLOW_ANSWER_NANOS}, or lost {@link #HEDGES_LOST_TO_SLOW}
     * hedges without answering in between; a hedge firing against it now and then does not make it slow, so a
     * replica that is merely a little slower (a cold one just started) keeps its traffic.
     */
    private final Map<String, Long> slowUntil = new ConcurrentHashMap<>();
    /** How long an instance that did not answer in time is passed over. */
    static final long SLOW_FOR_NANOS = 1_000_000_000L;
    /**
     * An answer later than this marks the instance slow (or the per-try timeout, when that is shorter). Well above
     * the hedge delay (at most {@code hedgeMaxMillis}, 200 ms by default, and as low as 20 ms): a hedge only says
     * another replica may be faster; this says the instance keeps callers waiting.
     */
    static final long SLOW_ANSWER_NANOS = 250_000_000L;
    /**
     * Hedges won against an instance while its tries are still out, by instance key; reset by any answer from it.
     * An instance that stalls (SIGSTOP, a long pause) loses every hedge without answering: after
     * {@link #HEDGES_LOST_TO_SLOW} such losses it is marked slow at once instead of after its first try's timeout,
     * so requests stop paying the hedge delay; each further loss without an answer doubles the mark (up to 8 s), so a
     * long stall is probed rarely. A replica merely slower than the hedge delay answers in between (which resets the
     * count) and keeps its first tries.
     */
    private final Map<String, Integer> hedgesLostWhileOut = new ConcurrentHashMap<>();
    static final int HEDGES_LOST_TO_SLOW = 3;
    private final ShardMap shardMap;
    private final RegistryListener removals = new RegistryListener() {
        @Override
        public void removed(ServiceInstance instance) {
            instanceRemoved(instance);
        }
    };

    public ServiceRouter(Vertx vertx, ServiceRegistry registry, PolicyStore policies, RouterConfig config, Clock clock,
                         RouterMetrics metrics) {
        this(vertx, registry, policies, config, clock, metrics, new InMemoryShardMap());
    }

    /**
     * @param shardMap who holds which shard in what state (the shard strategies route by it)
     */
    public ServiceRouter(Vertx vertx, ServiceRegistry registry, PolicyStore policies, RouterConfig config, Clock clock,
                         RouterMetrics metrics, ShardMap shardMap) {
        if (vertx == null || registry == null || policies == null || config == null || clock == null || metrics == null) {
            throw new IllegalArgumentException("vertx, registry, policies, config, clock and metrics are required");
        }
        this.vertx = vertx;
        this.registry = registry;
        this.policies = policies;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        this.shardMap = shardMap;
        registry.addListener(removals);
    }

    /** Stops watching the registry; requests in flight still complete. */
    @Override
    public void close() {
        registry.removeListener(removals);
    }

    /** Routes with the default total timeout. */
    public Future<RouteReply> route(String address, Object body, Map<String, String> headers) {
        return route(address, body, headers, 0);
    }

    /**
     * Routes one request.
     *
     * @param address        {@code svc.<service>} or {@code svc.<service>.<action>}
     * @param body           request body (any type the event bus can carry; a {@link JsonObject} for hashing)
     * @param headers        request headers, forwarded to the instance; may be {@code null}
     * @param deadlineMillis absolute deadline on the router clock (epoch millis); {@code <= 0} means now plus
     *                       {@link RouterConfig#defaultTimeoutMillis()}
     * @return the reply, or a failure: a {@link ReplyException} (see {@link RouteFailures})
     */
    public Future<RouteReply> route(String address, Object body, Map<String, String> headers, long deadlineMillis) {
        long start = System.nanoTime();
        long deadline = deadlineMillis > 0 ? deadlineMillis : clock.millis() + config.defaultTimeoutMillis();
        Context context = vertx.getOrCreateContext();
        Promise<RouteReply> promise = Promise.promise();
        Call call;
        try {
            call = newCall(address, body, headers, deadline, context, promise, start);
        } catch (IllegalArgumentException e) {
            metrics.failed("invalid", "BAD_ADDRESS");
            return Future.failedFuture(RouteFailures.badAddress(address));
        }
        if (Vertx.currentContext() == context) {
            call.begin();
        } else {
            context.runOnContext(v -> call.begin());
        }
        return promise.future();
    }

    /** Requests in flight from this router to the instance. */
    public int outstanding(String service, String instanceId) {
        return outstanding.of(service, instanceId);
    }

    /** Requests in flight from this router in total. */
    public int outstanding() {
        return outstanding.total();
    }

    public RouterMetrics metrics() {
        return metrics;
    }

    private Call newCall(String address, Object body, Map<String, String> headers, long deadline, Context context,
                         Promise<RouteReply> promise, long startNanos) {
        if (address == null || !address.startsWith(PREFIX)) {
            throw new IllegalArgumentException("bad address");
        }
        String rest = address.substring(PREFIX.length());
        int dot = rest.indexOf('.');
        String service = dot < 0 ? rest : rest.substring(0, dot);
        String action = dot < 0 ? null : rest.substring(dot + 1);
        ServiceInstance.checkService(service);
        if (action != null && action.isEmpty()) {
            throw new IllegalArgumentException("empty action");
        }
        Map<String, String> sendHeaders = new LinkedHashMap<>(headers == null ? Map.of() : headers);
        if (action != null) {
            sendHeaders.put(ACTION_HEADER, action);
        }
        ServicePolicy policy = policies.policy(service);
        boolean idempotent = policy.idempotent() && !config.nonIdempotentServices().contains(service)
                && !"false".equalsIgnoreCase(sendHeaders.get(IDEMPOTENT_HEADER));
        long perTry = policy.perTryTimeoutMillis() > 0 ? policy.perTryTimeoutMillis() : config.perTryTimeoutMillis();
        String key = routingKey(body, policy.hashField());
        return new Call(service, body, sendHeaders, policy, idempotent, perTry, deadline,
                new RouteRequest(service, key, sendHeaders), context, promise, startNanos);
    }

    private static String routingKey(Object body, String field) {
        if (body instanceof JsonObject json) {
            Object value = json.getValue(field);
            if (value instanceof String || value instanceof Number) {
                return value.toString();
            }
        }
        return null;
    }

    private RoutingStrategy strategyFor(String service, ServicePolicy policy) {
        StrategySlot slot = strategies.get(service);
        if (slot == null || !slot.policy.equals(policy)) {
            // A policy change starts the new strategy from scratch; a race here only costs a fresh start.
            slot = new StrategySlot(policy, policy.strategy().create(policy, outstanding, shardMap));
            strategies.put(service, slot);
        }
        return slot.strategy;
    }

    /** Known services keep their name; others become {@code unknown} so client input cannot grow the tag set. */
    private String metricService(String service, ServicePolicy policy) {
        return !registry.instances(service).isEmpty() || !policy.equals(ServicePolicy.DEFAULT) ? service : "unknown";
    }

    private void instanceRemoved(ServiceInstance instance) {
        slowUntil.remove(instance.key());
        hedgesLostWhileOut.remove(instance.key());
        Set<Attempt> attempts = inFlight.get(instance.key());
        if (attempts == null) {
            return;
        }
        for (Attempt a : List.copyOf(attempts)) {
            a.context.runOnContext(v -> a.complete(null, RouteFailures.instanceLost(instance.key())));
        }
    }

    private record StrategySlot(ServicePolicy policy, RoutingStrategy strategy) {
    }

    /** One request to one instance; completes once, by reply, failure, timeout or instance removal. */
    private final class Attempt {
        final ServiceInstance instance;
        final Context context;
        final BiConsumer<Message<Object>, Throwable> then;
        final long startNanos = System.nanoTime();
        long timeoutMillis; // set by send
        boolean done; // touched only on context

        Attempt(ServiceInstance instance, Context context, BiConsumer<Message<Object>, Throwable> then) {
            this.instance = instance;
            this.context = context;
            this.then = then;
        }

        void send(Object body, Map<String, String> headers, long timeoutMillis) {
            this.timeoutMillis = timeoutMillis;
            inFlight.computeIfAbsent(instance.key(), k -> ConcurrentHashMap.newKeySet()).add(this);
            outstanding.started(instance.service(), instance.instanceId());
            DeliveryOptions options = new DeliveryOptions().setSendTimeout(timeoutMillis);
            headers.forEach(options::addHeader);
            vertx.eventBus().request(instance.address(), body, options)
                    .onComplete(ar -> complete(ar.succeeded() ? ar.result() : null, ar.cause()));
        }

        void complete(Message<Object> reply, Throwable failure) {
            if (done) {
                return; // a late reply after the instance was declared lost, or the reverse
            }
            done = true;
            inFlight.computeIfPresent(instance.key(), (k, set) -> {
                set.remove(this);
                return set.isEmpty() ? null : set;
            });
            outstanding.finished(instance.service(), instance.instanceId());
            then.accept(reply, failure);
        }
    }

    /**
     * One routed request, on {@code context}. An idempotent request is hedged: if the chosen instance has not
     * answered within the service's hedge delay, the next candidate is asked as well and the first answer wins;
     * a failure that allows it moves the request to another instance at once (see the class comment).
     */
    private final class Call {
        final String service;
        final Object body;
        final Map<String, String> headers;
        final ServicePolicy policy;
        final boolean idempotent;
        final long perTryMillis;
        final long deadline;
        final RouteRequest request;
        final Context context;
        final Promise<RouteReply> promise;
        final long startNanos;
        final String metricTag;
        /** A part of a scattered request: its parent records the metrics. */
        final boolean part;
        final Set<String> tried = new HashSet<>();
        final List<Attempt> pending = new ArrayList<>(2);
        int attempts;
        long hedgeTimer = -1;
        Throwable lastFailure;
        RetryBudget budget; // the service's, set in begin()

        Call(String service, Object body, Map<String, String> headers, ServicePolicy policy, boolean idempotent,
             long perTryMillis, long deadline, RouteRequest request, Context context, Promise<RouteReply> promise,
             long startNanos) {
            this(service, body, headers, policy, idempotent, perTryMillis, deadline, request, context, promise,
                    startNanos, false);
        }

        Call(String service, Object body, Map<String, String> headers, ServicePolicy policy, boolean idempotent,
             long perTryMillis, long deadline, RouteRequest request, Context context, Promise<RouteReply> promise,
             long startNanos, boolean part) {
            this.service = service;
            this.body = body;
            this.headers = headers;
            this.policy = policy;
            this.idempotent = idempotent;
            this.perTryMillis = perTryMillis;
            this.deadline = deadline;
            this.request = request;
            this.context = context;
            this.promise = promise;
            this.startNanos = startNanos;
            this.metricTag = metricService(service, policy);
            this.part = part;
        }

        void begin() {
            budget = budgets.computeIfAbsent(metricTag, s -> new RetryBudget(config.retryBudgetRatio(),
                    config.retryBudgetMinPerSecond(), System.nanoTime()));
            if (policy.strategy().multicast()) {
                budget.deposit();
                multicast();
            } else if (policy.strategy() == StrategyKind.SHARD_SCATTER && !part && scatter()) {
                return; // the parts deposit and run
            } else {
                budget.deposit();
                next();
            }
        }

        /**
         * The instances not yet tried: the ACTIVE ones; for the shard strategies also DRAINING ones, since the shard
         * map says whether they still serve (a draining calculator serves its shards until they are live elsewhere).
         */
        private List<ServiceInstance> candidates() {
            boolean byShardMap = policy.strategy() == StrategyKind.SHARD_OWNER
                    || policy.strategy() == StrategyKind.SHARD_SCATTER;
            List<ServiceInstance> out = new ArrayList<>();
            for (ServiceInstance i : registry.instances(service)) {
                if ((i.active() || byShardMap) && !tried.contains(i.instanceId())) {
                    out.add(i);
                }
            }
            return out;
        }

        private HedgeDelay hedgeDelay() {
            return hedgeDelays.computeIfAbsent(metricTag,
                    s -> new HedgeDelay(config.hedgeMinMillis(), Math.max(config.hedgeMinMillis(), config.hedgeMaxMillis())));
        }

        /** The untried candidates the strategy allows for this request: what the next attempt chooses from. */
        private List<ServiceInstance> eligible() {
            return strategyFor(service, policy).eligible(candidates(), request);
        }

        /** The eligible instances not marked slow, or all of them when every one is (then the slow ones must do). */
        private List<ServiceInstance> answering(List<ServiceInstance> eligible) {
            if (slowUntil.isEmpty()) {
                return eligible; // the usual case: nothing to filter
            }
            long now = System.nanoTime();
            List<ServiceInstance> answering = new ArrayList<>(eligible.size());
            for (ServiceInstance i : eligible) {
                Long until = slowUntil.get(i.key());
                if (until == null || until - now < 0) {
                    answering.add(i);
                }
            }
            return answering.isEmpty() ? eligible : answering;
        }

        /** Sends one more attempt, to the best untried candidate; fails the call when none is left and none is out. */
        private void next() {
            next(null);
        }

        /**
         * @param eligible {@link #eligible()} when the caller has just computed it (the hedge timer, which checks
         *                 that someone is left to ask), so it is built once per attempt; null to compute it here
         */
        private void next(List<ServiceInstance> eligible) {
            long remaining = deadline - clock.millis();
            if (remaining <= 0) {
                if (pending.isEmpty()) {
                    fail(lastFailure != null ? lastFailure : RouteFailures.deadline(service));
                }
                return;
            }
            List<ServiceInstance> candidates = eligible != null ? eligible : eligible();
            if (candidates.isEmpty()) {
                if (pending.isEmpty()) {
                    fail(lastFailure != null ? lastFailure : RouteFailures.noInstance(service));
                }
                return;
            }
            ServiceInstance chosen = strategyFor(service, policy).choose(answering(candidates), request);
            tried.add(chosen.instanceId());
            attempts++;
            boolean hedge = !pending.isEmpty();
            Attempt[] self = new Attempt[1];
            self[0] = new Attempt(chosen, context, (reply, failure) -> answered(self[0], hedge, reply, failure));
            pending.add(self[0]);
            self[0].send(body, headers, Math.min(remaining, perTryMillis));
            scheduleHedge();
        }

        private void scheduleHedge() {
            cancelHedge();
            if (!config.hedging() || !idempotent || attempts >= config.maxAttempts()) {
                return;
            }
            hedgeTimer = vertx.setTimer(hedgeDelay().millis(), t -> {
                hedgeTimer = -1;
                if (promise.future().isComplete() || pending.isEmpty() || attempts >= config.maxAttempts()
                        || deadline <= clock.millis()) {
                    return;
                }
                List<ServiceInstance> others = eligible();
                if (others.isEmpty() || !retryAllowed()) {
                    return; // nobody else to ask: wait for the attempt out
                }
                metrics.hedged(metricTag);
                next(others); // nothing has run since the list was built: it is still what the hedge chooses from
            });
        }

        private void cancelHedge() {
            if (hedgeTimer >= 0) {
                vertx.cancelTimer(hedgeTimer);
                hedgeTimer = -1;
            }
        }

        private void answered(Attempt attempt, boolean hedge, Message<Object> reply, Throwable failure) {
            pending.remove(attempt);
            ServiceInstance chosen = attempt.instance;
            judgeSpeed(attempt, failure);
            if (promise.future().isComplete()) {
                return; // another attempt won
            }
            if (failure == null) {
                hedgeDelay().answered(System.nanoTime() - attempt.startNanos);
                cancelHedge();
                if (hedge) {
                    metrics.hedgeWon(metricTag);
                    for (Attempt out : pending) { // beaten while still out: stalled, or merely slower
                        int lost = hedgesLostWhileOut.merge(out.instance.key(), 1, Integer::sum);
                        if (lost >= HEDGES_LOST_TO_SLOW) { // 1 s, then 2, 4, 8 s while it still does not answer
                            markSlow(out.instance.key(), SLOW_FOR_NANOS << Math.min(3, lost - HEDGES_LOST_TO_SLOW));
                        }
                    }
                }
                succeed(new RouteReply(reply.body(), headersOf(reply), service, List.of(chosen.instanceId()), attempts));
                return;
            }
            if (!retryable(failure)) {
                cancelHedge();
                fail(failure); // the service's own answer: every replica would give it
                return;
            }
            lastFailure = failure;
            if (!pending.isEmpty()) {
                return; // another attempt is still out and may answer
            }
            cancelHedge();
            if (attempts < config.maxAttempts() && deadline > clock.millis() && retryAllowed()) {
                metrics.retried(metricTag, RouteFailures.code(failure));
                next();
            } else {
                fail(failure);
            }
        }

        /**
         * Marks the instance slow when it answered only after {@link #SLOW_ANSWER_NANOS} or left the request
         * unanswered past its per-try timeout (or past that threshold, when the deadline cut the try short); clears
         * the mark when it answered in time. Other failures (no handler, removed) say nothing about its speed.
         */
        private void judgeSpeed(Attempt attempt, Throwable failure) {
            boolean answered = failure == null || (failure instanceof ReplyException re
                    && re.failureType() == ReplyFailure.RECIPIENT_FAILURE);
            boolean timedOut = failure instanceof ReplyException re && re.failureType() == ReplyFailure.TIMEOUT;
            if (!answered && !timedOut) {
                return;
            }
            if (answered) {
                hedgesLostWhileOut.remove(attempt.instance.key()); // it answers: not stalled
            }
            long took = System.nanoTime() - attempt.startNanos;
            boolean late = took >= Math.min(SLOW_ANSWER_NANOS, perTryMillis * 1_000_000);
            if (late || (timedOut && attempt.timeoutMillis >= perTryMillis)) {
                markSlow(attempt.instance.key(), SLOW_FOR_NANOS); // routed to last for a while
            } else if (answered) {
                slowUntil.remove(attempt.instance.key()); // it answers in time
            }
        }

        /** Passes the instance over for {@code nanos} from now (a longer mark already set stays). */
        private void markSlow(String key, long nanos) {
            slowUntil.merge(key, System.nanoTime() + nanos, (a, b) -> a - b >= 0 ? a : b);
        }

        private boolean retryAllowed() {
            if (budget.tryRetry(System.nanoTime())) {
                return true;
            }
            metrics.retryDenied(metricTag);
            return false;
        }

        private boolean retryable(Throwable failure) {
            if (!(failure instanceof ReplyException re)) {
                return false;
            }
            if (re.failureType() == ReplyFailure.NO_HANDLERS) {
                return true;
            }
            return idempotent && (re.failureType() == ReplyFailure.TIMEOUT
                    || re.failureCode() == RouteFailures.INSTANCE_LOST
                    || (re.failureType() == ReplyFailure.RECIPIENT_FAILURE
                        && re.failureCode() == SERVICE_UNAVAILABLE));
        }

        /**
         * Splits a request for many codes ({@code codes}) by shard and routes each part like a single-code request
         * (hedged, retried); the replies are merged, their per-code entries in the order of the request's codes
         * ({@link ReplyMerger#inRequestOrder}). False when the body has no
         * {@code codes} array of strings: the request is then routed whole.
         */
        private boolean scatter() {
            if (!(body instanceof JsonObject json) || !(json.getValue("codes") instanceof JsonArray codes)
                    || codes.isEmpty() || !codes.stream().allMatch(c -> c instanceof String)) {
                return false;
            }
            Map<Integer, JsonArray> byShard = new LinkedHashMap<>();
            int shardCount = Shards.configuredCount();
            for (Object c : codes) {
                byShard.computeIfAbsent(Shards.shardOf((String) c, shardCount), k -> new JsonArray()).add(c);
            }
            List<Future<RouteReply>> parts = new ArrayList<>(byShard.size());
            for (JsonArray group : byShard.values()) {
                Promise<RouteReply> p = Promise.promise();
                parts.add(p.future());
                new Call(service, json.copy().put("codes", group), headers, policy, idempotent, perTryMillis, deadline,
                        new RouteRequest(service, group.getString(0), headers), context, p, startNanos, true).begin();
            }
            Future.all(parts).onComplete(ar -> {
                if (ar.failed()) {
                    fail(ar.cause());
                    return;
                }
                List<Object> bodies = new ArrayList<>(parts.size());
                List<String> ids = new ArrayList<>();
                int tries = 0;
                for (Future<RouteReply> f : parts) {
                    bodies.add(f.result().body());
                    ids.addAll(f.result().instanceIds());
                    tries += f.result().attempts();
                }
                Object merged;
                try {
                    merged = ReplyMerger.inRequestOrder(ReplyMerger.merge(bodies), codes);
                } catch (IllegalArgumentException e) {
                    fail(RouteFailures.notMergeable(e.getMessage()));
                    return;
                }
                succeed(new RouteReply(merged, parts.get(0).result().headers(), service,
                        ids.stream().distinct().sorted().toList(), tries));
            });
            return true;
        }

        private void multicast() {
            long remaining = deadline - clock.millis();
            if (remaining <= 0) {
                fail(RouteFailures.deadline(service));
                return;
            }
            List<ServiceInstance> targets = candidates();
            if (targets.isEmpty()) {
                fail(RouteFailures.noInstance(service));
                return;
            }
            attempts = 1;
            int n = targets.size();
            Object[] replies = new Object[n];
            Message<?>[] messages = new Message<?>[n];
            Throwable[] failures = new Throwable[n];
            int[] pending = {n};
            boolean first = policy.strategy() == StrategyKind.MULTICAST_FIRST;
            for (int k = 0; k < n; k++) {
                int index = k;
                ServiceInstance target = targets.get(k);
                new Attempt(target, context, (reply, failure) -> {
                    pending[0]--;
                    if (failure == null) {
                        replies[index] = reply.body();
                        messages[index] = reply;
                        if (first) {
                            succeed(new RouteReply(reply.body(), headersOf(reply), service,
                                    List.of(target.instanceId()), 1));
                        }
                    } else {
                        failures[index] = failure;
                    }
                    if (pending[0] == 0) {
                        multicastDone(targets, replies, messages, failures, first);
                    }
                }).send(body, headers, Math.min(remaining, perTryMillis));
            }
        }

        private void multicastDone(List<ServiceInstance> targets, Object[] replies, Message<?>[] messages,
                                   Throwable[] failures, boolean first) {
            List<Object> bodies = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            Throwable firstFailure = null;
            for (int k = 0; k < targets.size(); k++) {
                if (messages[k] != null) {
                    bodies.add(replies[k]);
                    ids.add(targets.get(k).instanceId());
                } else if (firstFailure == null) {
                    firstFailure = failures[k];
                }
            }
            if (bodies.isEmpty()) {
                fail(firstFailure);
                return;
            }
            if (first) {
                return; // already answered by the first reply
            }
            Object merged;
            try {
                merged = ReplyMerger.merge(bodies);
            } catch (IllegalArgumentException e) {
                fail(RouteFailures.notMergeable(e.getMessage()));
                return;
            }
            Map<String, String> h = new LinkedHashMap<>();
            h.put(MULTICAST_REPLIED_HEADER, String.valueOf(bodies.size()));
            h.put(MULTICAST_FAILED_HEADER, String.valueOf(targets.size() - bodies.size()));
            succeed(new RouteReply(merged, h, service, ids, 1));
        }

        // Metrics first: the caller's callbacks run inside tryComplete/tryFail.
        private void succeed(RouteReply reply) {
            if (!promise.future().isComplete()) {
                if (!part) {
                    metrics.completed(metricTag, System.nanoTime() - startNanos, true);
                }
                promise.complete(reply);
            }
        }

        private void fail(Throwable failure) {
            if (!promise.future().isComplete()) {
                Throwable shown = RouteFailures.forClient(failure);
                if (!part) {
                    metrics.completed(metricTag, System.nanoTime() - startNanos, false);
                    metrics.failed(metricTag, RouteFailures.code(shown));
                }
                promise.fail(shown);
            }
        }
    }

    private static Map<String, String> headersOf(Message<?> reply) {
        Map<String, String> h = new LinkedHashMap<>();
        for (String name : reply.headers().names()) {
            h.put(name, reply.headers().get(name));
        }
        return h;
    }
}
