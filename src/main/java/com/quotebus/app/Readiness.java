package com.quotebus.app;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Whether a node serves: one named check per part of each role it runs (calculators live, gateway listening,
 * services registered, collector fed), combined into a {@link Report} for {@code /health/ready}, {@code /status}
 * and the start banner. A draining node is never ready.
 *
 * <p>Checks are asynchronous so that each reads its state where it lives (a calculator on its own event loop)
 * and never blocks the caller; a check that fails or does not answer within {@link #CHECK_TIMEOUT_MS} counts as
 * not ready, with the reason as its detail. Evaluate from any thread.
 */
public final class Readiness {
    /** A check that has not answered after this long counts as not ready (its loop is busy or blocked). */
    static final long CHECK_TIMEOUT_MS = 1_000;

    /** The state of one check; {@code detail} says what it saw, in a few words. */
    public record State(boolean ready, String detail) {
        public static State ready(String detail) {
            return new State(true, detail);
        }

        public static State notReady(String detail) {
            return new State(false, detail);
        }

        JsonObject toJson() {
            return new JsonObject().put("ready", ready).put("detail", detail);
        }
    }

    /**
     * One check. Must not block: read local state and answer at once, or ask another event loop and answer by the
     * returned future.
     */
    @FunctionalInterface
    public interface Check {
        Future<State> evaluate();
    }

    /**
     * The node's readiness at one moment.
     *
     * @param draining whether the node is stopping (then never ready)
     * @param checks   every check's state, in the order they were added
     */
    public record Report(boolean draining, Map<String, State> checks) {
        /** Not draining, and every check ready. */
        public boolean ready() {
            return !draining && checks.values().stream().allMatch(State::ready);
        }

        /** {@code UP} when ready, {@code DRAINING} while stopping, else {@code NOT_READY}. */
        public String status() {
            return draining ? "DRAINING" : ready() ? "UP" : "NOT_READY";
        }

        /** The checks that are not ready, as {@code name (detail)}, comma-separated; empty when none. */
        public String notReady() {
            List<String> out = new ArrayList<>();
            checks.forEach((name, s) -> {
                if (!s.ready()) {
                    out.add(name + " (" + s.detail() + ")");
                }
            });
            return String.join(", ", out);
        }

        /** {@code {"status": …, "ready": …, "checks": {name: {"ready": …, "detail": …}, …}}}. */
        public JsonObject toJson() {
            JsonObject c = new JsonObject();
            checks.forEach((name, s) -> c.put(name, s.toJson()));
            return new JsonObject().put("status", status()).put("ready", ready()).put("checks", c);
        }
    }

    private final Vertx vertx;
    private final BooleanSupplier draining;
    private final Map<String, Check> checks = new LinkedHashMap<>();

    /**
     * @param draining whether the node is stopping; read at each evaluation
     */
    public Readiness(Vertx vertx, BooleanSupplier draining) {
        this.vertx = vertx;
        this.draining = draining;
    }

    /** Adds a check (names are unique; a second one of the same name replaces the first). Add before evaluating. */
    public Readiness add(String name, Check check) {
        checks.put(name, check);
        return this;
    }

    /** Evaluates every check at once; completes when all have answered or timed out, never fails. */
    public Future<Report> evaluate() {
        List<String> names = new ArrayList<>(checks.keySet());
        List<Future<State>> states = new ArrayList<>(names.size());
        for (String name : names) {
            states.add(bounded(checks.get(name)));
        }
        return Future.join(states).transform(ar -> {
            Map<String, State> out = new LinkedHashMap<>();
            for (int i = 0; i < names.size(); i++) {
                out.put(names.get(i), states.get(i).result());
            }
            return Future.succeededFuture(new Report(draining.getAsBoolean(), out));
        });
    }

    /** The check's answer, or "not ready" with the reason when it throws, fails or does not answer in time. */
    private Future<State> bounded(Check check) {
        Promise<State> p = Promise.promise();
        Future<State> f;
        try {
            f = check.evaluate();
        } catch (RuntimeException e) {
            f = Future.failedFuture(e);
        }
        if (f.isComplete()) {
            return Future.succeededFuture(f.succeeded() ? f.result() : State.notReady("check failed: " + f.cause()));
        }
        long timer = vertx.setTimer(CHECK_TIMEOUT_MS,
                t -> p.tryComplete(State.notReady("no answer within " + CHECK_TIMEOUT_MS + " ms")));
        f.onComplete(ar -> {
            vertx.cancelTimer(timer);
            p.tryComplete(ar.succeeded() ? ar.result() : State.notReady("check failed: " + ar.cause()));
        });
        return p.future();
    }

    /**
     * Evaluates every {@code pollMs} (the next evaluation starts only after the previous one answered) until the
     * node is ready, and completes then with that report; fails when the node starts draining first. Every
     * {@code reportEveryMs} without readiness, {@code report} gets the latest report (to log what is still not
     * ready), and polling goes on.
     */
    public Future<Report> awaitReady(long pollMs, long reportEveryMs, Consumer<Report> report) {
        Promise<Report> ready = Promise.promise();
        poll(ready, pollMs, reportEveryMs, System.nanoTime() + reportEveryMs * 1_000_000L, report);
        return ready.future();
    }

    private void poll(Promise<Report> ready, long pollMs, long reportEveryMs, long nextReport, Consumer<Report> report) {
        evaluate().onComplete(ar -> {
            Report r = ar.result();
            if (r.ready()) {
                ready.tryComplete(r);
                return;
            }
            if (r.draining()) {
                ready.tryFail("the node is stopping before it was ready");
                return;
            }
            long now = System.nanoTime();
            long next = nextReport;
            if (now - nextReport >= 0) {
                report.accept(r);
                next = now + reportEveryMs * 1_000_000L;
            }
            long following = next;
            vertx.setTimer(pollMs, t -> poll(ready, pollMs, reportEveryMs, following, report));
        });
    }
}
