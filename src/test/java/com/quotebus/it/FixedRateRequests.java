package com.quotebus.it;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Open-loop request load: one request every {@code 1000 / ratePerSecond} ms whatever the replies do (unlike
 * {@link RequestLoad}, which waits for each reply), through one raw bridge connection. Each request carries a
 * deadline (header {@code timeout}); a reply that has not come {@link #CLIENT_GRACE_MS} after it is recorded as
 * a client-side time-out. Every outcome is kept: send time, latency, the instance that answered (reply header
 * {@code instance}) or the error (failure code, type and the message's name).
 */
final class FixedRateRequests implements AutoCloseable {
    /** How long after its deadline the client gives up on a request that got neither reply nor error. */
    static final long CLIENT_GRACE_MS = 3_000;

    /** One request. {@code error} null = answered; {@code doneAt} = when the reply or the error came. */
    record Outcome(long index, long sentAt, long doneAt, long latencyMs, String code, String instance, String error) {
        boolean ok() {
            return error == null;
        }
    }

    private final BridgeClient client;
    private final String address;
    private final List<String> codes;
    private final Function<String, JsonObject> body;
    private final long deadlineMs;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fixed-rate-requests");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicLong next = new AtomicLong();
    private ScheduledFuture<?> schedule;

    /**
     * @param body the request body for a code
     * @param deadlineMs the request's deadline (header {@code timeout}), i.e. what the gateway has to answer in
     */
    FixedRateRequests(BridgeClient client, String address, List<String> codes, Function<String, JsonObject> body,
                      long deadlineMs) {
        this.client = client;
        this.address = address;
        this.codes = List.copyOf(codes);
        this.body = body;
        this.deadlineMs = deadlineMs;
    }

    /** Starts sending {@code ratePerSecond} requests a second, the codes in turn. */
    void start(int ratePerSecond) {
        long periodMicros = 1_000_000L / ratePerSecond;
        schedule = timer.scheduleAtFixedRate(this::sendOne, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    private void sendOne() {
        long index = next.getAndIncrement();
        String code = codes.get((int) (index % codes.size()));
        long sentAt = System.currentTimeMillis();
        long t0 = System.nanoTime();
        CompletableFuture<JsonObject> f = client.request(address, body.apply(code), deadlineMs)
                .orTimeout(deadlineMs + CLIENT_GRACE_MS, TimeUnit.MILLISECONDS);
        f.handle((frame, failure) -> {
            long latency = (System.nanoTime() - t0) / 1_000_000;
            long doneAt = System.currentTimeMillis();
            if (failure != null) {
                String what = failure instanceof java.util.concurrent.TimeoutException
                        ? "client: no answer " + (deadlineMs + CLIENT_GRACE_MS) + " ms after sending"
                        : "client: " + failure.getClass().getSimpleName() + " " + failure.getMessage();
                outcomes.add(new Outcome(index, sentAt, doneAt, latency, code, null, what));
            } else if ("err".equals(frame.getString("type"))) {
                outcomes.add(new Outcome(index, sentAt, doneAt, latency, code, null, errorKey(frame)));
            } else {
                JsonObject headers = frame.getJsonObject("headers", new JsonObject());
                outcomes.add(new Outcome(index, sentAt, doneAt, latency, code, headers.getString("instance"), null));
            }
            return null;
        });
    }

    /** {@code "<failureCode> <failureType> <message up to its first ':'>"}, e.g. {@code 503 NO_HANDLERS ...}. */
    static String errorKey(JsonObject err) {
        String message = err.getString("message", "");
        int colon = message.indexOf(':');
        String name = colon < 0 ? message : message.substring(0, colon);
        if (name.length() > 60) {
            name = name.substring(0, 60);
        }
        // numbers in messages (e.g. "Timed out after waiting 368(ms)") would make every failure its own kind
        return err.getValue("failureCode") + " " + err.getString("failureType", "-") + " " + name.replaceAll("\\d+", "N");
    }

    /** Every outcome so far, in send order. */
    List<Outcome> outcomes() {
        List<Outcome> all = new ArrayList<>(outcomes);
        all.sort(Comparator.comparingLong(Outcome::index));
        return all;
    }

    /** Requests sent so far. */
    long sent() {
        return next.get();
    }

    /** Stops sending and waits (at most deadline + grace) until every request sent has an outcome. */
    @Override
    public void close() throws InterruptedException {
        if (schedule != null) {
            schedule.cancel(false);
        }
        timer.shutdown();
        timer.awaitTermination(5, TimeUnit.SECONDS);
        long end = System.currentTimeMillis() + deadlineMs + CLIENT_GRACE_MS + 2_000;
        while (outcomes.size() < next.get() && System.currentTimeMillis() < end) {
            Thread.sleep(50);
        }
    }
}
