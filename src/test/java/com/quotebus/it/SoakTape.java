package com.quotebus.it;

import com.quotebus.it.checker.MarketCalendar;
import com.quotebus.it.checker.Tick;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Everything a raw bridge client received for the soak test, per code and trading day (the day by the
 * checker's own trading-day rule): every {@code tick.*} push with its seq (and the ticks fetched from
 * {@code svc.ticks} for the minutes before the subscription), the quotes ({@code quote.*}: count, the latest,
 * the first in phase E), the last closed version of every {@code kline.1m.*} bar, and the 分价 table as the
 * {@code pricevol.*} pushes (changed rows) leave it. Ticks are kept in
 * primitive arrays (≈ 45 bytes each) so that a whole day of the full market fits the test JVM.
 */
final class SoakTape {
    /** The ticks of one code and day in arrival order; {@link #analyse()} orders them by seq. */
    static final class DayTicks {
        private long[] seq = new long[64];
        private long[] time = new long[64];
        private long[] price = new long[64];
        private long[] qty = new long[64];
        private long[] amount = new long[64];
        private byte[] side = new byte[64];
        private boolean[] pushed = new boolean[64];
        private int n;

        void add(long s, long t, long p, long q, long a, char sd, boolean push) {
            if (n == seq.length) {
                int c = n + (n >> 1);
                seq = Arrays.copyOf(seq, c);
                time = Arrays.copyOf(time, c);
                price = Arrays.copyOf(price, c);
                qty = Arrays.copyOf(qty, c);
                amount = Arrays.copyOf(amount, c);
                side = Arrays.copyOf(side, c);
                pushed = Arrays.copyOf(pushed, c);
            }
            seq[n] = s;
            time[n] = t;
            price[n] = p;
            qty[n] = q;
            amount[n] = a;
            side[n] = (byte) sd;
            pushed[n] = push;
            n++;
        }

        int size() {
            return n;
        }

        long lowestSeq() {
            long low = Long.MAX_VALUE;
            for (int i = 0; i < n; i++) {
                low = Math.min(low, seq[i]);
            }
            return low;
        }

