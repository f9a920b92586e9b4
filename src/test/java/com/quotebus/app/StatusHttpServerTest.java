package com.quotebus.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /health/live, /health/ready (= /health) and the readiness in /status, with fake checks. */
class StatusHttpServerTest {
    private Vertx vertx;
    private StatusHttpServer server;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicReference<Readiness.State> calculators =
            new AtomicReference<>(Readiness.State.notReady("0/1 instances ready"));
    private Readiness readiness;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        readiness = new Readiness(vertx, draining::get)
                .add("calculators", () -> Future.succeededFuture(calculators.get()))
                .add("gateway", () -> Future.succeededFuture(Readiness.State.ready("listening on 7000")));
        server = new StatusHttpServer(vertx, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                () -> readiness.evaluate().map(r -> new JsonObject().put("ready", r.ready())),
                readiness::evaluate, draining::get);
        await(server.listen("127.0.0.1", 0));
    }

    @AfterEach
    void stop() throws Exception {
        await(vertx.close());
    }

    private record Reply(int code, JsonObject body) {
    }

    private Reply get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort()
                + path)).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), new JsonObject(r.body()));
    }

    private static JsonObject check(boolean ready, String detail) {
        return new JsonObject().put("ready", ready).put("detail", detail);
    }

    @Test
    void readyIs503ListingEachCheckUntilEveryCheckPassesAndHealthIsReady() throws Exception {
        Reply notReady = new Reply(503, new JsonObject().put("status", "NOT_READY").put("ready", false)
                .put("checks", new JsonObject().put("calculators", check(false, "0/1 instances ready"))
                        .put("gateway", check(true, "listening on 7000"))));
        assertThat(get("/health/ready")).isEqualTo(notReady);
        assertThat(get("/health")).isEqualTo(notReady);

        calculators.set(Readiness.State.ready("1/1 instances ready"));
        Reply ready = new Reply(200, new JsonObject().put("status", "UP").put("ready", true)
                .put("checks", new JsonObject().put("calculators", check(true, "1/1 instances ready"))
                        .put("gateway", check(true, "listening on 7000"))));
        assertThat(get("/health/ready")).isEqualTo(ready);
        assertThat(get("/health")).isEqualTo(ready);
        assertThat(get("/status")).isEqualTo(new Reply(200, new JsonObject().put("ready", true)));
    }

    @Test
    void liveAnswers200WhileNotReadyAndWhileDraining() throws Exception {
        assertThat(get("/health/live")).isEqualTo(new Reply(200, new JsonObject().put("status", "UP")));
        draining.set(true);
        assertThat(get("/health/live")).isEqualTo(new Reply(200, new JsonObject().put("status", "DRAINING")));
    }

    @Test
    void aDrainingNodeIsNotReadyAlthoughEveryCheckPasses() throws Exception {
        calculators.set(Readiness.State.ready("1/1 instances ready"));
        draining.set(true);
        assertThat(get("/health/ready")).isEqualTo(new Reply(503, new JsonObject().put("status", "DRAINING")
                .put("ready", false).put("checks", new JsonObject().put("calculators", check(true, "1/1 instances ready"))
                        .put("gateway", check(true, "listening on 7000")))));
    }

    @Test
    void aCheckThatFailsThrowsOrDoesNotAnswerCountsAsNotReadyWithTheReason() throws Exception {
        Promise<Readiness.State> never = Promise.promise();
        Readiness r = new Readiness(vertx, () -> false)
                .add("fails", () -> Future.failedFuture(new IllegalStateException("calculator is not started")))
                .add("throws", () -> {
                    throw new IllegalStateException("boom");
                })
                .add("silent", never::future);
        long t0 = System.nanoTime();
        Readiness.Report report = await(r.evaluate());
        assertThat((System.nanoTime() - t0) / 1_000_000).isBetween(Readiness.CHECK_TIMEOUT_MS - 50, 5_000L);
        assertThat(report.toJson()).isEqualTo(new JsonObject().put("status", "NOT_READY").put("ready", false)
                .put("checks", new JsonObject()
                        .put("fails", check(false, "check failed: java.lang.IllegalStateException: calculator is not started"))
                        .put("throws", check(false, "check failed: java.lang.IllegalStateException: boom"))
                        .put("silent", check(false, "no answer within " + Readiness.CHECK_TIMEOUT_MS + " ms"))));
        assertThat(report.notReady()).startsWith("fails (check failed: ");
    }

    @Test
    void awaitReadyPollsUntilReadyReportingWhatIsMissingMeanwhile() throws Exception {
        List<String> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
        Future<Readiness.Report> ready = readiness.awaitReady(20, 50, r -> reports.add(r.notReady()));
        Thread.sleep(300);
        assertThat(ready.isComplete()).isFalse();
        calculators.set(Readiness.State.ready("1/1 instances ready"));
        assertThat(await(ready).ready()).isTrue();
        assertThat(new ArrayList<>(reports)).isNotEmpty()
                .allMatch(s -> s.equals("calculators (0/1 instances ready)"));
    }

    @Test
    void awaitReadyFailsWhenTheNodeStartsDrainingFirst() throws Exception {
        Future<Readiness.Report> ready = readiness.awaitReady(20, 60_000, r -> { });
        draining.set(true);
        try {
            await(ready);
            throw new AssertionError("completed");
        } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).hasMessage("the node is stopping before it was ready");
        }
    }
}
