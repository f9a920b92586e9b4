package com.quotebus.collector.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quotebus.collector.TestEvents;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.time.ManualClock;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-25");
    private final ManualClock clock = new ManualClock(TestEvents.T0);

    @TempDir
    Path dir;

    private JournalWriter openWriter(List<MarketEvent> recovered) {
        return JournalWriter.open(dir, DAY, WireEventSerializer.INSTANCE, FsyncPolicy.DEFAULT, clock,
                r -> recovered.add(r.event()));
    }

    private List<MarketEvent> writeRandom(int n, long seed, List<Long> positions) {
        Random rnd = new Random(seed);
        List<MarketEvent> written = new ArrayList<>();
        try (JournalWriter w = openWriter(new ArrayList<>())) {
            for (int i = 0; i < n; i++) {
                MarketEvent e = TestEvents.random(rnd, i + 1);
                positions.add(w.append(e));
                written.add(e);
            }
        }
        return written;
    }

    private static List<JournalRecord> readAll(Path file) {
        List<JournalRecord> out = new ArrayList<>();
        try (JournalReader r = JournalReader.open(file, WireEventSerializer.INSTANCE)) {
            JournalRecord rec;
            while ((rec = r.next()) != null) {
                out.add(rec);
            }
        }
        return out;
    }

    private static List<MarketEvent> events(List<JournalRecord> records) {
        return records.stream().map(JournalRecord::event).toList();
    }

    private Path file() {
        return JournalFormat.fileFor(dir, DAY);
    }

    @Test
    void replayReturnsExactlyTheEventsWrittenWithTheirPositions() {
        List<Long> positions = new ArrayList<>();
        List<MarketEvent> written = writeRandom(3000, 42, positions);

        List<JournalRecord> read = readAll(file());

        assertThat(events(read)).isEqualTo(written);
        assertThat(read.stream().map(JournalRecord::position).toList()).isEqualTo(positions);
    }

    @Test
    void reopeningForAppendRecoversEveryRecordAndContinuesAfterThem() {
        List<MarketEvent> written = writeRandom(100, 7, new ArrayList<>());
        List<MarketEvent> recovered = new ArrayList<>();
        MarketEvent extra = TestEvents.random(new Random(99), 101);
        try (JournalWriter w = openWriter(recovered)) {
            assertThat(w.recoveredRecords()).isEqualTo(100);
            assertThat(w.truncatedBytes()).isZero();
            w.append(extra);
        }
        assertThat(recovered).isEqualTo(written);
        List<MarketEvent> expected = new ArrayList<>(written);
        expected.add(extra);
        assertThat(events(readAll(file()))).isEqualTo(expected);
    }

    @Test
    void aRecordTornAtAnyByteIsDroppedOnOpenAndTheCompleteOnesKept() throws IOException {
        List<Long> positions = new ArrayList<>();
        List<MarketEvent> written = writeRandom(20, 3, positions);
        byte[] whole = Files.readAllBytes(file());
        long last = positions.get(positions.size() - 1);
        List<MarketEvent> complete = written.subList(0, written.size() - 1);

        for (long cut = last + 1; cut < whole.length; cut++) {
            Files.write(file(), java.util.Arrays.copyOf(whole, (int) cut));

            assertThat(events(readAll(file()))).as("read, cut at %d", cut).isEqualTo(complete);
            List<MarketEvent> recovered = new ArrayList<>();
            try (JournalWriter w = openWriter(recovered)) {
                assertThat(w.truncatedBytes()).as("truncated, cut at %d", cut).isEqualTo(cut - last);
                w.append(written.get(written.size() - 1));
            }
            assertThat(recovered).isEqualTo(complete);
            assertThat(events(readAll(file()))).as("after re-append, cut at %d", cut).isEqualTo(written);
        }
    }

    @Test
    void aZeroFilledTailLeftByAPowerCutIsNotData() throws IOException {
        List<MarketEvent> written = writeRandom(10, 5, new ArrayList<>());
        Files.write(file(), new byte[4096], StandardOpenOption.APPEND);

        assertThat(events(readAll(file()))).isEqualTo(written);
        try (JournalWriter w = openWriter(new ArrayList<>())) {
            assertThat(w.truncatedBytes()).isEqualTo(4096);
        }
    }

    @Test
    void aLastRecordWithABadChecksumIsTreatedAsTorn() throws IOException {
        List<Long> positions = new ArrayList<>();
        List<MarketEvent> written = writeRandom(10, 11, positions);
        flipByte(positions.get(9) + JournalFormat.RECORD_HEADER + 3);

        assertThat(events(readAll(file()))).isEqualTo(written.subList(0, 9));
    }

    @Test
    void aCorruptedRecordBeforeTheTailIsReportedWithItsPositionAndNeverRepaired() throws IOException {
        List<Long> positions = new ArrayList<>();
        writeRandom(10, 13, positions);
        flipByte(positions.get(4) + JournalFormat.RECORD_HEADER + 5);
        long size = Files.size(file());

        assertThatThrownBy(() -> readAll(file())).isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining("at byte " + positions.get(4)).hasMessageContaining("checksum");
        assertThatThrownBy(() -> openWriter(new ArrayList<>())).isInstanceOf(JournalCorruptedException.class);
        assertThat(Files.size(file())).isEqualTo(size);
    }

    @Test
    void aCorruptedLengthBeforeTheTailIsReported() throws IOException {
        List<Long> positions = new ArrayList<>();
        writeRandom(10, 17, positions);
        flipByte(positions.get(2));

        assertThatThrownBy(() -> readAll(file())).isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining("at byte " + positions.get(2));
    }

    @Test
    void aFileOfAnotherDayOrNotAJournalIsRefused() throws IOException {
        writeRandom(1, 1, new ArrayList<>());
        Files.move(file(), JournalFormat.fileFor(dir, DAY.plusDays(1)));
        assertThatThrownBy(() -> JournalWriter.open(dir, DAY.plusDays(1), WireEventSerializer.INSTANCE,
                FsyncPolicy.NEVER, clock, r -> { })).isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining("trading day 2026-11-25, expected 2026-11-26");

        Files.writeString(file(), "code,time,price\n600000.SH,09:30:00,10.0\n");
        assertThatThrownBy(() -> readAll(file())).isInstanceOf(JournalCorruptedException.class)
                .hasMessageContaining("not a journal");
    }

    @Test
    void aTailingReaderFollowsTheWriterAndResumesFromAPosition() {
        Random rnd = new Random(21);
        try (JournalWriter w = openWriter(new ArrayList<>());
                JournalReader tail = JournalReader.open(file(), WireEventSerializer.INSTANCE)) {
            assertThat(tail.next()).isNull();
            List<MarketEvent> written = new ArrayList<>();
            List<MarketEvent> followed = new ArrayList<>();
            long thirdPosition = 0;
            for (int i = 0; i < 50; i++) {
                MarketEvent e = TestEvents.random(rnd, i + 1);
                long p = w.append(e);
                thirdPosition = i == 2 ? p : thirdPosition;
                written.add(e);
                if (i % 7 == 0) {
                    JournalRecord r;
                    while ((r = tail.next()) != null) {
                        followed.add(r.event());
                    }
                }
            }
            JournalRecord r;
            while ((r = tail.next()) != null) {
                followed.add(r.event());
            }
            assertThat(followed).isEqualTo(written);
            assertThat(tail.position()).isEqualTo(w.position());

            tail.seek(thirdPosition);
            List<MarketEvent> fromThird = new ArrayList<>();
            while ((r = tail.next()) != null) {
                fromThird.add(r.event());
            }
            assertThat(fromThird).isEqualTo(written.subList(2, 50));
        }
    }

    private void flipByte(long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, offset);
            b.put(0, (byte) (b.get(0) ^ 0x5A)).position(0);
            ch.write(b, offset);
        }
    }
}
