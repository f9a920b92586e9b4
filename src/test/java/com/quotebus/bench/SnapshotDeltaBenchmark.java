package com.quotebus.bench;

import com.quotebus.core.compress.RandomWalkSnapshots;
import com.quotebus.core.compress.SnapshotDeltaDecoder;
import com.quotebus.core.compress.SnapshotDeltaEncoder;
import com.quotebus.core.event.Snapshot;
import com.quotebus.wire.EventCodec;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost per snapshot of delta encoding + decoding ({@code deltaEncodeDecode}) against the full
 * {@link EventCodec} encoding + decoding ({@code fullEncodeDecode}), over a seeded random walk of
 * 50 interleaved codes. Each operation takes the next snapshot of the walk, encodes it into a heap
 * buffer and decodes it back. Run (see docs/wire-formats.md):
 * {@code java -cp ... org.openjdk.jmh.Main SnapshotDelta -f 1 -wi 2 -i 3 -w 1s -r 1s}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SnapshotDeltaBenchmark {
    /** "L2": 10 levels with order counts; "L1": 5 levels without. */
    @Param({"L2", "L1"})
    public String book;

    private Snapshot[] walk;
    private int next;
    private SnapshotDeltaEncoder encoder;
    private SnapshotDeltaDecoder decoder;
    private final ByteBuffer buf = ByteBuffer.allocate(SnapshotDeltaEncoder.MAX_FRAME_LENGTH);

    @Setup(Level.Trial)
    public void setUp() {
        boolean level2 = book.equals("L2");
        List<Snapshot> list = new RandomWalkSnapshots(20250603, 50, level2 ? 10 : 5, level2).take(8_192);
        walk = list.toArray(new Snapshot[0]);
        encoder = new SnapshotDeltaEncoder(64);
        decoder = new SnapshotDeltaDecoder(64);
    }

    private Snapshot nextSnapshot() {
        Snapshot s = walk[next];
        next = (next + 1) & (walk.length - 1);
        return s;
    }

    @Benchmark
    public Snapshot deltaEncodeDecode() {
        buf.clear();
        encoder.encode(nextSnapshot(), buf);
        buf.flip();
        return decoder.decode(buf);
    }

    @Benchmark
    public Snapshot fullEncodeDecode() {
        buf.clear();
        EventCodec.encode(nextSnapshot(), buf);
        buf.flip();
        return EventCodec.decodeSnapshot(buf);
    }
}
