package com.quotebus.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.collector.journal.JournalReader;
import com.quotebus.collector.journal.JournalRecord;
import com.quotebus.collector.journal.JournalTail;
import com.quotebus.collector.journal.WireEventSerializer;
import com.quotebus.collector.sim.CollectingListener;
import com.quotebus.collector.sim.MarketGenerator;
import com.quotebus.collector.sim.SimulatorConfig;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.MarketTime;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.TradingCalendar;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A node (collector role, built-in simulator, the IT market: 200 symbols at 20×, from 09:29:40) is killed mid-day
 * and started again on the same data directory. It must resume its market where its journal ends — /status
 * {@code marketTime} at or after the journal's last market time, not 09:29:40 again — and the journal across
 * the restart must hold every event of the deterministic market exactly once, with the same channel sequences and
 * per-symbol numbers 1, 2, 3 … without a repeat or a hole. The expected events come from a {@link MarketGenerator}
 * with the node's settings run in one go from the start.
 */
class MarketResumeIT {
    /** {@link TestCluster#MARKET} as a generator config (seed, channels, snapshots and depth: the defaults). */
    private static final SimulatorConfig MARKET = new SimulatorConfig(20250101L, 200, false, 40, 4, 3000, 10);
    private static final LocalTime START = LocalTime.of(9, 29, 40);

    private TestCluster cluster;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void destroy() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Timeout(240)
    void aNodeKilledMidDayResumesItsMarketWhereItsJournalEnds() throws Exception {
        cluster = new TestCluster("resume", 1);
        int httpPort = TestCluster.freePort();
        Path conf = cluster.config("node.conf", "");
        List<String> extra = List.of("http.port=" + httpPort, "collector.leader.type=single");
        Path journals = cluster.dir.resolve("R").resolve("journal");

        NodeProcess first = cluster.node("R", 0, "collector", conf, 0, extra).awaitUp();
        assertThat(first.logText()).contains("market clock starts at " + START + " of ").contains(" (no journal)");
        LocalDateTime beforeKill = awaitMarketTime(httpPort, START.plusMinutes(4), 60_000);
        first.kill9();
        JournalTail.Summary stopped = JournalTail.newest(journals, WireEventSerializer.INSTANCE).orElseThrow();
        LocalDateTime journalEnd = ChinaTime.dateTime(stopped.lastMarketTime());
        LocalDate day = stopped.tradingDay();

        long restartedAt = System.currentTimeMillis();
        NodeProcess second = cluster.node("R", 0, "collector", conf, 0, extra).awaitUp();
        long upMs = System.currentTimeMillis() - restartedAt;
        assertThat(second.logText()).contains("market clock resumes at ")
                .contains("from journal " + stopped.file().getFileName());
        LocalDateTime resumed = marketTime(httpPort);
        assertThat(resumed).as("market time after the restart").isAfterOrEqualTo(journalEnd)
                .isAfter(LocalDateTime.of(day, START.plusMinutes(4)));
        LocalDateTime end = awaitMarketTime(httpPort, journalEnd.toLocalTime().plusMinutes(3), 60_000);
        second.kill9();

        List<MarketEvent> journal = readAll(journals.resolve(stopped.file().getFileName()));
        long watermark = journal.stream().filter(e -> e instanceof MarketTime).mapToLong(MarketEvent::exchangeTime)
                .max().orElseThrow();
        List<MarketEvent> events = journal.stream().filter(e -> !(e instanceof MarketTime)).toList();
        Figures.print("restart mid-day", new LinkedHashMap<>(Map.of(
                "journal records", (long) journal.size(),
                "journal end at the kill (market ms of day)", ChinaTime.millisOfDay(stopped.lastMarketTime()),
                "status before the kill (market ms of day)", (long) beforeKill.toLocalTime().toNanoOfDay() / 1_000_000,
                "status after the restart (market ms of day)", (long) resumed.toLocalTime().toNanoOfDay() / 1_000_000,
                "restart to up (ms)", upMs,
                "status at the end (market ms of day)", (long) end.toLocalTime().toNanoOfDay() / 1_000_000)));

        // numbering: per symbol 1, 2, 3 … in journal order, across the restart
        Map<String, Long> lastSeq = new HashMap<>();
        for (MarketEvent e : events) {
            long expected = lastSeq.getOrDefault(e.code(), 0L) + 1;
            assertThat(e.seq()).as("seq of %s after %s", e, expected - 1).isEqualTo(expected);
            lastSeq.put(e.code(), expected);
        }

        // content: exactly the market's events before the last market time, each once, channel sequences intact
        long start = ChinaTime.epochMillis(day, START);
        // the node's market: its first live day is this one (corporate actions only in the seeded past before it)
        MarketGenerator reference = new MarketGenerator(MARKET, new com.quotebus.collector.sim.SimUniverse(MARKET),
                TradingCalendar.loadDefault(), day);
        // from where a fresh node's generator starts: just before the 09:25 opening print when started 09:25-09:30
        reference.startAt(com.quotebus.collector.sim.SimulatedMarketStart.openingPrintsFrom(
                TradingCalendar.loadDefault(), start));
        CollectingListener all = new CollectingListener();
        reference.advanceTo(watermark - 1, all);
        List<String> expected = all.events.stream().map(MarketResumeIT::key).sorted().toList();
        List<String> journaled = events.stream().filter(e -> e.exchangeTime() < watermark).map(MarketResumeIT::key)
                .sorted().toList();
        assertThat(journaled).as("events before the journal's last market time").isEqualTo(expected);
        Set<String> later = new HashSet<>();
        for (MarketEvent e : events) {
            assertThat(later.add(key(e))).as("journaled twice: %s", e).isTrue();
        }
        assertThat(events).as("trades on both sides of the restart")
                .anyMatch(e -> e instanceof Trade && e.exchangeTime() < stopped.lastMarketTime())
                .anyMatch(e -> e instanceof Trade && e.exchangeTime() > stopped.lastMarketTime() + 60_000);
    }

    /** What identifies an event of the market: trades by channel sequence, snapshots by code and time. */
    private static String key(MarketEvent e) {
        if (e instanceof Trade t) {
            return "T " + t.channel() + ":" + t.channelSeq() + " " + t.code() + " " + t.exchangeTime() + " " + t.price()
                    + "x" + t.quantity();
        }
        Snapshot s = (Snapshot) e;
        return "S " + s.code() + " " + s.exchangeTime() + " " + s.phase() + " " + s.last() + " " + s.volume();
    }

    private static List<MarketEvent> readAll(Path file) {
        List<MarketEvent> out = new ArrayList<>();
        try (JournalReader r = JournalReader.open(file, WireEventSerializer.INSTANCE)) {
            JournalRecord rec;
            while ((rec = r.next()) != null) {
                out.add(rec.event());
            }
        }
        return out;
    }

    private LocalDateTime marketTime(int port) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/status"))
                .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        return LocalDateTime.parse(new JsonObject(r.body()).getString("marketTime"));
    }

    private LocalDateTime awaitMarketTime(int port, LocalTime atLeast, long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        LocalDateTime t = marketTime(port);
        while (t.toLocalTime().isBefore(atLeast)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("market time " + t + " did not reach " + atLeast + " within " + timeoutMs
                        + " ms");
            }
            Thread.sleep(200);
            t = marketTime(port);
        }
        return t;
    }
}
