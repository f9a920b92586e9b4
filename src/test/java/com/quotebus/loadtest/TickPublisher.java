package com.quotebus.loadtest;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Fake market-data publisher: publishes on {@code prefix + 0 … prefix + (addresses-1)} for each of the
 * comma-separated prefixes (an event goes to every prefix of its address at once, as a trade updates a
 * symbol's tick, quote and bar together; all carry the event's {@code s}), {@code rate} events per second
 * per address, open loop (1 ms slots, {@link OpenLoopSchedule}); addresses take
 * turns so each gets an even share. Each body carries the planned time {@code t} ({@link Stamp}), the
 * time it was actually published {@code a} (later than {@code t} when this thread's timer ran late), a
 * per-address sequence {@code s} (1, 2, 3 …; a client that sees a jump has lost messages) and
 * padding {@code p} so that the frame a client receives is about {@code bytes} long.
 */
final class TickPublisher {
    private static final String BODY_TEMPLATE = "{\"t\":1000000000000000,\"a\":1000000000000000,\"s\":100000,\"p\":\"\"}";
    private static final int ENVELOPE = 70; // {"type":"message","address":…,"headers":{},"body":…,"send":false}
    /** Per address index, the addresses one event goes to (one per prefix). */
    private final String[][] targets;
    /** The longest address name: frames are padded to about {@code bytes} for it. */
    private final int longestAddress;
    private final long[] seq;
    private final double totalRate;
    private final String pad;
    private Vertx vertx;
    private OpenLoopSchedule schedule;
    private long timer = -1;
    private int cursor;
    private volatile long published;
    private volatile long maxLagNanos;

    TickPublisher(String prefix, int addressCount, double ratePerAddress, int bytes) {
        if (addressCount < 1 || ratePerAddress <= 0 || bytes < 0) {
            throw new IllegalArgumentException("addresses >= 1, rate > 0, bytes >= 0 required");
        }
        String[] prefixes = prefix.split(",");
        this.targets = new String[addressCount][prefixes.length];
        int longest = 0;
        for (int i = 0; i < addressCount; i++) {
            for (int j = 0; j < prefixes.length; j++) {
                targets[i][j] = prefixes[j] + i;
                longest = Math.max(longest, targets[i][j].length());
            }
        }
        this.longestAddress = longest;
        this.seq = new long[addressCount];
        this.totalRate = ratePerAddress * addressCount;
        this.pad = "x".repeat(Math.max(0, bytes - ENVELOPE - BODY_TEMPLATE.length() - longest));
    }

    int frameBytesEstimate() {
        return ENVELOPE + longestAddress + BODY_TEMPLATE.length() + pad.length();
    }

    long published() {
        return published;
    }

    long maxLagNanos() {
        return maxLagNanos;
    }

    /** Starts publishing from the calling context (its timer runs there). */
    void start(Vertx vertx) {
        this.vertx = vertx;
        schedule = new OpenLoopSchedule(System.nanoTime(), totalRate, 0);
        timer = vertx.setPeriodic(1, id -> tick());
    }

    void stop() {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
            timer = -1;
        }
    }

    private void tick() {
        long now = System.nanoTime();
        long from = schedule.nextSlot();
        long to = schedule.dueSlotsUntil(now);
        long n = published;
        var bus = vertx.eventBus();
        for (long k = from; k < to; k++) {
            int due = schedule.dueIn(k);
            if (due == 0) {
                continue;
            }
            long stamp = Stamp.of(schedule.plannedNanos(k));
            for (int i = 0; i < due; i++) {
                int a = cursor;
                cursor = cursor + 1 == targets.length ? 0 : cursor + 1;
                long s = ++seq[a];
                for (String target : targets[a]) {
                    bus.publish(target, new JsonObject().put("t", stamp).put("a", Stamp.of(System.nanoTime()))
                            .put("s", s).put("p", pad));
                    n++;
                }
            }
        }
        if (to > from) {
            long lag = now - schedule.plannedNanos(from);
            if (lag > maxLagNanos) {
                maxLagNanos = lag;
            }
        }
        schedule.advanceTo(to);
        published = n;
    }
}
