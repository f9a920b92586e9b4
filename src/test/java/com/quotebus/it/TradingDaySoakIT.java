package com.quotebus.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.it.checker.Bar;
import com.quotebus.it.checker.DaySchedule;
import com.quotebus.it.checker.MarketCalendar;
import com.quotebus.it.checker.Mismatches;
import com.quotebus.it.checker.Recompute;
import com.quotebus.it.checker.Tick;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Soak test of whole trading days (issue 13): one node (all roles, the simulator, a seeded history) runs the
 * simulated market at a high clock speed from the night session that opens trading day 1 through its morning,
 * lunch, closing auction and close, the day roll, the night session of day 2 and day 2's open. A raw bridge
 * client records every {@code tick.*}, {@code quote.*}, {@code kline.1m.*} and {@code pricevol.*} push of every
 * code (and fetches from {@code svc.ticks} what traded before it subscribed); an independent
 * checker ({@code com.quotebus.it.checker}, sharing no code with the system) rebuilds every served view from
 * the recorded tape and compares whole results:
 * <ul>
 *   <li>at day 1's lunch (the morning is final: a state in which the close and the roll play no part);</li>
 *   <li>right after day 1's close: bars of every period (1m…60m, day, and the week and month bars containing
 *   the day, folded from the served history days), the whole 分时 line, 分价 and the closing quote — as served
 *   (分价 and the quote while the node still serves day 1 for the code: they carry no date) and as pushed; and,
 *   as a check of the checker, every view against the tape less the prints the node dropped as late (read off
 *   its 1m bars);</li>
 *   <li>at the end (day 2 ≈ 09:35): day 1's bar again, and day 2's bars, 分时, 分价 and snapshot — in progress,
 *   so the served value must equal the tape cut at some seq that lies between what the client had received
 *   before asking and what it had received after the reply;</li>
 *   <li>the tape itself: per address and day, seqs 1…n without gap or duplicate, restarting at 1 on day 2; the
 *   stocks' 15:00:00.000 closing-auction print is the day's close; futures' closing snapshots carry the
 *   settlement; pushes flow on day 2; {@code /status}: no late prints, no burst of duplicates at the close,
 *   and the calculators' end-of-day reconciliation reports 0 mismatches.</li>
 * </ul>
 * Every difference is counted; the figures are printed as a table, then the test fails if anything differed.
 *
 * <p>Profile (system properties): {@code soak.symbols} (CI 150 A-shares + the two futures), {@code soak.rate}
 * (trades per market second over all symbols, CI 30), {@code soak.speed} (market ms per wall ms, CI 100: rate ×
 * speed is what the node must keep up with; measured in docs/benchmarks.md),
 * {@code soak.lead-minutes} (quiet minutes shown before each session), {@code soak.start-date} (the evening whose
 * night session opens day 1; default Thursday 2026-12-03, so day 1 is a Friday and day 2 the Monday after a
 * weekend night), {@code soak.end-time} (day 2 market time at which the run ends, default 09:35). The full
 * market: docs/benchmarks.md, "Whole-day soak".
 */
class TradingDaySoakIT {
    private static final MarketCalendar CAL = MarketCalendar.shipped();
    private static final List<String> INTRADAY = List.of("1m", "3m", "5m", "15m", "30m", "60m");
    private static final String[] BAR_COLUMNS = {"end", "open", "high", "low", "close", "volume", "turnover", "start",
            "closed"};
    private static final String[] POINT_COLUMNS = {"index", "time", "price", "volume", "turnover", "avg", "blank"};
    private static final String[] PV_COLUMNS = {"price", "volume", "buy", "sell", "trades"};
    private static final String[] QUOTE_COLUMNS = {"volume", "turnover", "trades", "open", "high", "low", "last"};
    private static final int IN_FLIGHT = 128;

    /** What the run simulates and how fast. */
    record Profile(int symbols, int rate, double speed, int leadMinutes, LocalDate startDate, LocalTime endTime) {
        static Profile fromSystemProperties() {
            return new Profile(Integer.getInteger("soak.symbols", 150), Integer.getInteger("soak.rate", 30),
                    Double.parseDouble(System.getProperty("soak.speed", "100")),
                    Integer.getInteger("soak.lead-minutes", 5),
                    LocalDate.parse(System.getProperty("soak.start-date", "2026-12-03")),
                    LocalTime.parse(System.getProperty("soak.end-time", "09:35")));
        }

        List<String> overrides(int httpPort) {
            return List.of("http.port=" + httpPort, "simulator.symbols=" + symbols, "simulator.futures=true",
                    "simulator.rate=" + rate, "simulator.seed-history=true", "clock.speed=" + speedText(),
                    "clock.start-date=" + startDate, "clock.start-time=20:50", "clock.skip-dead-time=true",
                    "clock.lead-minutes=" + leadMinutes,
                    // the recording client must never be the bottleneck: no rate limit, room for every
                    // subscription and a deep backlog, so that a gap in a seq is the server's
                    "access.rate-limit-per-second=1000000", "access.rate-limit-burst=1000000",
                    "access.max-subscriptions-per-connection=100000", "access.write-queue-max-bytes=33554432",
                    "access.stream-backlog-max-frames=1000000", "access.control-backlog-max-frames=100000",
                    "access.max-in-flight-requests-per-connection=4096", "access.idle-timeout-ms=0",
                    "access.max-request-timeout-ms=30000", "access.router.default-timeout-millis=10000",
                    "access.router.per-try-timeout-millis=10000");
        }

        /** The node's settings want "100", not "100.0". */
        String speedText() {
            return speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed);
        }

        /**
         * Market minutes the run covers with dead time skipped: day 1's night (20:55–23:00), morning
         * (09:00–11:30), afternoon (13:00–15:00), day 2's night, day 2's morning to the end time; plus the lead
         * shown before each of those five starts.
         */
        long marketMinutes() {
            return 125 + 150 + 120 + 125 + (endTime.toSecondOfDay() / 60 - 9 * 60) + 5L * leadMinutes;
        }

