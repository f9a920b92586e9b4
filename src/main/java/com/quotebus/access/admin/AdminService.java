package com.quotebus.access.admin;

import com.quotebus.access.bridge.LiveLimits;
import com.quotebus.access.routing.PolicyStore;
import com.quotebus.access.routing.ServicePolicy;
import com.quotebus.access.routing.StrategyKind;
import com.quotebus.access.session.SessionManager;
import com.quotebus.access.session.SessionRecord;
import com.quotebus.cluster.registry.ServiceInstance;
import com.quotebus.cluster.registry.ServiceRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Answers the {@code admin.*} addresses on an access node (the bridge has already checked the admin
 * token) and applies cluster-wide changes: routing policies and instance weights/states go through
 * the shared {@link PolicyStore} and {@link ServiceRegistry}; limits are published on
 * {@link #LIMITS_ADDRESS} and applied by every access node's service to its {@link LiveLimits}; a kick
 * ends the session wherever it is held ({@link SessionManager#kick}).
 *
 * <p>Replies are JSON objects; a bad request fails with 400 {@code bad_request: <field> …}, an unknown
 * service, instance or session with 404 {@code not_found: …}. Contract: {@code docs/admin.md}.
 */
public final class AdminService {
    public static final String LIMITS_ADDRESS = "internal.admin.limits";
    public static final int MAX_LISTED_SESSIONS = 10_000;

    private final Vertx vertx;
    private final ServiceRegistry registry;
    private final PolicyStore policies;
    private final SessionManager sessions;
    private final LiveLimits limits;
    private final Supplier<JsonArray> nodes;
    private final LongSupplier wallClock;
    private final List<MessageConsumer<?>> consumers = new ArrayList<>();

    /** A request that failed with a code the client sees. */
    private static final class AdminError extends RuntimeException {
        final int code;

        AdminError(int code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }

    /**
     * @param sessions the node's sessions, or null (admin.sessions and admin.kick then answer 404)
     * @param nodes    the cluster members as {@code [{id, address, roles?…}]} (read on a worker: may block)
     */
    public AdminService(Vertx vertx, ServiceRegistry registry, PolicyStore policies, SessionManager sessions,
                        LiveLimits limits, Supplier<JsonArray> nodes, LongSupplier wallClock) {
        this.vertx = vertx;
        this.registry = registry;
        this.policies = policies;
        this.sessions = sessions;
        this.limits = limits;
        this.nodes = nodes;
        this.wallClock = wallClock;
    }

    /** Registers the consumers; completes once they are registered (cluster-wide). */
    public Future<Void> start() {
        handle("admin.nodes", this::nodes);
        handle("admin.services", b -> Future.succeededFuture(services()));
        handle("admin.sessions", this::sessions);
        handle("admin.strategy", this::strategy);
        handle("admin.weight", this::weight);
        handle("admin.drain", b -> state(b, true));
        handle("admin.undrain", b -> state(b, false));
        handle("admin.kick", this::kick);
        handle("admin.limits", this::limits);
        MessageConsumer<JsonObject> applier = vertx.eventBus().consumer(LIMITS_ADDRESS, m -> {
            try {
                limits.apply(m.body());
            } catch (IllegalArgumentException e) {
                // checked by the sender; a node with other keys would log, never crash
            }
        });
        consumers.add(applier);
        List<Future<Void>> all = new ArrayList<>();
        consumers.forEach(c -> all.add(c.completion()));
        return Future.all(all).mapEmpty();
    }

    public Future<Void> close() {
        List<Future<Void>> all = new ArrayList<>();
        consumers.forEach(c -> all.add(c.unregister()));
        consumers.clear();
        return Future.join(all).mapEmpty();
    }

    private void handle(String address, Function<JsonObject, Future<JsonObject>> action) {
        consumers.add(vertx.eventBus().<Object>consumer(address, (Message<Object> m) -> {
            Future<JsonObject> reply;
            try {
                Object body = m.body();
                if (body != null && !(body instanceof JsonObject)) {
                    throw new AdminError(400, "bad_request: the body must be a JSON object");
                }
                reply = action.apply(body == null ? new JsonObject() : (JsonObject) body);
            } catch (RuntimeException e) {
                reply = Future.failedFuture(e);
            }
            reply.onComplete(ar -> {
                if (ar.succeeded()) {
                    m.reply(ar.result());
                } else if (ar.cause() instanceof AdminError e) {
                    m.fail(e.code, e.getMessage());
                } else {
                    m.fail(500, "internal: " + ar.cause().getMessage());
                }
            });
        }));
    }

    // ---- commands ----

    private Future<JsonObject> nodes(JsonObject body) {
        return vertx.executeBlocking(() -> new JsonObject().put("nodes", nodes.get()), false);
    }

    JsonObject services() {
        TreeSet<String> names = new TreeSet<>(registry.services());
        names.addAll(policies.all().keySet());
        JsonArray out = new JsonArray();
        for (String name : names) {
            JsonArray instances = new JsonArray();
            for (ServiceInstance i : registry.instances(name)) {
                instances.add(new JsonObject().put("id", i.instanceId()).put("node", i.nodeId())
                        .put("state", i.state().name()).put("weight", i.weight()).put("load", i.load())
                        .put("lastHeartbeat", i.lastHeartbeatMillis()).put("address", i.address()));
            }
            ServicePolicy p = policies.policy(name);
            out.add(new JsonObject().put("service", name).put("strategy", p.strategy().configName())
                    .put("policy", new JsonObject().put("strategy", p.strategy().configName())
                            .put("hashField", p.hashField()).put("virtualNodes", p.virtualNodes())
                            .put("idempotent", p.idempotent()).put("perTryTimeoutMillis", p.perTryTimeoutMillis())
                            .put("explicit", policies.all().containsKey(name)))
                    .put("instances", instances));
        }
        return new JsonObject().put("services", out);
    }

    private Future<JsonObject> sessions(JsonObject body) {
        int limit = optionalInt(body, "limit", 1000, 1, MAX_LISTED_SESSIONS);
        if (sessions == null) {
            return Future.succeededFuture(new JsonObject().put("sessions", new JsonArray()));
        }
        long now = wallClock.getAsLong();
        return sessions.list(limit).map(list -> {
            JsonArray out = new JsonArray();
            for (SessionRecord r : list) {
                out.add(new JsonObject().put("id", r.id()).put("node", r.node()).put("connected", r.connected())
                        .put("subscriptions", r.subscriptions().size())
                        .put("idleMs", Math.max(0, now - r.activeMs())));
            }
            return new JsonObject().put("sessions", out).put("limit", limit);
        });
    }

    private Future<JsonObject> strategy(JsonObject body) {
        String service = service(body);
        String name = string(body, "strategy");
        StrategyKind kind;
        try {
            kind = StrategyKind.ofConfigName(name);
        } catch (IllegalArgumentException e) {
            throw new AdminError(400, "bad_request: strategy: " + e.getMessage());
        }
        requireKnownService(service);
        ServicePolicy next = policies.policy(service).withStrategy(kind);
        return fromStage(policies.setPolicy(service, next)).map(v -> new JsonObject().put("service", service)
                .put("strategy", kind.configName()));
    }

    private Future<JsonObject> weight(JsonObject body) {
        String service = service(body);
        String instance = string(body, "instance");
        Object w = body.getValue("weight");
        if (!(w instanceof Number n) || n.doubleValue() != n.intValue() || n.intValue() < 1
                || n.intValue() > ServiceInstance.MAX_WEIGHT) {
            throw new AdminError(400, "bad_request: weight must be a whole number 1.." + ServiceInstance.MAX_WEIGHT
                    + ", was " + w);
        }
        int weight = n.intValue();
        return fromStage(registry.setWeight(service, instance, weight)).map(found -> {
            if (!found) {
                throw new AdminError(404, "not_found: no instance " + instance + " of service " + service);
            }
            return new JsonObject().put("service", service).put("instance", instance).put("weight", weight);
        });
    }

    private Future<JsonObject> state(JsonObject body, boolean drain) {
        String service = service(body);
        String instance = string(body, "instance");
        CompletionStage<Boolean> change = drain ? registry.drain(service, instance) : registry.undrain(service, instance);
        return fromStage(change).map(found -> {
            if (!found) {
                throw new AdminError(404, "not_found: no instance " + instance + " of service " + service);
            }
            return new JsonObject().put("service", service).put("instance", instance)
                    .put("state", drain ? "DRAINING" : "ACTIVE");
        });
    }

    private Future<JsonObject> kick(JsonObject body) {
        String id = string(body, "session");
        if (sessions == null) {
            throw new AdminError(404, "not_found: no session " + id);
        }
        return sessions.kick(id).map(found -> {
            if (!found) {
                throw new AdminError(404, "not_found: no session " + id);
            }
            return new JsonObject().put("session", id).put("kicked", true);
        });
    }

    private Future<JsonObject> limits(JsonObject body) {
        LiveLimits.Values next;
        try {
            next = limits.with(body);
        } catch (IllegalArgumentException e) {
            throw new AdminError(400, "bad_request: " + e.getMessage());
        }
        if (!body.isEmpty()) {
            limits.apply(body); // here at once; every other access node on the publish
            vertx.eventBus().publish(LIMITS_ADDRESS, body.copy());
        }
        return Future.succeededFuture(new JsonObject().put("limits", next.toJson()));
    }

    // ---- parsing ----

    private void requireKnownService(String service) {
        if (!registry.services().contains(service) && !policies.all().containsKey(service)) {
            throw new AdminError(404, "not_found: no service " + service);
        }
    }

    /** The service name; {@code svc.} in front is accepted. */
    private static String service(JsonObject body) {
        String s = string(body, "service");
        String name = s.startsWith("svc.") ? s.substring(4) : s;
        try {
            ServiceInstance.checkService(name);
        } catch (IllegalArgumentException e) {
            throw new AdminError(400, "bad_request: service: " + e.getMessage());
        }
        return name;
    }

    private static String string(JsonObject body, String key) {
        Object v = body.getValue(key);
        if (!(v instanceof String s) || s.isEmpty()) {
            throw new AdminError(400, "bad_request: '" + key + "' is required (a non-empty string), was " + v);
        }
        return s;
    }

    private static int optionalInt(JsonObject body, String key, int dflt, int min, int max) {
        Object v = body.getValue(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Number n) || n.doubleValue() != n.intValue() || n.intValue() < min || n.intValue() > max) {
            throw new AdminError(400, "bad_request: '" + key + "' must be a whole number " + min + ".." + max
                    + ", was " + v);
        }
        return n.intValue();
    }

    private <T> Future<T> fromStage(CompletionStage<T> stage) {
        return Future.fromCompletionStage(stage, vertx.getOrCreateContext());
    }
}
