package com.quotebus.it;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a raw bridge client sees of {@code tick.<code>} streams, frame by frame, with no gap filling and no
 * resync: per address, in arrival order,
 * <ul>
 *   <li>a <b>gap</b> = seqs skipped between a message and the highest seq received before it ({@code seq > last + 1}
 *   adds {@code seq - last - 1}); a message that fills such a hole later is counted as out-of-order, not as a
 *   repair — a raw client that drops {@code seq <= last} has lost it;</li>
 *   <li>a <b>duplicate</b> = a seq received before; a <b>conflict</b> = a duplicate whose time, price or qty
 *   differs (two different trades with one seq);</li>
 *   <li><b>out-of-order</b> = a seq not received before but lower than the highest received;</li>
 *   <li>a day roll: seq 1 again (and a {@code time} more than two hours from the first seq 1's, when one was
 *   seen) starts a new day for the address — seqs are per trading day;</li>
 *   <li>gap markers ({@code gap: true}, slow consumer) and resync markers are counted, not checked.</li>
 * </ul>
 * Each gap, duplicate and out-of-order arrival is kept with its time, so a test can tell which fault caused it.
 */
final class StreamSeqs {
    /** One anomaly: when (epoch ms, arrival), where, what ("gap", "duplicate", "out-of-order"), how many seqs. */
    record Anomaly(long at, String address, String kind, long seq, long count) {}

    private static final long ROLL_MIN_MS = 2 * 3_600_000L;

    private static final class Address {
        long last = -1;
        long first = Long.MAX_VALUE;
        long holesOfPastDays;
        long firstSeqOneTime = Long.MIN_VALUE;
        /** seq → content (time/price/qty) of the current day. */
        final Map<Long, String> seen = new HashMap<>();
        long received;
        long lastArrival;

        /** Seqs of the current day between the first and the highest received that never arrived. */
        long holes() {
            return last < 0 ? 0 : last - first + 1 - seen.size();
        }
    }

    private final Map<String, Address> streams = new HashMap<>();
    private final List<Anomaly> anomalies = new ArrayList<>();
    private long received;
    private long gapMarkers;
    private long resyncMarkers;
    private long dayRolls;

    /** Registers {@code tick.<code>} for each code on {@code client} (the client's push handler is replaced). */
    void subscribe(BridgeClient client, List<String> codes) throws IOException {
        synchronized (this) {
            codes.forEach(c -> streams.putIfAbsent("tick." + c, new Address()));
        }
        client.onPush(this::onPush);
        for (String c : codes) {
            client.register("tick." + c);
        }
    }

    private synchronized void onPush(String address, JsonObject frame) {
        if (address == null || !address.startsWith("tick.")) {
            return;
        }
        long now = System.currentTimeMillis();
        JsonObject headers = frame.getJsonObject("headers", new JsonObject());
        JsonObject body = frame.getJsonObject("body");
        if ("true".equals(String.valueOf(headers.getValue("gap"))) || body != null && body.getBoolean("gap", false)) {
            gapMarkers++;
            return;
        }
        if ("true".equals(String.valueOf(headers.getValue("resync"))) || body != null && body.getBoolean("resync", false)) {
            resyncMarkers++;
            return;
        }
        if (body == null || !body.containsKey("seq")) {
            return;
        }
        long seq = body.getLong("seq");
        long time = body.getLong("time", 0L);
        Address a = streams.computeIfAbsent(address, k -> new Address());
        received++;
        a.received++;
        a.lastArrival = now;
        if (seq == 1 && a.last > 1 && (a.firstSeqOneTime == Long.MIN_VALUE
                || Math.abs(time - a.firstSeqOneTime) > ROLL_MIN_MS)) {
            dayRolls++;
            a.holesOfPastDays += a.holes();
            a.seen.clear();
            a.last = -1;
            a.first = Long.MAX_VALUE;
        }
        if (seq == 1 && !a.seen.containsKey(1L)) {
            a.firstSeqOneTime = time;
        }
        a.first = Math.min(a.first, seq);
        String content = time + "/" + body.getValue("price") + "/" + body.getValue("qty");
        String before = a.seen.putIfAbsent(seq, content);
        if (before != null) {
            anomalies.add(new Anomaly(now, address, "duplicate", seq, 1));
            if (!before.equals(content)) {
                anomalies.add(new Anomaly(now, address, "conflict", seq, 1));
            }
            return;
        }
        if (a.last >= 0 && seq < a.last) {
            anomalies.add(new Anomaly(now, address, "out-of-order", seq, 1));
            return;
        }
        if (a.last >= 0 && seq > a.last + 1) {
            anomalies.add(new Anomaly(now, address, "gap", seq, seq - a.last - 1));
        }
        a.last = seq;
    }

    private synchronized long sum(String kind) {
        return anomalies.stream().filter(x -> x.kind().equals(kind)).mapToLong(Anomaly::count).sum();
    }

    /** Seqs skipped, over all addresses. */
    long gaps() {
        return sum("gap");
    }

    /**
     * Seqs that never arrived at all (between the first and the highest received, per address and day): the
     * gaps less what came later out of order.
     */
    synchronized long neverReceived() {
        return streams.values().stream().mapToLong(a -> a.holesOfPastDays + a.holes()).sum();
    }

    /** Places where seqs were skipped (one per jump). */
    synchronized long gapEvents() {
        return anomalies.stream().filter(x -> x.kind().equals("gap")).count();
    }

    long duplicates() {
        return sum("duplicate");
    }

    /** Duplicates whose content (time, price, qty) differs from the first message with that seq: never allowed. */
    long conflicts() {
        return sum("conflict");
    }

    long outOfOrder() {
        return sum("out-of-order");
    }

    synchronized List<Anomaly> anomalies() {
        return List.copyOf(anomalies);
    }

    /** Seqs skipped, duplicated or out of order that arrived in [from, to). */
    synchronized long count(String kind, long from, long to) {
        return anomalies.stream().filter(x -> x.kind().equals(kind) && x.at() >= from && x.at() < to)
                .mapToLong(Anomaly::count).sum();
    }

    synchronized long received() {
        return received;
    }

    /** Messages received per address. */
    synchronized Map<String, Long> receivedPerAddress() {
        Map<String, Long> out = new HashMap<>();
        streams.forEach((k, v) -> out.put(k, v.received));
        return out;
    }

    /** Addresses with no message after {@code from}. */
    synchronized List<String> silentSince(long from) {
        return streams.entrySet().stream().filter(e -> e.getValue().lastArrival < from).map(Map.Entry::getKey)
                .sorted().toList();
    }

    synchronized long gapMarkers() {
        return gapMarkers;
    }

    synchronized long resyncMarkers() {
        return resyncMarkers;
    }

    synchronized long dayRolls() {
        return dayRolls;
    }
}
