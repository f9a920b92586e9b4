package com.quotebus.access.bridge.frame;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    /** Records what the decoder reports, in order, as text. */
    private static final class Recorder implements FrameListener {
        final List<String> events = new ArrayList<>();

        @Override
        public void onFrame(JsonObject frame, int wireBytes) {
            events.add("frame " + frame.encode() + " " + wireBytes);
        }

        @Override
        public void onInvalidFrame(ErrorCode code) {
            events.add("invalid " + code.wire());
        }

        @Override
        public void onFatal(ErrorCode code) {
            events.add("fatal " + code.wire());
        }
    }

    private static byte[] frame(String json) {
        byte[] p = json.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(4 + p.length).putInt(p.length).put(p).array();
    }

    private static byte[] stream() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(frame("{\"type\":\"ping\"}"));
        out.write(frame("not json"));
        out.write(new byte[4]);
        out.write(frame("[1]"));
        out.write(frame("{\"type\":\"send\",\"address\":\"svc.a\",\"body\":{\"s\":\"价格\"}}"));
        return out.toByteArray();
    }

    private static final List<String> EXPECTED = List.of(
            "frame {\"type\":\"ping\"} 19",
            "invalid invalid_json",
            "invalid empty_frame",
            "invalid invalid_frame",
            "frame {\"type\":\"send\",\"address\":\"svc.a\",\"body\":{\"s\":\"价格\"}} 59");

    @Test
    void wholeStreamInOneReadGivesEveryFrameInOrder() throws Exception {
        Recorder r = new Recorder();
        new FrameDecoder(1024, r).feed(Unpooled.wrappedBuffer(stream()));
        assertThat(r.events).isEqualTo(EXPECTED);
    }

    @Test
    void everyTwoWaySplitOfTheStreamGivesTheSameFrames() throws Exception {
        byte[] s = stream();
        for (int cut = 0; cut <= s.length; cut++) {
            Recorder r = new Recorder();
            FrameDecoder d = new FrameDecoder(1024, r);
            d.feed(Unpooled.wrappedBuffer(s, 0, cut));
            d.feed(Unpooled.wrappedBuffer(s, cut, s.length - cut));
            assertThat(r.events).as("cut at %d", cut).isEqualTo(EXPECTED);
            assertThat(d.carriedBytes()).isZero();
        }
    }

    @Test
    void randomSplitsIntoManyReadsGiveTheSameFrames() throws Exception {
        byte[] s = stream();
        Random random = new Random(20240611L);
        for (int round = 0; round < 500; round++) {
            Recorder r = new Recorder();
            FrameDecoder d = new FrameDecoder(1024, r);
            int at = 0;
            while (at < s.length) {
                int n = Math.min(s.length - at, 1 + random.nextInt(9));
                d.feed(Unpooled.wrappedBuffer(s, at, n));
                at += n;
            }
            assertThat(r.events).as("round %d", round).isEqualTo(EXPECTED);
        }
    }

    @Test
    void negativeLengthIsFatalAndLaterInputIsIgnored() {
        Recorder r = new Recorder();
        FrameDecoder d = new FrameDecoder(1024, r);
        d.feed(Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}));
        d.feed(Unpooled.wrappedBuffer(frame("{\"type\":\"ping\"}")));
        assertThat(r.events).containsExactly("fatal invalid_length");
    }

    @Test
    void oversizedLengthIsFatalAsSoonAsThePrefixIsComplete() {
        Recorder r = new Recorder();
        FrameDecoder d = new FrameDecoder(1024, r);
        d.feed(Unpooled.wrappedBuffer(frame("{\"type\":\"ping\"}")));
        d.feed(Unpooled.wrappedBuffer(new byte[] {0, 0}));
        assertThat(r.events).hasSize(1);
        d.feed(Unpooled.wrappedBuffer(new byte[] {4, 1}));
        assertThat(r.events).containsExactly("frame {\"type\":\"ping\"} 19", "fatal frame_too_large");
        assertThat(d.carriedBytes()).isZero();
    }

    @Test
    void carriedBytesNeverExceedOneMaximalFrame() {
        Recorder r = new Recorder();
        FrameDecoder d = new FrameDecoder(100, r);
        byte[] partial = ByteBuffer.allocate(4 + 60).putInt(100).array();
        d.feed(Unpooled.wrappedBuffer(partial));
        assertThat(d.carriedBytes()).isEqualTo(64);
        assertThat(r.events).isEmpty();
    }
}
