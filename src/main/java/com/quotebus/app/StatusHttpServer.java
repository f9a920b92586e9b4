package com.quotebus.app;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.util.function.Supplier;

/**
 * HTTP endpoints of a node: {@code /health} (200 while the node is up and not draining, 503 otherwise),
 * {@code /status} (JSON: roles, members, services, gateway and calculator counters) and {@code /metrics}
 * (Prometheus text format).
 */
final class StatusHttpServer {
    private final Vertx vertx;
    private final PrometheusMeterRegistry registry;
    private final Supplier<Future<JsonObject>> status;
    private final Supplier<Boolean> healthy;
    private HttpServer server;

    StatusHttpServer(Vertx vertx, PrometheusMeterRegistry registry, Supplier<Future<JsonObject>> status,
                     Supplier<Boolean> healthy) {
        this.vertx = vertx;
        this.registry = registry;
        this.status = status;
        this.healthy = healthy;
    }

    Future<HttpServer> listen(String host, int port) {
        server = vertx.createHttpServer().requestHandler(req -> {
            switch (req.path()) {
                case "/metrics" -> req.response().putHeader("content-type", "text/plain; version=0.0.4; charset=utf-8")
                        .end(registry.scrape());
                case "/health" -> {
                    boolean ok = healthy.get();
                    req.response().setStatusCode(ok ? 200 : 503).putHeader("content-type", "application/json")
                            .end(new JsonObject().put("status", ok ? "UP" : "DRAINING").encode());
                }
                case "/status", "/" -> status.get().onComplete(ar -> {
                    if (ar.succeeded()) {
                        req.response().putHeader("content-type", "application/json").end(ar.result().encodePrettily());
                    } else {
                        req.response().setStatusCode(500).end("status not available: " + ar.cause() + "\n");
                    }
                });
                default -> req.response().setStatusCode(404).end("unknown path " + req.path()
                        + " (try /status, /health, /metrics)\n");
            }
        });
        return server.listen(port, host);
    }

    Future<Void> close() {
        return server == null ? Future.succeededFuture() : server.close();
    }
}
