package com.quotebus.core.compress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quotebus.core.event.Snapshot;
import com.quotebus.wire.EventCodec;
import com.quotebus.wire.MalformedEventException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SnapshotDeltaCodecTest {

    /** Encodes each snapshot into its own frame. */
    private static List<ByteBuffer> frames(SnapshotDeltaEncoder encoder, List<Snapshot> snapshots) {
        List<ByteBuffer> frames = new ArrayList<>();
        for (Snapshot s : snapshots) {
            ByteBuffer buf = ByteBuffer.allocate(SnapshotDeltaEncoder.MAX_FRAME_LENGTH);
            encoder.encode(s, buf);
            frames.add(buf.flip());
        }
        return frames;
    }

    private static List<Snapshot> decodeAll(SnapshotDeltaDecoder decoder, List<ByteBuffer> frames) {
        List<Snapshot> out = new ArrayList<>();
        for (ByteBuffer f : frames) {
            out.add(decoder.decode(f.duplicate()));
        }
        return out;
    }

    @Test
    void firstSnapshotOfACodeIsAKeyframeAndLaterOnesAreSmallDeltas() {
        List<Snapshot> walk = new RandomWalkSnapshots(1, 1, 10, true).take(20);
        List<ByteBuffer> frames = frames(new SnapshotDeltaEncoder(4), walk);
        int fullSize = EventCodec.toBytes(walk.get(0)).length;
        assertThat(frames.get(0).remaining()).isEqualTo(fullSize); // header + slot replace type + version
        for (ByteBuffer f : frames.subList(1, frames.size())) {
            assertThat(f.remaining()).isLessThan(fullSize / 2);
        }
        assertThat(decodeAll(new SnapshotDeltaDecoder(4), frames)).isEqualTo(walk);
    }

    @Test
    void aDeltaWithoutItsKeyframeIsRejectedAndChangesNothing() {
        List<Snapshot> walk = new RandomWalkSnapshots(2, 1, 5, false).take(3);
        List<ByteBuffer> frames = frames(new SnapshotDeltaEncoder(4), walk);
        SnapshotDeltaDecoder lateJoiner = new SnapshotDeltaDecoder(4);
        ByteBuffer delta = frames.get(1).duplicate();
        assertThatThrownBy(() -> lateJoiner.decode(delta))
                .isInstanceOf(DeltaBaseMissingException.class)
                .hasMessageContaining("no keyframe was decoded");
        assertThat(delta.position()).isZero();
        assertThat(lateJoiner.codeCount()).isZero();
    }

    @Test
    void aLostFrameIsDetectedAndTheDecoderCanContinueOnceItArrives() {
        List<Snapshot> walk = new RandomWalkSnapshots(3, 1, 10, true).take(4);
        List<ByteBuffer> frames = frames(new SnapshotDeltaEncoder(4), walk);
        SnapshotDeltaDecoder decoder = new SnapshotDeltaDecoder(4);
        assertThat(decoder.decode(frames.get(0).duplicate())).isEqualTo(walk.get(0));
        assertThatThrownBy(() -> decoder.decode(frames.get(2).duplicate()))
                .isInstanceOf(DeltaBaseMissingException.class)
                .hasMessageContaining("frames were lost or skipped");
        // Nothing was applied: the missing frame, then the rest, still decode exactly.
        assertThat(decodeAll(decoder, frames.subList(1, 4))).isEqualTo(walk.subList(1, 4));
    }

    @Test
    void resetAndForcedKeyframesLetALateJoinerStartThere() {
        List<Snapshot> walk = new RandomWalkSnapshots(4, 1, 5, false).take(6);
        SnapshotDeltaEncoder encoder = new SnapshotDeltaEncoder(1);
        List<ByteBuffer> frames = frames(encoder, walk.subList(0, 3));
        encoder.reset(walk.get(3).code());
        frames.addAll(frames(encoder, walk.subList(3, 5)));
        ByteBuffer forced = ByteBuffer.allocate(SnapshotDeltaEncoder.MAX_FRAME_LENGTH);
        encoder.encodeKeyframe(walk.get(5), forced);
        frames.add(forced.flip());

        assertThat(decodeAll(new SnapshotDeltaDecoder(1), frames.subList(3, 6))).isEqualTo(walk.subList(3, 6));
        assertThat(decodeAll(new SnapshotDeltaDecoder(1), frames.subList(5, 6))).isEqualTo(walk.subList(5, 6));
    }

    @Test
    void theCodeCapIsEnforcedAndRemovedCodesFreeTheirSlot() {
        List<Snapshot> walk = new RandomWalkSnapshots(5, 3, 5, false).take(200);
        List<String> codes = walk.stream().map(Snapshot::code).distinct().toList();
        assertThat(codes).hasSize(3);
        SnapshotDeltaEncoder encoder = new SnapshotDeltaEncoder(2);
        SnapshotDeltaDecoder decoder = new SnapshotDeltaDecoder(2);
        List<Snapshot> decoded = new ArrayList<>();
        List<Snapshot> expected = new ArrayList<>();
        int refused = 0;
        ByteBuffer buf = ByteBuffer.allocate(SnapshotDeltaEncoder.MAX_FRAME_LENGTH);
        for (int i = 0; i < walk.size(); i++) {
            Snapshot s = walk.get(i);
            if (i % 10 == 9) {
                encoder.remove(codes.get(i % 3)); // some code goes away now and then
            }
            buf.clear();
            try {
                encoder.encode(s, buf);
            } catch (IllegalStateException e) {
                assertThat(e).hasMessageContaining("already tracks 2 codes (maxCodes), cannot add " + s.code());
                refused++;
                continue;
            }
            expected.add(s);
            decoded.add(decoder.decode(buf.flip()));
            assertThat(encoder.codeCount()).isLessThanOrEqualTo(2);
        }
        assertThat(refused).isPositive();
        assertThat(decoded).isEqualTo(expected);
        assertThat(decoder.codeCount()).isLessThanOrEqualTo(2);
    }

    @Test
    void aSlotBeyondTheDecoderCapIsMalformed() {
        SnapshotDeltaEncoder encoder = new SnapshotDeltaEncoder(8);
        List<Snapshot> walk = new RandomWalkSnapshots(6, 8, 5, false).take(100);
        List<ByteBuffer> frames = frames(encoder, walk);
        SnapshotDeltaDecoder small = new SnapshotDeltaDecoder(2);
        assertThatThrownBy(() -> decodeAll(small, frames))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("slot: 2 exceeds the limit of 1");
    }

    @Test
    void aFailedEncodeLeavesBufferAndStateUntouched() {
        List<Snapshot> walk = new RandomWalkSnapshots(7, 1, 10, true).take(3);
        SnapshotDeltaEncoder encoder = new SnapshotDeltaEncoder(1);
        SnapshotDeltaDecoder decoder = new SnapshotDeltaDecoder(1);
        ByteBuffer big = ByteBuffer.allocate(SnapshotDeltaEncoder.MAX_FRAME_LENGTH);
        encoder.encode(walk.get(0), big);
        assertThat(decoder.decode(big.flip())).isEqualTo(walk.get(0));

        ByteBuffer tiny = ByteBuffer.allocate(8);
        tiny.put((byte) 0x55);
        assertThatThrownBy(() -> encoder.encode(walk.get(1), tiny)).isInstanceOf(BufferOverflowException.class);
        assertThat(tiny.position()).isEqualTo(1);

        for (Snapshot s : walk.subList(1, 3)) {
            big.clear();
            encoder.encode(s, big);
            assertThat(decoder.decode(big.flip())).isEqualTo(s);
        }
    }

    @Test
    void unknownVersionOrKindIsMalformed() {
        ByteBuffer frame = frames(new SnapshotDeltaEncoder(1), new RandomWalkSnapshots(8, 1, 5, false).take(1)).get(0);
        ByteBuffer v2 = frame.duplicate();
        v2.put(0, (byte) 0x21);
        assertThatThrownBy(() -> new SnapshotDeltaDecoder(1).decode(v2))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("unsupported delta frame version 2");
        ByteBuffer kind = frame.duplicate();
        kind.put(0, (byte) 0x17);
        assertThatThrownBy(() -> new SnapshotDeltaDecoder(1).decode(kind))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("unknown delta frame kind 7");
    }

    @Test
    void corruptFramesDecodeOrAreReportedAsMalformedNeverAnythingElse() {
        List<Snapshot> walk = new RandomWalkSnapshots(9, 4, 10, true).take(400);
        List<ByteBuffer> frames = frames(new SnapshotDeltaEncoder(4), walk);
        Random random = new Random(99);
        int malformed = 0;
        for (int trial = 0; trial < 2_000; trial++) {
            SnapshotDeltaDecoder decoder = new SnapshotDeltaDecoder(4);
            int corruptAt = random.nextInt(frames.size());
            for (int i = 0; i <= corruptAt; i++) {
                ByteBuffer f = frames.get(i).duplicate();
                if (i == corruptAt) {
                    ByteBuffer copy = ByteBuffer.allocate(f.remaining()).put(f).flip();
                    copy.put(random.nextInt(copy.limit()), (byte) random.nextInt(256));
                    f = copy;
                }
                try {
                    decoder.decode(f);
                } catch (MalformedEventException e) {
                    malformed++;
                    assertThat(f.position()).isZero();
                    break;
                }
            }
        }
        assertThat(malformed).isPositive();
    }

    @Test
    void compressionRatioOnARealisticRandomWalk() {
        double level2 = ratio(new RandomWalkSnapshots(20250603, 50, 10, true).take(20_000), "level-2, 10 levels + counts");
        double level1 = ratio(new RandomWalkSnapshots(20250603, 50, 5, false).take(20_000), "level-1, 5 levels");
        // Regression guards a little below today's figures (see docs/wire-formats.md).
        assertThat(level2).isGreaterThan(4.0);
        assertThat(level1).isGreaterThan(2.8);
    }

    private static double ratio(List<Snapshot> walk, String label) {
        SnapshotDeltaEncoder encoder = new SnapshotDeltaEncoder(64);
        SnapshotDeltaDecoder decoder = new SnapshotDeltaDecoder(64);
        ByteBuffer buf = ByteBuffer.allocate(SnapshotDeltaEncoder.MAX_FRAME_LENGTH);
        ByteBuffer full = ByteBuffer.allocate(EventCodec.MAX_ENCODED_LENGTH);
        long fullBytes = 0;
        long deltaBytes = 0;
        for (Snapshot s : walk) {
            full.clear();
            fullBytes += EventCodec.encode(s, full);
            buf.clear();
            deltaBytes += encoder.encode(s, buf);
            assertThat(decoder.decode(buf.flip())).isEqualTo(s);
        }
        double ratio = (double) fullBytes / deltaBytes;
        System.out.printf("delta compression, %s, %d snapshots of 50 codes: full %.1f B/snapshot, delta %.1f B/snapshot,"
                + " ratio %.2f%n", label, walk.size(), (double) fullBytes / walk.size(),
                (double) deltaBytes / walk.size(), ratio);
        return ratio;
    }
}
