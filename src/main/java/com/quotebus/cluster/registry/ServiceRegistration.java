package com.quotebus.cluster.registry;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A service verticle's presence in the registry: registers the instance, heartbeats its load on a Vert.x
 * timer, registers again if a heartbeat finds the instance gone (it expired during a pause, or its entry was
 * lost), and deregisters on {@link #stop()}. Create it in {@code start()} and stop it in {@code stop()}:
 *
 * <pre>{@code
 * ServiceInstance me = ServiceInstance.of("kline", instanceId, nodeId);
 * vertx.eventBus().consumer(me.address(), this::handle);
 * return ServiceRegistration.start(vertx, registry, me, Duration.ofSeconds(1), () -> subscriptions.size())
 *         .onSuccess(r -> registration = r);
 * }</pre>
 *
 * Must be used from a Vert.x context (the verticle's); all its callbacks run there.
 */
public final class ServiceRegistration {

    private static final Logger LOG = Logger.getLogger(ServiceRegistration.class.getName());

    private final Vertx vertx;
    private final Context context;
    private final ServiceRegistry registry;
    private final ServiceInstance instance;
    private final LongSupplier load;
    private final AtomicLong heartbeats = new AtomicLong();
    private final AtomicLong reRegistrations = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private long timerId = -1;
    private boolean inFlight;
    private boolean stopped;

    private ServiceRegistration(Vertx vertx, ServiceRegistry registry, ServiceInstance instance, LongSupplier load) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.registry = registry;
        this.instance = instance;
        this.load = load;
    }

    /**
     * Registers {@code instance} and starts heartbeating every {@code interval} (10 ms – 1 min; use a third of
     * the registry TTL or less) with the value of {@code load} at each beat.
     */
    public static Future<ServiceRegistration> start(Vertx vertx, ServiceRegistry registry, ServiceInstance instance,
                                                    Duration interval, LongSupplier load) {
        if (vertx == null || registry == null || instance == null || load == null) {
            throw new IllegalArgumentException("vertx, registry, instance and load are required");
        }
        if (interval == null || interval.toMillis() < 10 || interval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("heartbeat interval " + interval + " must be between 10ms and 1min");
        }
        ServiceRegistration r = new ServiceRegistration(vertx, registry, instance, load);
        return Future.fromCompletionStage(registry.register(instance), r.context).map(v -> {
            r.timerId = vertx.setPeriodic(interval.toMillis(), id -> r.beat());
            return r;
        });
    }

    private void beat() {
        if (inFlight || stopped) {
            return; // a slow store must not pile up heartbeats
        }
        inFlight = true;
        long current = Math.max(0, load.getAsLong());
        Future.fromCompletionStage(registry.heartbeat(instance.service(), instance.instanceId(), current), context)
                .compose(known -> {
                    heartbeats.incrementAndGet();
                    if (known || stopped) {
                        return Future.succeededFuture();
                    }
                    reRegistrations.incrementAndGet();
                    LOG.info(() -> "instance " + instance.key() + " was gone from the registry; registering again");
                    return Future.fromCompletionStage(registry.register(instance.withHeartbeat(current, 0)), context);
                })
                .onComplete(ar -> {
                    inFlight = false;
                    if (ar.failed()) {
                        failures.incrementAndGet();
                        LOG.log(Level.WARNING, "heartbeat of " + instance.key() + " failed", ar.cause());
                    }
                });
    }

    /** Cancels the timer and deregisters. */
    public Future<Void> stop() {
        if (stopped) {
            return Future.succeededFuture();
        }
        stopped = true;
        vertx.cancelTimer(timerId);
        return Future.fromCompletionStage(registry.deregister(instance.service(), instance.instanceId()), context)
                .mapEmpty();
    }

    public ServiceInstance instance() {
        return instance;
    }

    /** Heartbeats stored so far. */
    public long heartbeats() {
        return heartbeats.get();
    }

    /** Times a heartbeat found the instance gone and registered it again. */
    public long reRegistrations() {
        return reRegistrations.get();
    }

    /** Heartbeats or re-registrations that failed (store unreachable). */
    public long failures() {
        return failures.get();
    }
}