        /** Wall time allowed for the whole test: the market span at this speed, half again, and 4 minutes. */
        long wallBudgetMs() {
            return (long) (marketMinutes() * 60_000 / speed * 1.5) + 240_000;
        }
    }

    private final Mismatches mismatches = new Mismatches();
    private final Map<String, Object> figures = new LinkedHashMap<>();
    private final List<BridgeClient> clients = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private TestCluster cluster;
    private NodeProcess node;
    private BridgeClient client;
    private SoakTape tape;
    private Map<String, JsonObject> instruments;
    private List<String> codes;
    private int httpPort;
    private long deadline;
    /** Market ms between the clock and the newest push, sampled in day 1's continuous trading. */
    private final List<Long> lags = new ArrayList<>();
    private LocalDate lagDay;
    private long lateInferred;
    private long rolledBeforeCapture;

    @AfterEach
    void cleanUp() {
        clients.forEach(BridgeClient::close);
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.HOURS) // backstop for long profiles; every wait below has the profile's deadline
    void wholeTradingDayTheRollTheNightAndTheNextMorningAreServedAsTheTapeSays() throws Exception {
        long t0 = System.currentTimeMillis();
        Profile p = Profile.fromSystemProperties();
        deadline = t0 + p.wallBudgetMs();
        LocalDate day1 = CAL.tradingDayOf(MarketCalendar.epoch(p.startDate(), 20 * 60 + 50));
        LocalDate day2 = CAL.next(day1);
        DaySchedule stock1 = new DaySchedule("CN_STOCK", day1, CAL);
        long close1 = stock1.close();
        lagDay = day1;

        cluster = new TestCluster("soak", 1);
        int gateway = TestCluster.freePort();
        httpPort = TestCluster.freePort();
        node = cluster.node("soak", 0, "collector,calculator,access",
                cluster.config("soak.conf", TestCluster.sources(cluster.simulatorPort)), gateway, p.overrides(httpPort))
                .awaitUp();
        long up = System.currentTimeMillis();
        client = new BridgeClient(gateway);
        clients.add(client);
        instruments = instruments();
        codes = new ArrayList<>(instruments.keySet());
        tape = new SoakTape(CAL, codes);
        for (int i = 0; i < codes.size(); i += 200) {
            BridgeClient c = new BridgeClient(gateway);
            clients.add(c);
            tape.subscribe(c, codes.subList(i, Math.min(codes.size(), i + 200)));
        }
        Thread.sleep(1_500);
        for (String code : codes) {
            tape.fillFromStart(client, code, day1); // what traded before the subscription
        }
        Map<String, JsonObject> instruments1 = instruments;

        // ---- day 1, lunch: the morning is final
        waitForMarket(MarketCalendar.epoch(day1, 11 * 60 + 31), "day 1 lunch");
        waitForStream(MarketCalendar.epoch(day1, 11 * 60 + 30) + CLOSE_GRACE_MS, "day 1 lunch");
        checkMorning(day1, instruments1);

        // ---- day 1, the close
        JsonObject beforeClose = waitForMarket(MarketCalendar.epoch(day1, 14 * 60 + 58), "day 1 14:58");
        waitForMarket(close1 + 1, "day 1 after the close");
        waitForStream(close1 + CLOSE_GRACE_MS, "day 1 after the close");
        Thread.sleep(Math.max(300, (long) (3_000 / p.speed())));
        Day1 served1 = captureDay1(day1, close1);
        JsonObject afterClose = status();
        checkDay1(day1, served1, instruments1);

        // ---- day 2: the night session and the morning
        waitForMarket(MarketCalendar.epoch(day2, p.endTime().toSecondOfDay() / 60), "day 2 " + p.endTime());
        instruments = instruments();
        checkDay2(day1, day2, served1);
        JsonObject end = status();

        // ---- figures
        long late = sumRejected(end, "late");
        long duplicateAtClose = sumRejected(afterClose, "duplicate") - sumRejected(beforeClose, "duplicate");
        JsonObject recon1 = reconciliation(afterClose);
        JsonObject recon2 = reconciliation(end);
        figures.put("symbols (A-shares + futures)", codes.size());
        figures.put("rate (trades/market s), speed, lead (min)", p.rate() + ", " + p.speedText() + "x, " + p.leadMinutes());
        figures.put("market span (min, dead time skipped)", p.marketMinutes());
        figures.put("node start (s)", (up - t0) / 1000.0);
        figures.put("run time (s)", (System.currentTimeMillis() - t0) / 1000.0);
        figures.put("pushes received", tape.pushes());
        figures.put("ticks day 1 / day 2", tickTotal(day1) + " / " + tickTotal(day2));
        figures.put("ticks fetched from svc.ticks (before subscription)", codes.stream()
                .mapToLong(c -> tape.log(c).resynced).sum());
        figures.put("corrected 1m pushes", codes.stream().mapToLong(c -> tape.log(c).correctedPushes).sum());
        List<Long> sorted = lags.stream().sorted().toList();
        figures.put("pushes behind the market clock, day 1 p50/p99/max (market s)", sorted.isEmpty() ? "-"
                : sorted.get(sorted.size() / 2) / 1000.0 + " / " + sorted.get(sorted.size() * 99 / 100) / 1000.0 + " / "
                + sorted.get(sorted.size() - 1) / 1000.0);
        long feedDrops = node.logText().lines().filter(l -> l.contains("disconnecting slow client")).count();
        figures.put("feed connections dropped as slow (node log)", feedDrops);
        figures.put("late prints inferred from the served 1m bars, day 1", lateInferred);
        figures.put("codes already on day 2 when captured after the close", rolledBeforeCapture);
        figures.put("status rejected late / duplicate / oldDay", late + " / " + sumRejected(end, "duplicate") + " / "
                + sumRejected(end, "oldDay"));
        figures.put("status duplicates across the close", duplicateAtClose);
        figures.put("reconciliation after day 1 (checked/mismatches)", recon1 == null ? "absent"
                : recon1.getLong("checked") + "/" + recon1.getLong("mismatches"));
        figures.put("reconciliation at the end (checked/mismatches)", recon2 == null ? "absent"
                : recon2.getLong("checked") + "/" + recon2.getLong("mismatches") + " " + recon2.getJsonObject("bySymbol"));
        printFigures();

        List<String> failed = new ArrayList<>();
        if (feedDrops > 0) {
            failed.add("the node fell behind the simulated feed (" + feedDrops + " slow-client disconnects): the profile "
                    + "is too fast for this machine, the tape itself is incomplete");
        }
        for (String category : mismatches.categories()) {
            if (mismatches.mismatched(category) > 0) {
                failed.add(category + ": " + mismatches.mismatched(category) + " of " + mismatches.checked(category)
                        + ", e.g. " + mismatches.samples(category).get(0));
            }
        }
        if (late != 0) {
            failed.add("/status rejected.late = " + late + " (prints dropped from bars, 分时 and 分价)");
        }
        if (duplicateAtClose >= codes.size() / 2) {
            failed.add("/status rejected.duplicate rose by " + duplicateAtClose + " across the close ("
                    + codes.size() + " symbols): the close was rejected");
        }
        for (JsonObject r : java.util.Arrays.asList(recon1, recon2)) {
            if (r == null) {
                failed.add("/status has no calculators[].reconciliation after day 1's close");
                break;
            }
            if (r.getLong("mismatches") != 0 || r.getLong("checked") < codes.size()) {
                failed.add("reconciliation: checked " + r.getLong("checked") + " of " + codes.size() + " symbols, "
                        + r.getLong("mismatches") + " mismatches " + r.getJsonObject("bySymbol"));
            }
        }
        assertThat(failed).as("soak of %s–%s (figures above; node log %s)", day1, day2, cluster.dir).isEmpty();
    }

    // ------------------------------------------------------------------ lunch of day 1

    /** Day 1 at lunch: every bar and 分时 point to 11:30 exactly; 分价 and the quote at some seq of the tape. */
    private void checkMorning(LocalDate day1, Map<String, JsonObject> inst) throws Exception {
        long cut = MarketCalendar.epoch(day1, 11 * 60 + 30);
        long noon = MarketCalendar.epoch(day1, 12 * 60);
        Map<String, Integer> before = tickCounts(day1);
        Map<String, JsonObject> pv = askEach("svc.pricevol", c -> new JsonObject().put("code", c));
        Map<String, JsonObject> quotes = snapshots();
        Map<String, Map<String, JsonObject>> bars = new TreeMap<>();
        for (String period : INTRADAY) {
            bars.put(period, askEach("svc.kline", c -> new JsonObject().put("code", c).put("period", period)
                    .put("count", 1000).put("end", cut)));
        }
        Map<String, JsonObject> minutes = askEach("svc.minute", c -> new JsonObject().put("code", c));
        Thread.sleep(1_500); // every tick applied before a reply has been pushed by now
        for (String code : codes) {
            DaySchedule s = schedule(code, day1);
            List<Tick> all = analyse(code, day1, null).ticks();
            List<Tick> morning = all.stream().filter(t -> t.time() < noon).toList();
            for (String period : INTRADAY) {
                List<Bar> expected = Recompute.intraday(s, morning, minutes(period)).stream()
                        .filter(b -> b.end() <= cut).toList();
                compareBars(period + " bars · day 1 morning", code, expected, rows(bars.get(period).get(code), "bars"),
                        s, cut, true);
            }
            JsonObject line = minutes.get(code);
            int last = s.pointOf(cut);
            List<long[]> expectedPoints = Recompute.minuteLine(s, morning, preClose(inst, code), multiplier(inst, code))
                    .subList(0, last + 1);
            comparePoints("分时 · day 1 morning", code, expectedPoints, line == null ? null : line.getJsonArray("points"),
                    last + 1);
            comparePriceVolume("分价 · day 1 lunch (tape prefix)", code, all, pv.get(code), before.get(code), all.size());
            compareQuoteAtItsTime("quote · day 1 lunch", code, all, quotes.get(code), day1);
            comparePushedBars("1m pushes (closed) · day 1 morning", code, day1, Recompute.intraday(s, morning, 1), cut);
        }
    }

    // ------------------------------------------------------------------ the close of day 1

    /** What the node served right after day 1's close (pricevol and quotes first: they are today's only). */
    record Day1(Map<String, JsonObject> pricevol, Map<String, JsonObject> quotes,
                Map<String, Map<String, JsonObject>> bars, Map<String, JsonObject> minutes) {}

    private Day1 captureDay1(LocalDate day1, long close1) throws Exception {
        Map<String, JsonObject> quotes = snapshots();
        Map<String, JsonObject> pv = askEach("svc.pricevol", c -> new JsonObject().put("code", c));
        Map<String, Map<String, JsonObject>> bars = new TreeMap<>();
        for (String period : INTRADAY) {
            bars.put(period, askEach("svc.kline", c -> new JsonObject().put("code", c).put("period", period)
                    .put("count", 1000).put("end", close1)));
        }
        bars.put("day", askEach("svc.kline", c -> new JsonObject().put("code", c).put("period", "day").put("count", 40)
                .put("end", close1)));
        for (String period : List.of("week", "month")) {
            bars.put(period, askEach("svc.kline", c -> new JsonObject().put("code", c).put("period", period)
                    .put("count", 3)));
        }
        Map<String, JsonObject> minutes = askEach("svc.minute", c -> new JsonObject().put("code", c)
                .put("date", day1.toString()));
        return new Day1(pv, quotes, bars, minutes);
    }

    private void checkDay1(LocalDate day1, Day1 served, Map<String, JsonObject> inst) {
        for (String code : codes) {
            DaySchedule s = schedule(code, day1);
            List<Tick> ticks = analyse(code, day1, "tick seqs · day 1").ticks();
            for (String period : INTRADAY) {
                compareBars(period + " bars · day 1", code, Recompute.intraday(s, ticks, minutes(period)),
                        rows(served.bars().get(period).get(code), "bars"), s, Long.MAX_VALUE, true);
            }
            Bar day = Recompute.day(s, ticks);
            JsonArray dayRows = rows(served.bars().get("day").get(code), "bars");
            compareBars("day bar · day 1", code, day == null ? List.of() : List.of(day), dayRows, s, Long.MAX_VALUE, true);
            for (String period : List.of("week", "month")) {
                compareMultiDay(period + " bar · day 1", code, period, day1, s, dayRows, day,
                        rows(served.bars().get(period).get(code), "bars"));
            }
            JsonObject line = served.minutes().get(code);
            comparePoints("分时 · day 1", code, Recompute.minuteLine(s, ticks, preClose(inst, code),
                    multiplier(inst, code)), line == null ? null : line.getJsonArray("points"), s.points());
            if (line != null && !day1.toString().equals(line.getString("day"))) {
                mismatches.record("分时 · day 1", code + ": reply for day " + line.getString("day"));
            }
            // 分价 and the quote have no date: after the roll a node may serve day 2's. What it serves is day 1's
            // only if its quote still is; the pushes of day 1 are checked either way.
            JsonObject quote = served.quotes().get(code);
            boolean stillDay1 = quote != null && CAL.tradingDayOf(quote.getLong("time")).equals(day1);
            if (stillDay1) {
                comparePriceVolume("分价 · day 1", code, ticks, served.pricevol().get(code), ticks.size(), ticks.size());
                compareClosingQuote("closing quote (svc.snapshot) · day 1", code, s, ticks, quote);
            } else {
                rolledBeforeCapture++;
            }
            compareWithAppliedTape(code, s, ticks, served, inst, stillDay1);
            comparePushedPriceVolume("分价 pushes · day 1", code, ticks, day1);
            compareClosingQuote("closing quote (quote push, phase E) · day 1", code, s, ticks,
                    closingQuotePush(code, day1));
            comparePushedBars("1m pushes (closed) · day 1", code, day1, Recompute.intraday(s, ticks, 1), Long.MAX_VALUE);
            checkClosingPrint(code, s, ticks, dayRows);
        }
    }

    /**
     * Diagnosis of the checker itself: the node drops a print that arrives after its minute was closed (counted
     * as {@code rejected.late}), always the last ones of a minute by seq. The served 1m bars tell, minute by
     * minute, how many were kept; the tape less the dropped ones must then give every other served view of the
     * day exactly. Where the node is right (no late print) the applied tape is the tape.
     */
    private void compareWithAppliedTape(String code, DaySchedule s, List<Tick> ticks, Day1 served,
                                        Map<String, JsonObject> inst, boolean pricevolOfDay1) {
        JsonArray oneMinute = rows(served.bars().get("1m").get(code), "bars");
        if (oneMinute == null) {
            return;
        }
        Map<Long, Long> volumeByEnd = new TreeMap<>();
        JsonArray mine = inDay(oneMinute, s);
        for (int i = 0; i < mine.size(); i++) {
            volumeByEnd.put(mine.getJsonArray(i).getLong(0), mine.getJsonArray(i).getLong(5));
        }
        TreeMap<Integer, List<Tick>> bySlot = new TreeMap<>();
        ticks.forEach(t -> bySlot.computeIfAbsent(s.slotOf(t.time()), k -> new ArrayList<>()).add(t));
        java.util.Set<Long> applied = new java.util.HashSet<>();
        for (Map.Entry<Integer, List<Tick>> e : bySlot.entrySet()) {
            List<Tick> minute = e.getValue();
            long end = s.slotEnd(e.getKey());
            int kept = prefix(minute, volumeByEnd.getOrDefault(end, 0L), 0, minute.size());
            mismatches.record("1m bars = tape less a late suffix · day 1", kept >= 0 ? null : code + " "
                    + MarketCalendar.clock(end) + ": served volume " + volumeByEnd.get(end) + " is no cut of the "
                    + minute.size() + " prints of the minute");
            kept = kept < 0 ? minute.size() : kept;
            synchronized (this) {
                lateInferred += minute.size() - kept;
            }
            minute.subList(0, kept).forEach(t -> applied.add(t.seq()));
        }
        List<Tick> tape = ticks.stream().filter(t -> applied.contains(t.seq())).toList();
        String suffix = " · day 1 vs applied tape";
        for (String period : INTRADAY.subList(1, INTRADAY.size())) {
            compareBars(period + " bars" + suffix, code, Recompute.intraday(s, tape, minutes(period)),
                    rows(served.bars().get(period).get(code), "bars"), s, Long.MAX_VALUE, true);
        }
        Bar day = Recompute.day(s, tape);
        compareBars("day bar" + suffix, code, day == null ? List.of() : List.of(day),
                rows(served.bars().get("day").get(code), "bars"), s, Long.MAX_VALUE, true);
        JsonObject line = served.minutes().get(code);
        comparePoints("分时" + suffix, code, Recompute.minuteLine(s, tape, preClose(inst, code), multiplier(inst, code)),
                line == null ? null : line.getJsonArray("points"), s.points());
        if (pricevolOfDay1) {
            comparePriceVolume("分价" + suffix, code, tape, served.pricevol().get(code), tape.size(), tape.size());
        }
    }

    /** A-shares: the 15:00:00.000 closing-auction print (side N) is on the tape and is the day bar's close. */
    private void checkClosingPrint(String code, DaySchedule s, List<Tick> ticks, JsonArray dayRows) {
        boolean stock = "CN_STOCK".equals(s.template());
        Tick print = ticks.stream().filter(t -> t.time() == s.close()).reduce((a, b) -> b).orElse(null);
        String category = stock ? "closing-auction print = close · day 1" : "15:00 futures trade on the tape · day 1";
        if (print == null) {
            mismatches.record(category, code + ": no print at " + MarketCalendar.clock(s.close()) + " on the tape (last: "
                    + (ticks.isEmpty() ? "none" : MarketCalendar.clock(ticks.get(ticks.size() - 1).time())) + ")");
            return;
        }
        long[] served = dayRows == null ? null : rowEnding(dayRows, s.close());
        String diff = null;
        if (stock && print.side() != 'N') {
            diff = "print side " + print.side();
        } else if (served == null) {
            diff = "no day bar served";
        } else if (served[4] != print.price()) {
            diff = "day close " + served[4] + " ≠ print " + print.price();
        }
        mismatches.record(category, diff == null ? null : code + ": " + diff);
    }

    private JsonObject closingQuotePush(String code, LocalDate day) {
        SoakTape.CodeLog log = tape.log(code);
        synchronized (log) {
            return log.closingQuote.get(day);
        }
    }

    /** The 分价 table the day's pushes left: every row and the day volume equal the whole tape's. */
    private void comparePushedPriceVolume(String category, String code, List<Tick> ticks, LocalDate day) {
        TreeMap<Long, long[]> got;
        Long dayVolume;
        SoakTape.CodeLog log = tape.log(code);
        synchronized (log) {
            got = new TreeMap<>(log.pricevol.getOrDefault(day, new TreeMap<>()));
            dayVolume = log.pricevolDayVolume.get(day);
        }
        long[] totals = Recompute.priceVolumeTotals(ticks);
        mismatches.compare(category, code + " dayVolume", new long[] {totals[0]},
                new long[] {dayVolume == null ? 0 : dayVolume}, new String[] {"dayVolume"});
        TreeMap<Long, long[]> want = new TreeMap<>();
        Recompute.priceVolume(ticks).forEach(r -> want.put(r[0], r));
        java.util.TreeSet<Long> prices = new java.util.TreeSet<>(want.keySet());
        prices.addAll(got.keySet());
        for (long price : prices) {
            mismatches.compare(category, code + " @" + price, want.get(price), got.get(price), PV_COLUMNS);
        }
    }

    /** A quote of the close: phase E at the close, totals equal to the tape, futures settled. */
    private void compareClosingQuote(String category, String code, DaySchedule s, List<Tick> ticks, JsonObject quote) {
        if (quote == null) {
            mismatches.record(category, code + ": no quote in phase E");
            return;
        }
        List<String> diffs = new ArrayList<>();
        if (!"E".equals(quote.getString("phase")) || quote.getLong("time") != s.close()) {
            diffs.add("phase " + quote.getString("phase") + " at " + MarketCalendar.clock(quote.getLong("time")));
        }
        String totals = Mismatches.difference(tapeTotals(ticks), quoteTotals(quote), QUOTE_COLUMNS);
        if (totals != null) {
            diffs.add(totals);
        }
        if (!"CN_STOCK".equals(s.template())) {
            boolean settled = quote.getLong("settle", 0L) > 0;
            mismatches.record("futures settlement > 0 (" + category.substring(0, category.indexOf(" · ")) + ")",
                    settled ? null : code + ": settle "
                    + quote.getLong("settle") + " in " + quote.getString("phase") + " quote at "
                    + MarketCalendar.clock(quote.getLong("time")));
        }
        mismatches.record(category, diffs.isEmpty() ? null : code + ": " + String.join("; ", diffs));
    }

    // ------------------------------------------------------------------ day 2

    private void checkDay2(LocalDate day1, LocalDate day2, Day1 served1) throws Exception {
        Map<String, Integer> before = tickCounts(day2);
        Map<String, JsonObject> quotes = snapshots();
        Map<String, JsonObject> pv = askEach("svc.pricevol", c -> new JsonObject().put("code", c));
        Map<String, JsonObject> minutes = askEach("svc.minute", c -> new JsonObject().put("code", c));
        Map<String, Map<String, JsonObject>> bars = new TreeMap<>();
        for (String period : INTRADAY) {
            bars.put(period, askEach("svc.kline", c -> new JsonObject().put("code", c).put("period", period)
                    .put("count", 1000)));
        }
        for (String period : List.of("day", "week", "month")) {
            bars.put(period, askEach("svc.kline", c -> new JsonObject().put("code", c).put("period", period)
                    .put("count", 3)));
        }
        Thread.sleep(2_000); // every tick applied before a reply has been pushed by now
        for (String code : codes) {
            DaySchedule s1 = schedule(code, day1);
            DaySchedule s2 = schedule(code, day2);
            List<Tick> ticks1 = analyse(code, day1, null).ticks();
            List<Tick> ticks2 = analyse(code, day2, "tick seqs · day 2").ticks();
            int min = before.get(code);
            mismatches.record("ticks flow on day 2", ticks2.isEmpty() ? code + ": no tick pushed on " + day2 : null);
            if (s2.hasNightSession()) {
                long night = ticks2.stream().filter(t -> t.time() < MarketCalendar.epoch(day2, 0)).count();
                mismatches.record("night-session ticks · day 2", night > 0 ? null : code + ": none before "
                        + day2 + " 00:00");
            }
            for (String period : INTRADAY) {
                JsonArray served = inDay(rows(bars.get(period).get(code), "bars"), s2);
                int k = prefix(ticks2, volumeOf(served), min, ticks2.size());
                compareBars(period + " bars · day 2", code, Recompute.intraday(s2, cut(ticks2, k), minutes(period)),
                        served, s2, Long.MAX_VALUE, false);
            }
            JsonArray dayRows = rows(bars.get("day").get(code), "bars");
            Bar bar1 = Recompute.day(s1, ticks1);
            compareBars("day bar · day 1 after the roll", code, bar1 == null ? List.of() : List.of(bar1),
                    inDay(dayRows, s1), s1, Long.MAX_VALUE, true);
            JsonArray served2 = inDay(dayRows, s2);
            int k = prefix(ticks2, volumeOf(served2), min, ticks2.size());
            Bar bar2 = Recompute.day(s2, cut(ticks2, k));
            compareBars("day bar · day 2", code, bar2 == null ? List.of() : List.of(bar2), served2, s2, Long.MAX_VALUE,
                    false);
            JsonArray history = rows(served1.bars().get("day").get(code), "bars");
            for (String period : List.of("week", "month")) {
                JsonArray served = rows(bars.get(period).get(code), "bars");
                long[] bounds = Recompute.periodBounds(period, day2, s2.template(), CAL);
                long[] row = served == null ? null : rowEnding(served, bounds[1]);
                List<Bar> earlier = earlierDays(history, period, day2, bar1, day1);
                long earlierVolume = earlier.stream().mapToLong(Bar::volume).sum();
                int kp = row == null ? ticks2.size() : prefix(ticks2, row[5] - earlierVolume, min, ticks2.size());
                Bar today = Recompute.day(s2, cut(ticks2, kp));
                List<Bar> days = new ArrayList<>(earlier);
                if (today != null) {
                    days.add(today);
                }
                compareOne(period + " bar · day 2", code, days.isEmpty() ? null : Bar.fold(bounds[0], bounds[1], days),
                        row, null);
            }
            JsonObject line = minutes.get(code);
            if (line == null || !day2.toString().equals(line.getString("day"))) {
                mismatches.record("分时 · day 2", code + ": " + (line == null ? "no reply" : "reply for day "
                        + line.getString("day")));
            } else {
                JsonArray points = line.getJsonArray("points");
                long volume = 0;
                for (int i = 0; i < points.size(); i++) {
                    volume += points.getJsonArray(i).getLong(3);
                }
                int kl = prefix(ticks2, volume, min, ticks2.size());
                List<long[]> expected = Recompute.minuteLine(s2, cut(ticks2, kl), preClose(instruments, code),
                        multiplier(instruments, code));
                comparePoints("分时 · day 2", code, expected.subList(0, Math.min(expected.size(), Math.max(1,
                        points.size()))), points, Math.max(1, points.size()));
            }
            comparePriceVolume("分价 · day 2 (tape prefix)", code, ticks2, pv.get(code), min, ticks2.size());
            compareQuoteAtItsTime("quote · day 2", code, ticks2, quotes.get(code), day2);
        }
    }

    /** Days of the period containing {@code day} before it: the served history days, and day 1 as recomputed. */
    private static List<Bar> earlierDays(JsonArray historyRows, String period, LocalDate day, Bar bar1, LocalDate day1) {
        LocalDate first = Recompute.periodFirstDay(period, day);
        TreeMap<LocalDate, Bar> days = new TreeMap<>();
        if (historyRows != null) {
            for (int i = 0; i < historyRows.size(); i++) {
                long[] r = row(historyRows.getJsonArray(i));
                LocalDate d = CAL.tradingDayOf(r[0]);
                if (!d.isBefore(first) && d.isBefore(day) && !d.equals(day1)) {
                    days.put(d, new Bar(r[7], r[0], r[1], r[2], r[3], r[4], r[5], r[6]));
                }
            }
        }
        if (bar1 != null && !day1.isBefore(first) && day1.isBefore(day)) {
            days.put(day1, bar1);
        }
        return new ArrayList<>(days.values());
    }

    /** Week / month bar containing day 1: the served history days of the period before it, then day 1. */
    private void compareMultiDay(String category, String code, String period, LocalDate day1, DaySchedule s,
                                 JsonArray dayRows, Bar day, JsonArray served) {
        long[] bounds = Recompute.periodBounds(period, day1, s.template(), CAL);
        List<Bar> days = earlierDays(dayRows, period, day1, null, day1);
        if (day != null) {
            days.add(day);
        }
        Bar expected = days.isEmpty() ? null : Bar.fold(bounds[0], bounds[1], days);
        long[] row = served == null ? null : rowEnding(served, bounds[1]);
        compareOne(category, code, expected, row, bounds[1] <= s.close() ? 1L : 0L);
    }

    // ------------------------------------------------------------------ comparisons

    /**
     * Whole bar lists of one trading day, matched by end: every expected bar served, nothing else served. With
     * {@code allFinal} every bar must be closed; otherwise every bar but the newest.
     */
    private void compareBars(String category, String code, List<Bar> expected, JsonArray served, DaySchedule s,
                             long cut, boolean allFinal) {
        if (served == null) {
            mismatches.record(category, code + ": no reply");
            return;
        }
        TreeMap<Long, long[]> byEnd = new TreeMap<>();
        JsonArray mine = inDay(served, s);
        for (int i = 0; i < mine.size(); i++) {
            long[] r = row(mine.getJsonArray(i));
            if (r[0] <= cut) {
                byEnd.put(r[0], r);
            }
        }
        long newest = byEnd.isEmpty() ? Long.MIN_VALUE : byEnd.lastKey();
        TreeMap<Long, long[]> want = new TreeMap<>();
        for (Bar b : expected) {
            long[] r = java.util.Arrays.copyOf(b.row(), 9);
            r[8] = 1;
            want.put(b.end(), r);
        }
        java.util.TreeSet<Long> ends = new java.util.TreeSet<>(want.keySet());
        ends.addAll(byEnd.keySet());
        for (long end : ends) {
            long[] e = want.get(end);
            long[] got = byEnd.get(end);
            if (e != null && got != null && !allFinal && end == newest) {
                e[8] = got[8]; // the bar in progress may still be open
            }
            mismatches.compare(category, code + " " + MarketCalendar.clock(end), e, got, BAR_COLUMNS);
        }
    }

    private void compareOne(String category, String code, Bar expected, long[] served, Long closed) {
        long[] e = null;
        if (expected != null) {
            e = java.util.Arrays.copyOf(expected.row(), 9);
            e[8] = closed != null ? closed : served != null ? served[8] : 0;
        }
        if (e == null && served == null) {
            return;
        }
        mismatches.compare(category, code, e, served, BAR_COLUMNS);
    }

    /** The first {@code count} 分时 points, whole rows. */
    private void comparePoints(String category, String code, List<long[]> expected, JsonArray served, int count) {
        if (served == null) {
            mismatches.record(category, code + ": no reply");
            return;
        }
        for (int i = 0; i < count; i++) {
            long[] got = null;
            if (i < served.size()) {
                JsonArray r = served.getJsonArray(i);
                got = new long[] {r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
                        r.getBoolean(6) ? 1 : 0};
            }
            mismatches.compare(category, code + " point " + i, i < expected.size() ? expected.get(i) : null, got,
                    POINT_COLUMNS);
        }
        for (int i = count; i < served.size() && category.endsWith("· day 1"); i++) {
            mismatches.record(category, code + ": point " + i + " beyond the day's " + count);
        }
    }

    /**
     * 分价 of the tape cut at the seq where its volume equals the served day volume (a seq within [min, max]
     * ticks): every row and the totals.
     */
    private void comparePriceVolume(String category, String code, List<Tick> ticks, JsonObject served, int min, int max) {
        if (served == null) {
            mismatches.record(category, code + ": no reply");
            return;
        }
        int k = prefix(ticks, served.getLong("dayVolume"), min, max);
        List<Tick> cut = cut(ticks, k < 0 ? max : k);
        String where = k < 0 ? " (served day volume " + served.getLong("dayVolume") + " is no cut of the tape within "
                + min + ".." + max + " ticks)" : "";
        long[] totals = Recompute.priceVolumeTotals(cut);
        mismatches.compare(category, code + " totals" + where, totals, new long[] {served.getLong("dayVolume"),
                served.getLong("buyVolume"), served.getLong("sellVolume")}, new String[] {"dayVolume", "buy", "sell"});
        TreeMap<Long, long[]> got = new TreeMap<>();
        JsonArray rows = served.getJsonArray("rows");
        for (int i = 0; i < rows.size(); i++) {
            JsonArray r = rows.getJsonArray(i);
            got.put(r.getLong(0), new long[] {r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4)});
        }
        TreeMap<Long, long[]> want = new TreeMap<>();
        Recompute.priceVolume(cut).forEach(r -> want.put(r[0], r));
        java.util.TreeSet<Long> prices = new java.util.TreeSet<>(want.keySet());
        prices.addAll(got.keySet());
        for (long price : prices) {
            mismatches.compare(category, code + " @" + price + where, want.get(price), got.get(price), PV_COLUMNS);
        }
    }

    /** A quote's cumulative totals equal the tape's trades up to the quote's time. */
    private void compareQuoteAtItsTime(String category, String code, List<Tick> ticks, JsonObject quote, LocalDate day) {
        if (quote == null || !CAL.tradingDayOf(quote.getLong("time")).equals(day)) {
            mismatches.record(category, code + ": " + (quote == null ? "no quote" : "quote of "
                    + MarketCalendar.clock(quote.getLong("time"))));
            return;
        }
        long time = quote.getLong("time");
        List<Tick> upTo = ticks.stream().filter(t -> t.time() <= time).toList();
        mismatches.compare(category, code + " at " + MarketCalendar.clock(time), tapeTotals(upTo), quoteTotals(quote),
                QUOTE_COLUMNS);
    }

    /** Every closed 1m bar pushed (its last version, corrections included) equals the recomputed bar. */
    private void comparePushedBars(String category, String code, LocalDate day, List<Bar> expected, long cut) {
        TreeMap<Long, long[]> pushed;
        SoakTape.CodeLog log = tape.log(code);
        synchronized (log) {
            pushed = new TreeMap<>(log.closed1m.getOrDefault(day, new TreeMap<>()));
        }
        Map<Long, Bar> byEnd = new TreeMap<>();
        expected.forEach(b -> byEnd.put(b.end(), b));
        pushed.forEach((end, row) -> {
            if (end <= cut) {
                Bar b = byEnd.get(end);
                mismatches.compare(category, code + " " + MarketCalendar.clock(end), b == null ? null : b.row(), row,
                        BAR_COLUMNS);
            }
        });
    }

    private static long[] tapeTotals(List<Tick> ticks) {
        if (ticks.isEmpty()) {
            return new long[] {0, 0, 0, 0, 0, 0, 0};
        }
        Bar b = Recompute.of(0, 0, ticks);
        return new long[] {b.volume(), b.turnover(), ticks.size(), b.open(), b.high(), b.low(), b.close()};
    }

    private static long[] quoteTotals(JsonObject q) {
        return new long[] {q.getLong("volume"), q.getLong("turnover"), q.getLong("trades"), q.getLong("open"),
                q.getLong("high"), q.getLong("low"), q.getLong("last")};
    }

    // ------------------------------------------------------------------ tape

    /** The day's tape of a code by seq; with a category, its seq record is checked (1…n, no duplicate push). */
    private SoakTape.Analysis analyse(String code, LocalDate day, String category) {
        SoakTape.CodeLog log = tape.log(code);
        SoakTape.Analysis a;
        synchronized (log) {
            SoakTape.DayTicks t = log.ticks.get(day);
            a = t == null ? new SoakTape.Analysis(List.of(), 0, 0, 0, 0, 0, null) : t.analyse();
        }
        if (category != null) {
            List<String> wrong = new ArrayList<>();
            if (!a.ticks().isEmpty() && a.firstSeq() != 1) {
                wrong.add("first seq " + a.firstSeq());
            }
            if (a.missing() > 0) {
                wrong.add(a.missing() + " seqs missing up to " + a.lastSeq());
            }
            if (a.duplicatePushes() > 0) {
                wrong.add(a.duplicatePushes() + " seqs pushed twice");
            }
            if (a.conflicts() > 0) {
                wrong.add(a.conflicts() + " seqs with two contents, e.g. " + a.conflictSample());
            }
            mismatches.record(category, wrong.isEmpty() ? null : code + ": " + String.join(", ", wrong));
        }
        return a;
    }

    private Map<String, Integer> tickCounts(LocalDate day) {
        Map<String, Integer> m = new TreeMap<>();
        for (String c : codes) {
            m.put(c, tape.log(c).tickCount(day));
        }
        return m;
    }

    private long tickTotal(LocalDate day) {
        return tickCounts(day).values().stream().mapToLong(Integer::longValue).sum();
    }

    /** The smallest k in [min, max] whose first k ticks sum to {@code volume}, or -1. */
    static int prefix(List<Tick> ticks, long volume, int min, int max) {
        long sum = 0;
        for (int k = 0; k <= Math.min(max, ticks.size()); k++) {
            if (k > 0) {
                sum += ticks.get(k - 1).qty();
            }
            if (k >= min && sum == volume) {
                return k;
            }
            if (sum > volume) {
                return -1;
            }
        }
        return -1;
    }

    private static List<Tick> cut(List<Tick> ticks, int k) {
        return k < 0 ? ticks : ticks.subList(0, Math.min(k, ticks.size()));
    }

    // ------------------------------------------------------------------ served rows

    private JsonArray rows(JsonObject reply, String field) {
        return reply == null ? null : reply.getJsonArray(field);
    }

    /** Bar rows whose end lies in the trading day's window. */
    private static JsonArray inDay(JsonArray rows, DaySchedule s) {
        JsonArray out = new JsonArray();
        if (rows != null) {
            for (int i = 0; i < rows.size(); i++) {
                JsonArray r = rows.getJsonArray(i);
                if (s.contains(r.getLong(0))) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    private static long volumeOf(JsonArray rows) {
        long v = 0;
        for (int i = 0; i < rows.size(); i++) {
            v += rows.getJsonArray(i).getLong(5);
        }
        return v;
    }

    /** [end, open, high, low, close, volume, turnover, start, closed (1/0)]. */
    private static long[] row(JsonArray r) {
        return new long[] {r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5),
                r.getLong(6), r.getLong(7), r.getBoolean(8) ? 1 : 0};
    }

    private static long[] rowEnding(JsonArray rows, long end) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.getJsonArray(i).getLong(0) == end) {
                return row(rows.getJsonArray(i));
            }
        }
        return null;
    }

    private static int minutes(String period) {
        return Integer.parseInt(period.substring(0, period.length() - 1));
    }

    private DaySchedule schedule(String code, LocalDate day) {
        return new DaySchedule(instruments.get(code).getString("session"), day, CAL);
    }

    private static long preClose(Map<String, JsonObject> inst, String code) {
        return inst.get(code).getLong("preClose");
    }

    private static long multiplier(Map<String, JsonObject> inst, String code) {
        return inst.get(code).getLong("multiplier", 1L);
    }

    // ------------------------------------------------------------------ talking to the node

    private Map<String, JsonObject> instruments() throws Exception {
        JsonObject reply = client.request("svc.instruments", new JsonObject(), 10_000).get(15, TimeUnit.SECONDS);
        JsonArray list = reply.getJsonObject("body").getJsonArray("instruments");
        Map<String, JsonObject> m = new TreeMap<>();
        for (int i = 0; i < list.size(); i++) {
            m.put(list.getJsonObject(i).getString("code"), list.getJsonObject(i));
        }
        return m;
    }

    /** One request per code, {@value #IN_FLIGHT} at a time; failed requests are counted as "query errors". */
    private Map<String, JsonObject> askEach(String address, Function<String, JsonObject> body) throws Exception {
        Map<String, JsonObject> out = new TreeMap<>();
        for (int i = 0; i < codes.size(); i += IN_FLIGHT) {
            List<String> chunk = codes.subList(i, Math.min(codes.size(), i + IN_FLIGHT));
            List<CompletableFuture<JsonObject>> replies = new ArrayList<>();
            for (String c : chunk) {
                replies.add(client.request(address, body.apply(c), 10_000));
            }
            for (int j = 0; j < chunk.size(); j++) {
                JsonObject frame;
                try {
                    frame = replies.get(j).get(15, TimeUnit.SECONDS);
                } catch (Exception e) {
                    frame = new JsonObject().put("type", "err").put("message", e.toString());
                }
                JsonObject b = frame.getJsonObject("body");
                boolean ok = !"err".equals(frame.getString("type")) && b != null;
                mismatches.record("query errors", ok ? null : address + " " + chunk.get(j) + ": "
                        + frame.getString("message"));
                if (ok) {
                    out.put(chunk.get(j), b);
                }
            }
        }
        return out;
    }

    /** svc.snapshot of every code (500 a request), by code. */
    private Map<String, JsonObject> snapshots() throws Exception {
        Map<String, JsonObject> out = new TreeMap<>();
        for (int i = 0; i < codes.size(); i += 500) {
            JsonArray some = new JsonArray(new ArrayList<>(codes.subList(i, Math.min(codes.size(), i + 500))));
            JsonObject frame = client.request("svc.snapshot", new JsonObject().put("codes", some), 10_000)
                    .get(15, TimeUnit.SECONDS);
            JsonObject b = frame.getJsonObject("body");
            mismatches.record("query errors", b == null ? "svc.snapshot: " + frame.encode() : null);
            if (b != null) {
                JsonArray quotes = b.getJsonArray("quotes");
                for (int j = 0; j < quotes.size(); j++) {
                    out.put(quotes.getJsonObject(j).getString("code"), quotes.getJsonObject(j));
                }
            }
        }
        return out;
    }

    private JsonObject status() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/status"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return new JsonObject(r.body());
    }

    private static long marketTime(JsonObject status) {
        return MarketCalendar.epoch(LocalDateTime.parse(status.getString("marketTime")));
    }

    /**
     * Polls {@code /status} until the market clock reaches {@code target}; fails at the profile's deadline or if
     * the node died. Meanwhile measures how far the quote pushes trail the market clock in continuous trading.
     */
    /** calculator.close-grace-ms: bars close when the stream's market time passes their end by this much. */
    private static final long CLOSE_GRACE_MS = 2_000;

    /**
     * Waits until every calculator has applied the stream's market time {@code target} ({@code streamTime} in
     * /status): bars and days ending before it are closed then (docs/domain.md "Market time").
     */
    private void waitForStream(long target, String what) throws Exception {
        while (true) {
            JsonObject s = status();
            long least = Long.MAX_VALUE;
            for (Object o : s.getJsonArray("calculators")) {
                String t = ((JsonObject) o).getString("streamTime");
                least = Math.min(least, t == null ? Long.MIN_VALUE
                        : MarketCalendar.epoch(java.time.LocalDateTime.parse(t)));
            }
            if (least >= target) {
                return;
            }
            if (!node.alive()) {
                throw new AssertionError("the node died before " + what + ":\n" + node.tail());
            }
            if (System.currentTimeMillis() > deadline) {
                printFigures();
                throw new AssertionError("the stream's market time did not reach " + what + " within the budget");
            }
            Thread.sleep(50);
        }
    }

    private JsonObject waitForMarket(long target, String what) throws Exception {
        while (true) {
            JsonObject s = status();
            long market = marketTime(s);
            if (market >= target) {
                return s;
            }
            int minute = MarketCalendar.local(market).getHour() * 60 + MarketCalendar.local(market).getMinute();
            boolean continuous = CAL.tradingDayOf(market).equals(lagDay) && (minute >= 9 * 60 + 31
                    && minute < 11 * 60 + 29 || minute >= 13 * 60 + 1 && minute < 14 * 60 + 56);
            if (continuous && tape.lastPushTime() > 0) {
                lags.add(market - tape.lastPushTime());
            }
            if (!node.alive()) {
                throw new AssertionError("the node died before " + what + ":\n" + node.tail());
            }
            if (System.currentTimeMillis() > deadline) {
                printFigures();
                throw new AssertionError("market time " + MarketCalendar.clock(market) + " did not reach " + what
                        + " within the profile's budget");
            }
            Thread.sleep(100);
        }
    }

    private static long sumRejected(JsonObject status, String kind) {
        long n = 0;
        JsonArray calcs = status.getJsonArray("calculators", new JsonArray());
        for (int i = 0; i < calcs.size(); i++) {
            n += calcs.getJsonObject(i).getJsonObject("rejected", new JsonObject()).getLong(kind, 0L);
        }
        return n;
    }

    /** The calculators' reconciliation summed up, or null when no calculator reports one. */
    private static JsonObject reconciliation(JsonObject status) {
        JsonArray calcs = status.getJsonArray("calculators", new JsonArray());
        JsonObject sum = null;
        for (int i = 0; i < calcs.size(); i++) {
            JsonObject r = calcs.getJsonObject(i).getJsonObject("reconciliation");
            if (r == null) {
                continue;
            }
            if (sum == null) {
                sum = new JsonObject().put("checked", 0L).put("mismatches", 0L).put("bySymbol", new JsonObject());
            }
            sum.put("checked", sum.getLong("checked") + r.getLong("checked", 0L));
            sum.put("mismatches", sum.getLong("mismatches") + r.getLong("mismatches", 0L));
            sum.getJsonObject("bySymbol").mergeIn(r.getJsonObject("bySymbol", new JsonObject()));
        }
        return sum;
    }

    private void printFigures() {
        StringBuilder sb = new StringBuilder("\n=== whole-day soak ===\n");
        figures.forEach((k, v) -> sb.append(String.format("  %-52s %s%n", k, v)));
        sb.append(mismatches.table());
        System.out.println(sb);
    }
}
