package com.quotebus.collector.verticle;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.collector.journal.JournalFormat;
import com.quotebus.collector.journal.JournalReader;
import com.quotebus.collector.journal.JournalRecord;
import com.quotebus.collector.journal.WireEventSerializer;
import com.quotebus.collector.pipeline.LeaderElection;
import com.quotebus.collector.pipeline.PipelineMetrics;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.time.MarketClock;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in csv-replay source type, configured like any source, feeding the whole collector. */
class CsvReplayCollectorTest {
    @TempDir
    Path dir;

    @Test
    void aConfiguredCsvReplayIsJournaledSequencedAndItsBadLinesCounted() throws Exception {
        Path snapshots = Path.of(getClass().getResource("/replay/snapshots.csv").toURI());
        Path trades = Path.of(getClass().getResource("/replay/trades.csv").toURI());
        JsonObject config = new JsonObject().put("trading-day", "2026-11-25")
                .put("journal", new JsonObject().put("directory", dir.toString()))
                .put("sources", new JsonArray().add(new JsonObject().put("name", "file").put("type", "csv-replay")
                        .put("files", new JsonArray().add(snapshots.toString()).add(trades.toString()))
                        .put("trading-day", "2026-11-25").put("speed", 0)));
        Vertx vertx = Vertx.vertx();
        try {
            CollectorVerticle verticle = new CollectorVerticle(FeedSourceFactories.discover(), MarketClock.system(),
                    LeaderElection.alwaysLeader());
            vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(config)).toCompletionStage()
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            PipelineMetrics m = verticle.metrics();
            for (int i = 0; i < 200 && m.journaled() < 6; i++) {
                Thread.sleep(25); // the replay runs on the verticle's event loop
                m = verticle.metrics();
            }
            assertThat(m.journaled()).isEqualTo(6);
            assertThat(m.arbitration().sources().get("file").malformed()).isEqualTo(4);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        List<String> journaled = new ArrayList<>();
        try (JournalReader r = JournalReader.open(JournalFormat.fileFor(dir, LocalDate.parse("2026-11-25")),
                WireEventSerializer.INSTANCE)) {
            JournalRecord rec;
            while ((rec = r.next()) != null) {
                MarketEvent e = rec.event();
                if (e instanceof com.quotebus.core.event.MarketTime) {
                    continue; // the stream's market time, journaled with the events
                }
                journaled.add(e.getClass().getSimpleName() + " " + e.code() + "#" + e.seq() + " " + e.source());
            }
        }
        assertThat(journaled).containsExactly("Snapshot 000001.SZ#1 file", "Trade 000001.SZ#2 file",
                "Trade 000001.SZ#3 file", "Snapshot 000001.SZ#4 file", "Snapshot 000002.SZ#1 file",
                "Trade 000001.SZ#5 file");
    }
}
