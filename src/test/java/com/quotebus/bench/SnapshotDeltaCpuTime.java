package com.quotebus.bench;

import com.quotebus.core.compress.RandomWalkSnapshots;
import com.quotebus.core.compress.SnapshotDeltaDecoder;
import com.quotebus.core.compress.SnapshotDeltaEncoder;
import com.quotebus.core.event.Snapshot;
import com.quotebus.wire.EventCodec;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;

/**
 * The operations of {@link SnapshotDeltaBenchmark}, timed in thread CPU time rather than wall
 * time, so the figure holds on a machine shared with other work (the JMH wall-clock figure does
 * not). Prints CPU ns per encode+decode, best of 5 rounds of 1M snapshots after a 3M warm-up.
 * Run: {@code java -cp <test classpath> com.quotebus.bench.SnapshotDeltaCpuTime}
 */
public final class SnapshotDeltaCpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final int ROUND = 1_000_000;
    private static long sink;

    private SnapshotDeltaCpuTime() {}

    public static void main(String[] args) {
        for (boolean level2 : new boolean[] {true, false}) {
            Snapshot[] walk = new RandomWalkSnapshots(20250603, 50, level2 ? 10 : 5, level2).take(8_192)
                    .toArray(new Snapshot[0]);
            String book = level2 ? "L2" : "L1";
            System.out.printf("deltaEncodeDecode %s: %.0f CPU ns/op%n", book, best(walk, true));
            System.out.printf("fullEncodeDecode  %s: %.0f CPU ns/op%n", book, best(walk, false));
        }
        System.out.println(sink == 42 ? "" : "(done)");
    }

    private static double best(Snapshot[] walk, boolean delta) {
        SnapshotDeltaEncoder encoder = new SnapshotDeltaEncoder(64);
        SnapshotDeltaDecoder decoder = new SnapshotDeltaDecoder(64);
        ByteBuffer buf = ByteBuffer.allocate(SnapshotDeltaEncoder.MAX_FRAME_LENGTH);
        run(walk, delta, encoder, decoder, buf, 3 * ROUND);
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            run(walk, delta, encoder, decoder, buf, ROUND);
            best = Math.min(best, (THREADS.getCurrentThreadCpuTime() - t0) / (double) ROUND);
        }
        return best;
    }

    private static void run(Snapshot[] walk, boolean delta, SnapshotDeltaEncoder encoder,
            SnapshotDeltaDecoder decoder, ByteBuffer buf, int n) {
        int mask = walk.length - 1;
        long acc = 0;
        for (int i = 0; i < n; i++) {
            Snapshot s = walk[i & mask];
            buf.clear();
            Snapshot back;
            if (delta) {
                encoder.encode(s, buf);
                back = decoder.decode(buf.flip());
            } else {
                EventCodec.encode(s, buf);
                back = EventCodec.decodeSnapshot(buf.flip());
            }
            acc += back.seq();
        }
        sink += acc;
    }
}
