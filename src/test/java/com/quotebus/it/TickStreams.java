package com.quotebus.it;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * What a client sees of {@code tick.<code>} streams: every seq with its content (time, price, qty), duplicates
 * (same seq again — dropped, as a client must), conflicts (same seq, different content — must never happen),
 * arrival times (for the client-visible gap), and a resync that fills seq holes from {@code svc.ticks} the way
 * docs/sessions.md tells clients to.
 */
final class TickStreams {
    /** One delivered push: when, which code, which seq. */
    record Arrival(long at, String code, long seq) {}

    private final Map<String, TreeMap<Long, String>> seen = new HashMap<>();
    private final List<Arrival> arrivals = new ArrayList<>();
    private long duplicates;
    private long conflicts;
    private long filledByResync;
    private final List<String> conflictSamples = new ArrayList<>();

    void subscribe(BridgeClient client, List<String> codes) throws IOException {
        synchronized (this) {
            codes.forEach(c -> seen.putIfAbsent(c, new TreeMap<>()));
        }
        client.onPush(this::onPush);
        for (String c : codes) {
            client.register("tick." + c);
        }
    }

    /** Receives this client's pushes without registering (a resumed session's subscriptions come back). */
    void listen(BridgeClient client) {
        client.onPush(this::onPush);
    }

    /** The highest seq received per address ({@code tick.<code>}), for a resume request's {@code seqs}. */
    synchronized JsonObject lastSeqs() {
        JsonObject out = new JsonObject();
        seen.forEach((code, m) -> {
            if (!m.isEmpty()) {
                out.put("tick." + code, m.lastKey());
            }
        });
        return out;
    }

    private synchronized void onPush(String address, JsonObject frame) {
        if (address == null || !address.startsWith("tick.")) {
            return;
        }
        JsonObject b = frame.getJsonObject("body");
        if (b == null || !b.containsKey("seq")) {
            return; // gap marker or resync notice: the holes are found and filled below
        }
        String code = address.substring(5);
        long seq = b.getLong("seq");
        arrivals.add(new Arrival(System.currentTimeMillis(), code, seq));
        record(code, seq, b.getLong("time") + "/" + b.getLong("price") + "/" + b.getLong("qty"));
    }

    private void record(String code, long seq, String content) {
        String before = seen.computeIfAbsent(code, c -> new TreeMap<>()).putIfAbsent(seq, content);
        if (before != null) {
            duplicates++;
            if (!before.equals(content)) {
                conflicts++;
                if (conflictSamples.size() < 5) {
                    conflictSamples.add(code + " seq " + seq + ": " + before + " vs " + content);
                }
            }
        }
    }

    /** Holes (missing seqs) between the first and the last seq seen per code. */
    synchronized long missing() {
        long n = 0;
        for (TreeMap<Long, String> m : seen.values()) {
            if (!m.isEmpty()) {
                n += m.lastKey() - m.firstKey() + 1 - m.size();
            }
        }
        return n;
    }

    /** Asks {@code svc.ticks} for every hole (pages of up to 1000 before the seq after the hole). */
    void resync(BridgeClient client) throws Exception {
        Map<String, List<long[]>> holes = new HashMap<>();
        synchronized (this) {
            for (var e : seen.entrySet()) {
                Long prev = null;
                for (long s : e.getValue().keySet()) {
                    if (prev != null && s > prev + 1) {
                        holes.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new long[] {prev + 1, s - 1});
                    }
                    prev = s;
                }
            }
        }
        for (var e : holes.entrySet()) {
            for (long[] h : e.getValue()) {
                long before = h[1] + 1;
                while (before > h[0]) {
                    int count = (int) Math.min(1000, before - h[0]);
                    JsonObject reply = client.request("svc.ticks", new JsonObject().put("code", e.getKey())
                            .put("count", count).put("beforeSeq", before), 5_000).get(8, TimeUnit.SECONDS);
                    JsonObject body = reply.getJsonObject("body");
                    if (body == null) {
                        throw new AssertionError("resync of " + e.getKey() + " failed: " + reply.encode());
                    }
                    JsonArray rows = body.getJsonArray("ticks");
                    if (rows.isEmpty()) {
                        break;
                    }
                    long lowest = Long.MAX_VALUE;
                    synchronized (this) {
                        for (int i = 0; i < rows.size(); i++) {
                            JsonArray r = rows.getJsonArray(i);
                            long seq = r.getLong(0);
                            lowest = Math.min(lowest, seq);
                            boolean fresh = !seen.get(e.getKey()).containsKey(seq);
                            record(e.getKey(), seq, r.getLong(1) + "/" + r.getLong(2) + "/" + r.getLong(3));
                            if (fresh) {
                                filledByResync++;
                            }
                        }
                    }
                    before = lowest;
                }
            }
        }
    }

    /** Longest time between two consecutive arrivals (any code) within [from, to]. */
    synchronized long longestGap(long from, long to) {
        long last = -1;
        long gap = 0;
        for (Arrival a : arrivals) {
            if (a.at() < from || a.at() > to) {
                continue;
            }
            if (last >= 0) {
                gap = Math.max(gap, a.at() - last);
            }
            last = a.at();
        }
        return gap;
    }

    /** Arrivals of {@code code} after {@code from}. */
    synchronized long arrivalsAfter(String code, long from) {
        return arrivals.stream().filter(a -> a.code().equals(code) && a.at() > from).count();
    }

    /** Time of the first arrival after {@code from}, or -1. */
    synchronized long firstArrivalAfter(long from) {
        return arrivals.stream().mapToLong(Arrival::at).filter(t -> t > from).min().orElse(-1);
    }

    synchronized long arrivalsAfter(long from) {
        return arrivals.stream().filter(a -> a.at() > from).count();
    }

    synchronized long duplicates() {
        return duplicates;
    }

    synchronized long conflicts() {
        return conflicts;
    }

    synchronized List<String> conflictSamples() {
        return List.copyOf(conflictSamples);
    }

    synchronized long filledByResync() {
        return filledByResync;
    }

    synchronized long received() {
        return seen.values().stream().mapToLong(TreeMap::size).sum();
    }
}
