package com.quotebus.collector.szse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quotebus.core.event.Side;
import com.quotebus.core.event.Trade;
import com.quotebus.core.time.ChinaTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SzseRecordedFileSourceTest {
    private static final long T = ChinaTime.epochMillis(LocalDateTime.parse("2025-03-04T10:00:00.250"));

    private static Trade trade(long seq) {
        return new Trade("000001.SZ", T, 12_3400L, 100, 12_3400L * 100, Side.BUY, 1, seq, seq, seq - 1, 0, "");
    }

    @Test
    void startReplaysTheFileOnItsOwnThreadAndReportsTheEnd(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("day.bin");
        Files.write(file, new SzseEncoder().trade(trade(2)).channelHeartbeat(1, 2, false).trade(trade(3))
                .toByteArray());
        RecordingSink sink = new RecordingSink();
        SzseRecordedFileSource source = new SzseRecordedFileSource("file", file, c -> 1);
        source.start(sink).toCompletableFuture().get(5, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (sink.connections.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        source.stop().toCompletableFuture().get(15, TimeUnit.SECONDS);
        assertThat(sink.events).containsExactly(trade(2), trade(3));
        assertThat(sink.heartbeats).containsExactly("1:2");
        assertThat(sink.connections).containsExactly("connected", "disconnected: end of recording");
    }

    @Test
    void aCorruptRecordingStopsTheReplayAfterSayingWhy(@TempDir Path dir) throws Exception {
        byte[] good = new SzseEncoder().trade(trade(2)).toByteArray();
        byte[] absurd = {0, 4, (byte) 0x94, 0x4F, 0x7f, 0, 0, 0}; // MsgType 300111, BodyLength 2130706432
        Path file = dir.resolve("bad.bin");
        Files.write(file, WireBytes.concat(good, absurd, good));
        RecordingSink sink = new RecordingSink();
        new SzseRecordedFileSource("file", file, c -> 1).replay(sink);
        assertThat(sink.events).containsExactly(trade(2));
        assertThat(sink.malformed).containsExactly("BodyLength 2130706432 of MsgType 300111 exceeds the cap 65536; "
                + "stream framing lost (connection dropped)");
        assertThat(sink.connections).last().isEqualTo("disconnected: recording " + file + " is corrupt; replay stopped");
    }

    @Test
    void aTruncatedRecordingReportsTheIncompleteFrame(@TempDir Path dir) throws Exception {
        byte[] two = new SzseEncoder().trade(trade(2)).trade(trade(3)).toByteArray();
        Path file = dir.resolve("cut.bin");
        Files.write(file, java.util.Arrays.copyOf(two, two.length - 10));
        RecordingSink sink = new RecordingSink();
        new SzseRecordedFileSource("file", file, c -> 1).replay(sink);
        assertThat(sink.events).containsExactly(trade(2));
        assertThat(sink.malformed).containsExactly("recording " + file + " ends inside a frame (68 bytes)");
    }

    @Test
    void aMissingFileFailsTheStartWithTheReason(@TempDir Path dir) {
        Path missing = dir.resolve("none.bin");
        assertThatThrownBy(() -> new SzseRecordedFileSource("file", missing, c -> 1).start(new RecordingSink())
                .toCompletableFuture().get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("feed file cannot open " + missing);
    }
}
