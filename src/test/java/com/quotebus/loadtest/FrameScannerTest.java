package com.quotebus.loadtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameScannerTest {

    private static byte[] frame(String json) {
        byte[] p = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + p.length).putInt(p.length).put(p).array();
    }

    @Test
    void yieldsTheSameFramesWhateverTheSplitOfTheStream() {
        List<String> sent = List.of("{\"type\":\"pong\"}",
                "{\"type\":\"message\",\"address\":\"tick.1\",\"headers\":{},\"body\":{\"t\":1000000000000123,\"s\":7},\"send\":false}",
                "{\"type\":\"err\",\"message\":\"rate_limited\"}");
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (String s : sent) {
            all.writeBytes(frame(s));
        }
        byte[] stream = all.toByteArray();
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            FrameScanner scanner = new FrameScanner(1024);
            List<String> got = new ArrayList<>();
            int pos = 0;
            while (pos < stream.length) {
                int n = Math.min(stream.length - pos, 1 + random.nextInt(40));
                byte[] chunk = new byte[n];
                System.arraycopy(stream, pos, chunk, 0, n);
                scanner.feed(chunk, (d, off, len) -> got.add(new String(d, off, len, StandardCharsets.UTF_8)));
                pos += n;
            }
            assertThat(got).isEqualTo(sent);
            assertThat(scanner.pendingBytes()).isZero();
        }
    }

    @Test
    void refusesALengthAboveTheMaximumAndDeliversNothingAfterIt() {
        FrameScanner scanner = new FrameScanner(16);
        List<String> got = new ArrayList<>();
        boolean ok = scanner.feed(frame("{\"a\":\"0123456789abcdef\"}"), (d, o, l) -> got.add("x"));
        assertThat(ok).isFalse();
        assertThat(scanner.feed(frame("{}"), (d, o, l) -> got.add("x"))).isFalse();
        assertThat(got).isEmpty();
    }

    @Test
    void readsTheIntegerAfterAKeyOnlyWhenDigitsFollow() {
        byte[] d = "{\"body\":{\"t\":1000000000000042,\"s\":9,\"x\":\"y\"}}".getBytes(StandardCharsets.US_ASCII);
        assertThat(FrameScanner.longAfter(d, 0, d.length, FrameScanner.key("t"))).isEqualTo(1000000000000042L);
        assertThat(FrameScanner.longAfter(d, 0, d.length, FrameScanner.key("s"))).isEqualTo(9);
        assertThat(FrameScanner.longAfter(d, 0, d.length, FrameScanner.key("x"))).isEqualTo(-1);
        assertThat(FrameScanner.longAfter(d, 0, d.length, FrameScanner.key("missing"))).isEqualTo(-1);
    }
}
