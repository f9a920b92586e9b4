package com.quotebus.collector.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.collector.FeedSink;
import com.quotebus.core.event.BookSide;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Side;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.event.TradingPhase;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.ManualClock;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReplaySourceTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-25");
    private final ManualClock clock = new ManualClock(1_000_000L);
    private final ManualScheduler scheduler = new ManualScheduler(clock);
    private final Recording sink = new Recording();

    @TempDir
    Path tmp;

    final class Recording implements FeedSink {
        final List<MarketEvent> events = new ArrayList<>();
        final List<Long> deliveredAt = new ArrayList<>();
        final List<String> malformed = new ArrayList<>();
        final List<String> lifecycle = new ArrayList<>();

        @Override
        public void onEvent(String source, MarketEvent event) {
            events.add(event);
            deliveredAt.add(clock.millis() - 1_000_000L);
        }

        @Override
        public void onHeartbeat(String source, int channel, long lastSeq, long exchangeTime) {}

        @Override
        public void onMalformed(String source, String reason) {
            malformed.add(source + " " + reason);
        }

        @Override
        public void onDisconnected(String source, String reason) {
            lifecycle.add("disconnected " + source);
        }

        @Override
        public void onConnected(String source) {
            lifecycle.add("connected " + source);
        }
    }

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(CsvReplaySourceTest.class.getResource("/replay/" + name).toURI());
    }

    private static long at(String time) {
        return ChinaTime.epochMillis(DAY, LocalTime.parse(time));
    }

    private static Snapshot snap(String code, String time, long pre, long open, long high, long low, long last,
            long volume, long turnover, long trades, long up, long down, BookSide bid, BookSide ask) {
        return new Snapshot(code, at(time), TradingPhase.CONTINUOUS, pre, open, high, low, last, volume, turnover,
                trades, up, down, 0, 0, 0, bid, ask, 0, 0, 0, "");
    }

    private static BookSide side(long p1, long v1, long p2, long v2) {
        return new BookSide(new long[] {p1, p2}, new long[] {v1, v2}, null);
    }

    private static Trade trade(String time, long price, long qty, long amount, Side side, long seq, long b, long s) {
        return new Trade("000001.SZ", at(time), price, qty, amount, side, 2011, seq, b, s, 0, "");
    }

    private List<MarketEvent> expectedFixtureEvents() {
        return List.of(
                snap("000001.SZ", "09:30:00", 105_000, 105_200, 105_500, 105_000, 105_300, 120_000, 12_636_000_000L,
                        85, 115_500, 94_500, side(105_200, 3000, 105_100, 5000), side(105_300, 2000, 105_400, 4000)),
                trade("09:30:00.500", 105_300, 200, 21_060_000, Side.BUY, 101, 5001, 5002),
                trade("09:30:01.250", 105_400, 300, 31_620_000, Side.SELL, 102, 5003, 5004),
                snap("000001.SZ", "09:30:03", 105_000, 105_200, 105_600, 105_000, 105_500, 150_000, 15_800_005_550L,
                        101, 115_500, 94_500, side(105_400, 1000, 105_300, 2000), side(105_500, 3000, 105_600, 1000)),
                snap("000002.SZ", "09:30:03", 200_000, 201_000, 201_000, 200_000, 200_500, 5000, 1_002_500_000L, 7,
                        220_000, 180_000, side(200_400, 100, 0, 0), side(200_500, 300, 200_600, 500)),
                trade("09:30:04", 105_500, 100, 10_550_000, Side.NONE, 105, 0, 0));
    }

    @Test
    void replaysSnapshotAndTradeFilesMergedByTimeAndReportsBadLinesWithFileAndLine() throws Exception {
        CsvReplaySource source = new CsvReplaySource("replay", CsvReplayOptions.fastest(
                List.of(fixture("snapshots.csv"), fixture("trades.csv")), DAY), clock, scheduler);

        source.start(sink).toCompletableFuture().join();
        scheduler.runAll();

        assertThat(sink.events).isEqualTo(expectedFixtureEvents());
        assertThat(sink.malformed).containsExactly(
                "replay trades.csv:5: code 'XYZ' is not SYMBOL.MARKET (e.g. 000001.SZ) nor sz000001",
                "replay trades.csv:6: price '10.541234' has more decimals than 0.0001 yuan or is too large",
                "replay snapshots.csv:6: has 4 fields, the header has 21",
                "replay snapshots.csv:7: last 'abc' is not a number");
        assertThat(sink.lifecycle).containsExactly("connected replay");
        assertThat(source.finished().toCompletableFuture().join()).isEqualTo(new ReplaySummary(6, 4, false));
        assertThat(sink.deliveredAt).containsOnly(0L);
    }

    @Test
    void atASpeedFactorEventsAreSpacedByTheirTimeDistanceDividedByTheSpeed() throws Exception {
        CsvReplayOptions options = new CsvReplayOptions(List.of(fixture("snapshots.csv"), fixture("trades.csv")),
                DAY, CsvReplayOptions.PriceUnit.YUAN, CsvReplayOptions.VolumeUnit.SHARES, 2.0, 1000);
        CsvReplaySource source = new CsvReplaySource("replay", options, clock, scheduler);

        source.start(sink).toCompletableFuture().join();
        scheduler.runAll();

        assertThat(sink.events).isEqualTo(expectedFixtureEvents());
        assertThat(sink.deliveredAt).containsExactly(0L, 250L, 625L, 1500L, 1500L, 2000L);
    }

    @Test
    void asFastAsPossibleYieldsToTheSchedulerBetweenBatches() throws Exception {
        CsvReplayOptions options = new CsvReplayOptions(List.of(fixture("trades.csv")), DAY,
                CsvReplayOptions.PriceUnit.YUAN, CsvReplayOptions.VolumeUnit.SHARES, 0, 1);

        new CsvReplaySource("replay", options, clock, scheduler).start(sink);
        scheduler.runAll();

        assertThat(sink.events).hasSize(3);
        assertThat(scheduler.scheduled).isEqualTo(3); // three turns of one event each
    }

    @Test
    void volumesInLotsAndPricesInMinorUnitsAreNormalised() throws IOException {
        Path file = tmp.resolve("lots.csv");
        Files.writeString(file, "Code,Time,Price,Volume,Turnover,BSFlag,ChannelNo,ApplSeqNum\n"
                + "600000.SH,2026-11-25 09:30:00.120,102300,5,5115000000,B,1,7\n"
                + "600000.SH,93001000,102400,2.0,,S,1,8\n");
        CsvReplayOptions options = new CsvReplayOptions(List.of(file), DAY, CsvReplayOptions.PriceUnit.MINOR,
                CsvReplayOptions.VolumeUnit.LOTS, 0, 100);

        new CsvReplaySource("lots", options, clock, scheduler).start(sink);
        scheduler.runAll();

        assertThat(sink.malformed).isEmpty();
        assertThat(sink.events).containsExactly(
                new Trade("600000.SH", at("09:30:00.120"), 102_300, 500, 5_115_000_000L, Side.BUY, 1, 7, 0, 0, 0, ""),
                new Trade("600000.SH", at("09:30:01"), 102_400, 200, 20_480_000, Side.SELL, 1, 8, 0, 0, 0, ""));
    }

    @Test
    void aFileWithAnUnknownHeaderFailsToStartWithTheReason() throws IOException {
        Path file = tmp.resolve("bad.csv");
        Files.writeString(file, "symbol,when,what\n1,2,3\n");
        CsvReplaySource source = new CsvReplaySource("bad", CsvReplayOptions.fastest(List.of(file), DAY), clock,
                scheduler);

        var started = source.start(sink).toCompletableFuture();

        assertThat(started).isCompletedExceptionally();
        try {
            started.join();
        } catch (CompletionException e) {
            assertThat(e.getCause()).hasMessageContaining("bad.csv:1: header names neither a snapshot layout");
        }
        assertThat(sink.events).isEmpty();
    }

    @Test
    void stoppingEndsTheReplayEarly() throws Exception {
        CsvReplayOptions options = new CsvReplayOptions(List.of(fixture("trades.csv")), DAY,
                CsvReplayOptions.PriceUnit.YUAN, CsvReplayOptions.VolumeUnit.SHARES, 1.0, 100);
        CsvReplaySource source = new CsvReplaySource("replay", options, clock, scheduler);
        source.start(new FeedSink() {
            @Override
            public void onEvent(String s, MarketEvent event) {
                sink.onEvent(s, event);
                source.stop();
            }

            @Override
            public void onHeartbeat(String s, int channel, long lastSeq, long exchangeTime) {}

            @Override
            public void onMalformed(String s, String reason) {}

            @Override
            public void onDisconnected(String s, String reason) {}

            @Override
            public void onConnected(String s) {}
        });
        scheduler.runAll();

        assertThat(sink.events).hasSize(1);
        assertThat(source.finished().toCompletableFuture().join()).isEqualTo(new ReplaySummary(1, 0, true));
    }
}
