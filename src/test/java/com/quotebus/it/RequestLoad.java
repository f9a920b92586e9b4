package com.quotebus.it;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Steady query load through the gateway: {@code svc.ticks {code, count: 1}} for each code in turn, one at a
 * time, every {@code intervalMs}; every outcome is kept with the instance that answered (reply header
 * {@code instance}) so a test can see where each code was served and which requests failed, when.
 */
final class RequestLoad implements AutoCloseable {
    /** One request: when it was sent, how long it took, which instance answered or what failed. */
    record Outcome(long sentAt, long tookMs, String code, String instance, String error) {
        boolean ok() {
            return error == null;
        }
    }

    private final BridgeClient client;
    private final List<String> codes;
    private final long intervalMs;
    private final List<Outcome> outcomes = new CopyOnWriteArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    RequestLoad(BridgeClient client, List<String> codes, long intervalMs) {
        this.client = client;
        this.codes = List.copyOf(codes);
        this.intervalMs = intervalMs;
        this.thread = new Thread(this::run, "request-load");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    static Outcome once(BridgeClient client, String code) {
        long sent = System.currentTimeMillis();
        JsonObject frame;
        try {
            frame = client.request("svc.ticks", new JsonObject().put("code", code).put("count", 1), 5_000)
                    .get(8, TimeUnit.SECONDS);
        } catch (Exception e) {
            return new Outcome(sent, System.currentTimeMillis() - sent, code, null, "client: " + e);
        }
        long took = System.currentTimeMillis() - sent;
        if ("err".equals(frame.getString("type"))) {
            return new Outcome(sent, took, code, null, frame.getInteger("failureCode") + " " + frame.getString("message"));
        }
        JsonObject headers = frame.getJsonObject("headers", new JsonObject());
        return new Outcome(sent, took, code, headers.getString("instance"), null);
    }

    private void run() {
        int i = 0;
        while (running) {
            outcomes.add(once(client, codes.get(i++ % codes.size())));
            try {
                Thread.sleep(intervalMs);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    List<Outcome> outcomes() {
        return new ArrayList<>(outcomes);
    }

    List<Outcome> failures() {
        return outcomes.stream().filter(o -> !o.ok()).toList();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(10_000);
    }
}
