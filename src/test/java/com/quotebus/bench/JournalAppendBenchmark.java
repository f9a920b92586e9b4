package com.quotebus.bench;

import com.quotebus.collector.journal.FsyncPolicy;
import com.quotebus.collector.journal.JournalWriter;
import com.quotebus.collector.journal.WireEventSerializer;
import com.quotebus.core.event.BookSide;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Side;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.event.TradingPhase;
import com.quotebus.core.time.MarketClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Journal append throughput (events/s), one writer thread, into a temporary directory (set -Djava.io.tmpdir to
 * measure another disk). Run: see docs/collector.md "Benchmark".
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JournalAppendBenchmark {
    @Param({"trade", "snapshot10"})
    public String event;

    /** none: page cache only; 100ms: a timer thread forces every 100 ms (as the collector's tick); every: each append. */
    @Param({"none", "100ms", "every"})
    public String fsync;

    private java.util.concurrent.ScheduledExecutorService timer;

    private Path dir;
    private JournalWriter writer;
    private MarketEvent sample;

    @Setup(Level.Iteration)
    public void open() throws IOException {
        dir = Files.createTempDirectory("journal-bench");
        FsyncPolicy policy = switch (fsync) {
            case "none" -> FsyncPolicy.NEVER;
            case "100ms" -> new FsyncPolicy(0, 100);
            default -> new FsyncPolicy(1, 0);
        };
        writer = JournalWriter.open(dir, LocalDate.parse("2026-11-25"), WireEventSerializer.INSTANCE, policy,
                MarketClock.system(), r -> { });
        if (fsync.equals("100ms")) {
            JournalWriter w = writer;
            timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            timer.scheduleAtFixedRate(() -> w.syncIfDue(System.currentTimeMillis()), 10, 10, TimeUnit.MILLISECONDS);
        }
        long t = 1_795_570_200_000L;
        if (event.equals("trade")) {
            sample = new Trade("000001.SZ", t, 105_300, 200, 21_060_000, Side.BUY, 2011, 1, 5001, 5002, 1, "szse-a");
        } else {
            long[] p = new long[10];
            long[] v = new long[10];
            int[] o = new int[10];
            for (int i = 0; i < 10; i++) {
                p[i] = 105_300 - i * 100;
                v[i] = 1000 + i * 300;
                o[i] = 3 + i;
            }
            BookSide side = new BookSide(p, v, o);
            sample = new Snapshot("000001.SZ", t, TradingPhase.CONTINUOUS, 105_000, 105_200, 105_500, 105_000,
                    105_300, 1_200_000, 12_636_000_000L, 850, 115_500, 94_500, 0, 0, 0, side, side, 1010, 0, 1,
                    "szse-a");
        }
    }

    @Benchmark
    public long append() {
        return writer.append(sample);
    }

    @TearDown(Level.Iteration)
    public void close() throws IOException, InterruptedException {
        if (timer != null) {
            timer.shutdown();
            timer.awaitTermination(1, TimeUnit.SECONDS);
            timer = null;
        }
        writer.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
