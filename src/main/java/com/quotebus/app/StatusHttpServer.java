package com.quotebus.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * HTTP endpoints of a node:
 * <ul>
 *   <li>{@code /health/live} — 200 whenever the node's event loops answer (this server does), draining included:
 *       a liveness probe that failed while the node drains would have it killed before its clients moved;</li>
 *   <li>{@code /health/ready} and {@code /health} — 200 when every role on the node serves ({@link Readiness}),
 *       503 otherwise and while draining; the body lists each check and its state;</li>
 *   <li>{@code /status} (JSON: roles, members, readiness, services, gateway and calculator counters) and
 *       {@code /metrics} (Prometheus text format).</li>
 * </ul>
 */
final class StatusHttpServer {
    private final Vertx vertx;
    private final PrometheusMeterRegistry registry;
    private final Supplier<Future<JsonObject>> status;
    private final Supplier<Future<Readiness.Report>> readiness;
    private final BooleanSupplier draining;
    private HttpServer server;

    /**
     * @param readiness evaluates the node's checks (e.g. {@link Readiness#evaluate}); must not block
     * @param draining  whether the node is stopping (shown by {@code /health/live})
     */
    StatusHttpServer(Vertx vertx, PrometheusMeterRegistry registry, Supplier<Future<JsonObject>> status,
                     Supplier<Future<Readiness.Report>> readiness, BooleanSupplier draining) {
        this.vertx = vertx;
        this.registry = registry;
        this.status = status;
        this.readiness = readiness;
        this.draining = draining;
    }

    Future<HttpServer> listen(String host, int port) {
        server = vertx.createHttpServer().requestHandler(req -> {
            switch (req.path()) {
                case "/metrics" -> req.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                        .end(registry.scrape());
                case "/health/live" -> json(req, 200,
                        new JsonObject().put("status", draining.getAsBoolean() ? "DRAINING" : "UP"));
                case "/health", "/health/ready" -> readiness.get().onComplete(ar -> {
                    if (ar.succeeded()) {
                        json(req, ar.result().ready() ? 200 : 503, ar.result().toJson());
                    } else {
                        json(req, 503, new JsonObject().put("status", "NOT_READY").put("ready", false)
                                .put("error", String.valueOf(ar.cause())));
                    }
                });
                case "/status", "/" -> status.get().onComplete(ar -> {
                    if (ar.succeeded()) {
                        req.response().putHeader("content-type", "application/json").end(ar.result().encodePrettily());
                    } else {
                        req.response().setStatusCode(500).end("status not available: " + ar.cause() + "\n");
                    }
                });
                default -> req.response().setStatusCode(404).end("unknown path " + req.path()
                        + " (try /status, /health, /health/live, /health/ready, /metrics)\n");
            }
        });
        return server.listen(port, host);
    }

    private static void json(HttpServerRequest req, int code, JsonObject body) {
        req.response().setStatusCode(code).putHeader("content-type", "application/json").end(body.encode());
    }

    /** The bound port (after {@link #listen}; useful with port 0), or -1. */
    int actualPort() {
        return server == null ? -1 : server.actualPort();
    }

    Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