        /** The tape by seq (each seq once), and what was wrong with the record. */
        Analysis analyse() {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(seq[a], seq[b]));
            List<Tick> ticks = new ArrayList<>(n);
            long duplicatePushes = 0;
            long conflicts = 0;
            String conflictSample = null;
            int prev = -1;
            boolean prevPushed = false;
            for (int i : order) {
                if (prev >= 0 && seq[prev] == seq[i]) {
                    boolean same = time[prev] == time[i] && price[prev] == price[i] && qty[prev] == qty[i]
                            && amount[prev] == amount[i];
                    if (!same) {
                        conflicts++;
                        conflictSample = "seq " + seq[i] + ": " + price[prev] + "×" + qty[prev] + " vs " + price[i] + "×"
                                + qty[i];
                    }
                    if (prevPushed && pushed[i]) {
                        duplicatePushes++;
                    }
                    prevPushed |= pushed[i];
                    continue;
                }
                ticks.add(new Tick(seq[i], time[i], price[i], qty[i], amount[i], (char) side[i]));
                prev = i;
                prevPushed = pushed[i];
            }
            long first = ticks.isEmpty() ? 0 : ticks.get(0).seq();
            long last = ticks.isEmpty() ? 0 : ticks.get(ticks.size() - 1).seq();
            long missing = ticks.isEmpty() ? 0 : last - ticks.size();
            return new Analysis(ticks, first, last, missing, duplicatePushes, conflicts, conflictSample);
        }
    }

    /**
     * @param ticks           the tape, one tick per seq, in seq order
     * @param missing         seqs in 1..last that never arrived (the tape must start at 1)
     * @param duplicatePushes the same seq pushed twice
     * @param conflicts       the same seq with different contents
     */
    record Analysis(List<Tick> ticks, long firstSeq, long lastSeq, long missing, long duplicatePushes, long conflicts,
                    String conflictSample) {}

    /** What one code received. Guarded by itself. */
    static final class CodeLog {
        final String code;
        final Map<LocalDate, DayTicks> ticks = new TreeMap<>();
        final Map<LocalDate, JsonObject> lastQuote = new TreeMap<>();
        final Map<LocalDate, JsonObject> closingQuote = new TreeMap<>();
        final Map<LocalDate, long[]> quotes = new TreeMap<>();
        /** day → bar end → [end, open, high, low, close, volume, turnover, start] of the last closed push. */
        final Map<LocalDate, TreeMap<Long, long[]>> closed1m = new TreeMap<>();
        /** day → price → [price, volume, buy, sell, trades]: the 分价 as the pushes left it (rows replace rows). */
        final Map<LocalDate, TreeMap<Long, long[]>> pricevol = new TreeMap<>();
        /** day → the latest pushed dayVolume. */
        final Map<LocalDate, Long> pricevolDayVolume = new TreeMap<>();
        long correctedPushes;
        long resynced;

        CodeLog(String code) {
            this.code = code;
        }

        synchronized DayTicks day(LocalDate d) {
            return ticks.computeIfAbsent(d, k -> new DayTicks());
        }

        synchronized int tickCount(LocalDate d) {
            DayTicks t = ticks.get(d);
            return t == null ? 0 : t.size();
        }
    }

    private final MarketCalendar calendar;
    private final Map<String, CodeLog> codes = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong pushes = new java.util.concurrent.atomic.AtomicLong();
    private volatile long lastQuoteTime;
    private volatile long lastTickTime;

    SoakTape(MarketCalendar calendar, List<String> all) {
        this.calendar = calendar;
        all.forEach(c -> codes.put(c, new CodeLog(c)));
    }

    CodeLog log(String code) {
        return codes.get(code);
    }

    long pushes() {
        return pushes.get();
    }

    /** Exchange time of the latest tick or quote pushed for any code (how far the pushes trail the market clock). */
    long lastPushTime() {
        return Math.max(lastQuoteTime, lastTickTime);
    }

    /** Subscribes {@code client} to tick, quote and kline.1m of {@code some} codes and records what comes. */
    void subscribe(BridgeClient client, List<String> some) throws java.io.IOException {
        client.onPush(this::onPush);
        for (String c : some) {
            client.register("tick." + c);
            client.register("quote." + c);
            client.register("kline.1m." + c);
            client.register("pricevol." + c);
        }
    }

    private void onPush(String address, JsonObject frame) {
        JsonObject b = frame.getJsonObject("body");
        if (address == null || b == null) {
            return;
        }
        pushes.incrementAndGet();
        if (address.startsWith("tick.")) {
            if (!b.containsKey("seq")) {
                return; // a gap marker: the holes show in the analysis
            }
            CodeLog log = codes.get(address.substring(5));
            long time = b.getLong("time");
            lastTickTime = Math.max(lastTickTime, time);
            synchronized (log) {
                log.day(calendar.tradingDayOf(time)).add(b.getLong("seq"), time, b.getLong("price"), b.getLong("qty"),
                        b.getLong("amount"), b.getString("side", "N").charAt(0), true);
            }
        } else if (address.startsWith("quote.")) {
            CodeLog log = codes.get(address.substring(6));
            if (log == null || !b.containsKey("time")) {
                return;
            }
            long time = b.getLong("time");
            lastQuoteTime = Math.max(lastQuoteTime, time);
            LocalDate day = calendar.tradingDayOf(time);
            synchronized (log) {
                log.lastQuote.put(day, b);
                log.quotes.computeIfAbsent(day, d -> new long[1])[0]++;
                if ("E".equals(b.getString("phase"))) {
                    log.closingQuote.putIfAbsent(day, b);
                }
            }
        } else if (address.startsWith("pricevol.")) {
            CodeLog log = codes.get(address.substring(9));
            if (log == null || !b.containsKey("rows")) {
                return;
            }
            LocalDate day = calendar.tradingDayOf(b.getLong("time"));
            JsonArray rows = b.getJsonArray("rows");
            synchronized (log) {
                TreeMap<Long, long[]> table = log.pricevol.computeIfAbsent(day, d -> new TreeMap<>());
                for (int i = 0; i < rows.size(); i++) {
                    JsonArray r = rows.getJsonArray(i);
                    table.put(r.getLong(0), new long[] {r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3),
                            r.getLong(4)});
                }
                log.pricevolDayVolume.put(day, b.getLong("dayVolume"));
            }
        } else if (address.startsWith("kline.1m.")) {
            CodeLog log = codes.get(address.substring(9));
            if (log == null || !b.getBoolean("closed", false)) {
                return;
            }
            long end = b.getLong("end");
            long[] row = {end, b.getLong("open"), b.getLong("high"), b.getLong("low"), b.getLong("close"),
                    b.getLong("volume"), b.getLong("turnover"), b.getLong("start")};
            synchronized (log) {
                log.closed1m.computeIfAbsent(calendar.tradingDayOf(end), d -> new TreeMap<>()).put(end, row);
                if (b.getBoolean("corrected", false)) {
                    log.correctedPushes++;
                }
            }
        }
    }

    /**
     * Fetches from {@code svc.ticks} the ticks of the current day below the lowest seq received (the minutes
     * before the subscription), so that the day's tape is whole from seq 1.
     */
    void fillFromStart(BridgeClient client, String code, LocalDate day) throws Exception {
        CodeLog log = codes.get(code);
        long before;
        synchronized (log) {
            DayTicks t = log.ticks.get(day);
            before = t == null || t.size() == 0 ? Long.MAX_VALUE : t.lowestSeq();
        }
        while (before > 1) {
            JsonObject req = new JsonObject().put("code", code).put("count", 1000);
            if (before != Long.MAX_VALUE) {
                req.put("beforeSeq", before);
            }
            JsonObject reply = client.request("svc.ticks", req, 5_000).get(10, java.util.concurrent.TimeUnit.SECONDS);
            JsonObject body = reply.getJsonObject("body");
            if (body == null) {
                throw new AssertionError("svc.ticks " + code + " failed: " + reply.encode());
            }
            JsonArray rows = body.getJsonArray("ticks");
            if (rows.isEmpty()) {
                return;
            }
            long lowest = Long.MAX_VALUE;
            synchronized (log) {
                for (int i = 0; i < rows.size(); i++) {
                    JsonArray r = rows.getJsonArray(i);
                    long time = r.getLong(1);
                    if (!calendar.tradingDayOf(time).equals(day)) {
                        continue;
                    }
                    log.day(day).add(r.getLong(0), time, r.getLong(2), r.getLong(3), r.getLong(4),
                            r.getString(5).charAt(0), false);
                    log.resynced++;
                    lowest = Math.min(lowest, r.getLong(0));
                }
            }
            if (lowest == Long.MAX_VALUE || lowest >= before) {
                return;
            }
            before = lowest;
        }
    }
}
