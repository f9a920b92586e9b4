package com.quotebus.collector.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quotebus.collector.TestEvents;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.MarketTime;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.time.ManualClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTailTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-25");
    private static final long T0 = TestEvents.T0;

    @TempDir
    Path dir;

    private Path write(LocalDate day, List<MarketEvent> events, List<Long> positions) {
        try (JournalWriter w = JournalWriter.open(dir, day, WireEventSerializer.INSTANCE, FsyncPolicy.NEVER,
                new ManualClock(T0), r -> { })) {
            for (MarketEvent e : events) {
                long p = w.append(e);
                if (positions != null) {
                    positions.add(p);
                }
            }
            return w.file();
        }
    }

    /**
     * A day's stream as the collector journals it: trades and snapshots of 50 codes, exchange time rising by a few
     * ms with some disorder across codes, numbered per code, and a market time every 40 events a little behind.
     */
    private static List<MarketEvent> stream(int n, long seed) {
        Random rnd = new Random(seed);
        List<MarketEvent> out = new ArrayList<>();
        long t = T0;
        long[] seqs = new long[50];
        for (int i = 0; i < n; i++) {
            t += rnd.nextInt(8);
            int c = rnd.nextInt(50);
            String code = String.format("%06d.SZ", c);
            long time = t - rnd.nextInt(5); // another channel's event may arrive a few ms early
            MarketEvent e = TestEvents.random(rnd, ++seqs[c]);
            out.add(e instanceof Trade tr
                    ? new Trade(code, time, tr.price(), tr.quantity(), tr.amount(), tr.side(), 1 + c % 4, i + 1,
                            tr.buyOrderNo(), tr.sellOrderNo(), seqs[c], "szse-a")
                    : TestEvents.snapshot(code, time, 100_000 + i, i).withSequencing(seqs[c], "szse-a"));
            if (i % 40 == 39) {
                out.add(new MarketTime(t - 20));
            }
        }
        return out;
    }

    /** What reading the whole file gives. */
    private static long[] expected(List<MarketEvent> events) {
        long last = Long.MIN_VALUE;
        long watermark = Long.MIN_VALUE;
        for (MarketEvent e : events) {
            last = Math.max(last, e.exchangeTime());
            if (e instanceof MarketTime m) {
                watermark = m.exchangeTime();
            }
        }
        return new long[] {last, watermark};
    }

    private static long[] found(JournalTail.Summary s) {
        return new long[] {s.lastMarketTime(), s.watermark()};
    }

    @Test
    void theLastMarketTimeIsTheLatestExchangeTimeOfEventsAndMarketTimes() {
        Snapshot s = TestEvents.snapshot("000001.SZ", T0 + 120, 100_000, 100).withSequencing(2, "szse-a");
        Path file = write(DAY, List.of(TestEvents.trade("000001.SZ", 1, 1, T0 + 100, 100_000, 100),
                new MarketTime(T0 + 90), s, new MarketTime(T0 + 110),
                TestEvents.trade("000002.SZ", 2, 1, T0 + 115, 100_000, 100)), null);

        JournalTail.Summary tail = JournalTail.read(file, WireEventSerializer.INSTANCE);

        assertThat(tail.tradingDay()).isEqualTo(DAY);
        assertThat(tail.recordsRead()).isEqualTo(5);
        assertThat(tail.lastMarketTime()).as("the snapshot's time, later than every market time").isEqualTo(T0 + 120);
        assertThat(tail.watermark()).as("the last market-time record").isEqualTo(T0 + 110);
    }

    @Test
    void aMarketTimeLaterThanEveryEventIsTheLastMarketTime() {
        Path file = write(DAY, List.of(TestEvents.trade("000001.SZ", 1, 1, T0 + 100, 100_000, 100),
                new MarketTime(T0 + 3_000)), null);

        JournalTail.Summary tail = JournalTail.read(file, WireEventSerializer.INSTANCE);

        assertThat(found(tail)).containsExactly(T0 + 3_000, T0 + 3_000);
    }

    @Test
    void aJournalIsReadFromItsLastMegabyteOnly() throws IOException {
        List<MarketEvent> events = stream(60_000, 1);
        Path file = write(DAY, events, null);
        assertThat(Files.size(file)).isGreaterThan(3L * JournalTail.INITIAL_WINDOW);

        JournalTail.Summary tail = JournalTail.read(file, WireEventSerializer.INSTANCE);

        assertThat(found(tail)).containsExactly(expected(events));
        assertThat(tail.bytesRead()).isLessThanOrEqualTo(JournalFormat.HEADER_LENGTH + JournalTail.INITIAL_WINDOW);
        assertThat(tail.size()).isEqualTo(Files.size(file));
    }

    @Test
    void aWindowStartingAtAnyByteFindsTheNextRecordBoundary() {
        List<MarketEvent> events = stream(600, 2);
        Path file = write(DAY, events, null);
        long[] expected = expected(events);

        for (int window = 9; window < 6_000; window++) {
            JournalTail.Summary tail = JournalTail.read(file, WireEventSerializer.INSTANCE, window);
            assertThat(found(tail)).as("window %d", window).containsExactly(expected);
        }
    }

    @Test
    void aRecordTornAtAnyByteOrAZeroFilledTailIsNotData() throws IOException {
        List<MarketEvent> events = new ArrayList<>(stream(2_000, 3));
        events.add(TestEvents.trade("000009.SZ", 1, 99_999, T0 + 10_000_000, 100_000, 100)); // the latest time
        List<Long> positions = new ArrayList<>();
        Path file = write(DAY, events, positions);
        byte[] whole = Files.readAllBytes(file);
        long lastRecord = positions.get(positions.size() - 1);
        long[] withoutLast = expected(events.subList(0, events.size() - 1));

        for (long cut = lastRecord; cut < whole.length; cut++) {
            Files.write(file, Arrays.copyOf(whole, (int) cut));
            JournalTail.Summary tail = JournalTail.read(file, WireEventSerializer.INSTANCE, 4_096);
            assertThat(found(tail)).as("cut at %d", cut).containsExactly(withoutLast);
        }
        Files.write(file, whole);
        Files.write(file, new byte[8_192], StandardOpenOption.APPEND);
        assertThat(found(JournalTail.read(file, WireEventSerializer.INSTANCE, 4_096)))
                .containsExactly(expected(events));
    }

    @Test
    void aJournalWithoutMarketTimesIsReadWhole() throws IOException {
        List<MarketEvent> events = stream(20_000, 4).stream().filter(e -> !(e instanceof MarketTime)).toList();
        Path file = write(DAY, events, null);

        JournalTail.Summary tail = JournalTail.read(file, WireEventSerializer.INSTANCE, 4_096);

        assertThat(tail.watermark()).isEqualTo(Long.MIN_VALUE);
        assertThat(tail.lastMarketTime()).isEqualTo(expected(events)[0]);
        assertThat(tail.recordsRead()).isEqualTo(events.size());
        assertThat(tail.bytesRead()).isGreaterThanOrEqualTo(Files.size(file));
    }

    @Test
    void theNewestJournalWithARecordIsChosenOverLaterEmptyOnes() throws IOException {
        write(LocalDate.parse("2026-11-24"), stream(100, 5), null);
        List<MarketEvent> newest = stream(100, 6);
        write(DAY, newest, null);
        write(LocalDate.parse("2026-11-26"), List.of(), null); // the next day, opened ahead by the collector
        Files.createFile(dir.resolve("journal-20261127.qbj")); // created, header never written
        Files.writeString(dir.resolve("notes.txt"), "not a journal");

        JournalTail.Summary tail = JournalTail.newest(dir, WireEventSerializer.INSTANCE).orElseThrow();

        assertThat(tail.file().getFileName().toString()).isEqualTo("journal-20261125.qbj");
        assertThat(found(tail)).containsExactly(expected(newest));
    }

    @Test
    void noDirectoryOrNoRecordMeansNoJournal() {
        assertThat(JournalTail.newest(dir.resolve("absent"), WireEventSerializer.INSTANCE)).isEmpty();
        write(DAY, List.of(), null);
        assertThat(JournalTail.newest(dir, WireEventSerializer.INSTANCE)).isEmpty();
    }

    @Test
    void aFileThatIsNotAJournalIsReported() throws IOException {
        Files.write(JournalFormat.fileFor(dir, DAY), new byte[100]);

        assertThatThrownBy(() -> JournalTail.newest(dir, WireEventSerializer.INSTANCE))
                .isInstanceOf(JournalCorruptedException.class).hasMessageContaining("not a journal");
    }
}
