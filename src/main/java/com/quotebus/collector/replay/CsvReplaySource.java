package com.quotebus.collector.replay;

import com.quotebus.collector.FeedSink;
import com.quotebus.collector.FeedSource;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.time.MarketClock;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Replays CSV files (snapshot and trade layouts, docs/collector.md "CSV replay") as a {@link FeedSource}, merged
 * by exchange time across files, through the same sink a live feed uses. Pacing: as fast as possible in
 * batches, real time, or a speed factor; the first event goes out at once and each later one when the clock has
 * moved by its time distance from the first divided by the speed. Time and timers are injected
 * ({@link MarketClock}, {@link ReplayScheduler}), so a test steps a replay deterministically.
 *
 * <p>A bad line is reported with {@link FeedSink#onMalformed} as {@code file:line: reason} and the replay goes on.
 * Files are read a line at a time (memory: one pending event per file). Each file must be in time order;
 * an event earlier than one already delivered goes out at once. The source does not disconnect at the end;
 * {@link #finished()} completes instead.
 */
public final class CsvReplaySource implements FeedSource {
    private final String name;
    private final CsvReplayOptions options;
    private final MarketClock clock;
    private final ReplayScheduler scheduler;
    private final CompletableFuture<ReplaySummary> finished = new CompletableFuture<>();
    private final List<Cursor> cursors = new ArrayList<>();
    private FeedSink sink;
    private boolean started;
    private boolean stopped;
    private long firstEventTime = Long.MIN_VALUE;
    private long startMillis;
    private long events;
    private long malformed;

    public CsvReplaySource(String name, CsvReplayOptions options, MarketClock clock, ReplayScheduler scheduler) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("csv replay: a source name is required");
        }
        this.name = name;
        this.options = options;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    @Override
    public String name() {
        return name;
    }

    /** Completes when every file has been replayed or the source was stopped. */
    public CompletionStage<ReplaySummary> finished() {
        return finished;
    }

    @Override
    public synchronized CompletionStage<Void> start(FeedSink feedSink) {
        if (started) {
            return CompletableFuture.failedFuture(new IllegalStateException(name + ": already started"));
        }
        started = true;
        this.sink = feedSink;
        try {
            for (Path file : options.files()) {
                cursors.add(Cursor.open(file, options));
            }
        } catch (IOException | CsvFormatException e) {
            closeAll();
            stopped = true;
            String reason = name + ": cannot replay: " + e.getMessage();
            finished.completeExceptionally(new IllegalArgumentException(reason, e));
            return CompletableFuture.failedFuture(new IllegalArgumentException(reason, e));
        }
        for (Cursor c : cursors) {
            advance(c);
        }
        sink.onConnected(name);
        scheduler.schedule(0, this::step);
        return CompletableFuture.completedFuture(null);
    }

    private synchronized void step() {
        if (stopped) {
            return;
        }
        long now = clock.millis();
        int budget = options.batchSize();
        while (true) {
            Cursor next = earliest();
            if (next == null) {
                finish(false);
                return;
            }
            long time = next.pending.exchangeTime();
            if (options.speed() > 0) {
                if (firstEventTime == Long.MIN_VALUE) {
                    firstEventTime = time;
                    startMillis = now;
                }
                long due = startMillis + (long) Math.ceil((time - firstEventTime) / options.speed());
                if (due > now) {
                    scheduler.schedule(due - now, this::step);
                    return;
                }
            } else if (budget-- == 0) {
                scheduler.schedule(0, this::step);
                return;
            }
            MarketEvent e = next.pending;
            advance(next);
            events++;
            sink.onEvent(name, e);
        }
    }

    private Cursor earliest() {
        Cursor best = null;
        for (Cursor c : cursors) {
            if (c.pending != null && (best == null || c.pending.exchangeTime() < best.pending.exchangeTime())) {
                best = c;
            }
        }
        return best;
    }

    /** Moves a cursor to its next parsable line, reporting bad ones; clears it at the end of its file. */
    private void advance(Cursor c) {
        c.pending = null;
        while (c.reader != null) {
            String line;
            try {
                line = c.reader.readLine();
            } catch (IOException e) {
                report(c, "read failed: " + e.getMessage());
                c.close();
                return;
            }
            if (line == null) {
                c.close();
                return;
            }
            c.line++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            try {
                c.pending = c.parser.parse(line);
                return;
            } catch (CsvFormatException e) {
                report(c, e.getMessage());
            }
        }
    }

    private void report(Cursor c, String reason) {
        malformed++;
        sink.onMalformed(name, c.file.getFileName() + ":" + c.line + ": " + reason);
    }

    private void finish(boolean byStop) {
        stopped = true;
        closeAll();
        finished.complete(new ReplaySummary(events, malformed, byStop));
    }

    @Override
    public synchronized CompletionStage<Void> stop() {
        if (!stopped) {
            finish(true);
        }
        return CompletableFuture.completedFuture(null);
    }

    private void closeAll() {
        cursors.forEach(Cursor::close);
    }

    private static final class Cursor {
        final Path file;
        final CsvEventParser parser;
        BufferedReader reader;
        long line;
        MarketEvent pending;

        private Cursor(Path file, BufferedReader reader, CsvEventParser parser, long line) {
            this.file = file;
            this.reader = reader;
            this.parser = parser;
            this.line = line;
        }

        static Cursor open(Path file, CsvReplayOptions options) throws IOException, CsvFormatException {
            BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            try {
                long line = 0;
                String header;
                do {
                    header = reader.readLine();
                    line++;
                } while (header != null && (header.isBlank() || header.startsWith("#")));
                if (header == null) {
                    throw new CsvFormatException(file + " is empty (no header line)");
                }
                try {
                    return new Cursor(file, reader, new CsvEventParser(header, options.tradingDay(),
                            options.priceUnit(), options.volumeUnit()), line);
                } catch (CsvFormatException e) {
                    throw new CsvFormatException(file + ":" + line + ": " + e.getMessage());
                }
            } catch (IOException | CsvFormatException | RuntimeException e) {
                reader.close();
                throw e;
            }
        }

        void close() {
            if (reader != null) {
                try {
                    reader.close();
                } catch (IOException ignored) {
                    // nothing left to read from it either way
                }
                reader = null;
            }
        }
    }
}
