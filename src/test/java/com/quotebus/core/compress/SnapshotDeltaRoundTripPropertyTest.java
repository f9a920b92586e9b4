package com.quotebus.core.compress;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.core.event.BookSide;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.TradingPhase;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * decode(encode(sequence)) == sequence for random sequences: prices walking by ticks, book depth
 * changing between 0, 1, 5, 10 and 20 levels, with and without order counts, ladders shifting,
 * phase changes, futures fields appearing, codes interleaved, resets, removals and forced
 * keyframes, and now and then extreme values (Long.MIN/MAX, negative prices, non-ASCII sources).
 */
class SnapshotDeltaRoundTripPropertyTest {
    private static final String[] CODES = {"600000.SH", "000001.SZ", "rb2510.SHF", "IF2506.CFX", "688981.SH"};

    /** One generated step: which code, how its state moves, and what the encoder is told to do. */
    record Step(int code, int move, int depth, boolean orders, TradingPhase phase, boolean futures, long volumeAdd,
                long noise) {}

    @Provide
    Arbitrary<List<Step>> walks() {
        Arbitrary<Step> step = Combinators.combine(
                Arbitraries.integers().between(0, CODES.length - 1),
                Arbitraries.integers().between(-3, 3),
                Arbitraries.of(0, 1, 5, 10, 20),
                Arbitraries.of(true, false),
                Arbitraries.of(TradingPhase.class),
                Arbitraries.of(true, false),
                Arbitraries.longs().between(0, 2_000_000),
                Arbitraries.longs())
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(300);
    }

    @Property(tries = 300, seed = "20250603")
    void decodingTheEncodedStreamGivesBackEverySnapshotExactly(@ForAll("walks") List<Step> steps) {
        SnapshotDeltaEncoder encoder = new SnapshotDeltaEncoder(CODES.length);
        SnapshotDeltaDecoder decoder = new SnapshotDeltaDecoder(CODES.length);
        ByteBuffer stream = ByteBuffer.allocate(steps.size() * SnapshotDeltaEncoder.MAX_FRAME_LENGTH);
        List<Snapshot> sent = new ArrayList<>();
        Builder builder = new Builder();
        for (Step step : steps) {
            Snapshot s = builder.apply(step);
            int op = Math.floorMod(step.noise() >>> 3, 20);
            int written;
            if (op == 0) {
                encoder.reset(s.code());
                written = encoder.encode(s, stream);
            } else if (op == 1) {
                encoder.remove(s.code());
                written = encoder.encode(s, stream);
            } else if (op == 2) {
                written = encoder.encodeKeyframe(s, stream);
            } else {
                written = encoder.encode(s, stream);
            }
            assertThat(written).isBetween(1, SnapshotDeltaEncoder.MAX_FRAME_LENGTH);
            sent.add(s);
        }
        stream.flip();
        List<Snapshot> decoded = new ArrayList<>();
        while (stream.hasRemaining()) {
            decoded.add(decoder.decode(stream));
        }
        assertThat(decoded).isEqualTo(sent);
        assertThat(decoder.codeCount()).isLessThanOrEqualTo(CODES.length);
    }

    /** Turns steps into snapshots, keeping per-code state so successive snapshots are related. */
    static final class Builder {
        private final Map<String, Snapshot> previous = new HashMap<>();

        Snapshot apply(Step step) {
            String code = CODES[step.code()];
            Random r = new Random(step.noise());
            Snapshot p = previous.get(code);
            long tick = code.endsWith("SHF") ? 10_000 : 100;
            long preClose = p == null ? 100_000 + tick * r.nextInt(1_000) : p.preClose();
            long last = p == null ? preClose : p.last() + step.move() * tick;
            long time = p == null ? 1_748_914_200_000L : p.exchangeTime() + r.nextInt(6_001) - 1_000;
            long volume = (p == null ? 0 : p.volume()) + step.volumeAdd();
            long turnover = (p == null ? 0 : p.turnover()) + step.volumeAdd() * last;
            long numTrades = (p == null ? 0 : p.numTrades()) + (step.volumeAdd() > 0 ? 1 + r.nextInt(9) : 0);
            long high = p == null ? last : Math.max(p.high(), last);
            long low = p == null ? last : Math.min(p.low(), last);
            long open = p == null || r.nextInt(10) == 0 ? (r.nextBoolean() ? 0 : last) : p.open();
            long seq = p == null ? r.nextInt(3) : (r.nextInt(8) == 0 ? r.nextInt(1_000) : p.seq() + 1);
            long channelSeq = p == null ? r.nextInt(1_000_000) : p.channelSeq() + r.nextInt(300);
            int channel = p == null || r.nextInt(30) == 0 ? r.nextInt(3_000) : p.channel();
            String source = p == null || r.nextInt(20) == 0
                    ? List.of("", "szse-a", "szse-b", "上交所").get(r.nextInt(4)) : p.source();
            long openInterest = step.futures() ? 1_000_000 + r.nextInt(1_000) : 0;
            long settlement = step.futures() && r.nextBoolean() ? last : 0;
            long preSettlement = step.futures() ? preClose : 0;
            long upper = p == null || r.nextInt(40) == 0 ? preClose * 11 / 10 : p.upperLimit();
            long lower = p == null || r.nextInt(40) == 0 ? preClose * 9 / 10 : p.lowerLimit();
            BookSide bid = side(p == null ? BookSide.EMPTY : p.bid(), last, -tick, step, r);
            BookSide ask = side(p == null ? BookSide.EMPTY : p.ask(), last + tick, tick, step, r);
            if (r.nextInt(25) == 0) {
                // Extremes: the encoding takes differences in wrapping arithmetic and must still be exact.
                long[] extremes = {Long.MIN_VALUE, Long.MAX_VALUE, -1, 0, -370_000};
                last = extremes[r.nextInt(extremes.length)];
                volume = extremes[r.nextInt(extremes.length)];
                time = extremes[r.nextInt(extremes.length)];
                channel = r.nextBoolean() ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            }
            Snapshot s = new Snapshot(code, time, step.phase(), preClose, open, high, low, last, volume, turnover,
                    numTrades, upper, lower, openInterest, settlement, preSettlement, bid, ask, channel, channelSeq,
                    seq, source);
            previous.put(code, s);
            return s;
        }

        /** A side of the requested depth: mostly the previous ladder, shifted or edited, sometimes fresh. */
        private static BookSide side(BookSide old, long best, long step, Step st, Random r) {
            int depth = st.depth();
            if (r.nextInt(6) == 0 && old.depth() == depth && (old.hasOrderCounts() == st.orders())) {
                return old; // unchanged side
            }
            int shift = r.nextInt(3) - 1;
            long[] prices = new long[depth];
            long[] volumes = new long[depth];
            int[] orders = st.orders() ? new int[depth] : null;
            for (int i = 0; i < depth; i++) {
                int j = i + shift;
                boolean keep = j >= 0 && j < old.depth() && r.nextInt(3) != 0;
                prices[i] = keep ? old.prices()[j] : best + i * step * (1 + r.nextInt(2));
                volumes[i] = keep ? old.volumes()[j] : 100L * r.nextInt(5_000);
                if (orders != null) {
                    orders[i] = keep && old.orders() != null ? old.orders()[j]
                            : (r.nextInt(50) == 0 ? Integer.MIN_VALUE : r.nextInt(60));
                }
            }
            return new BookSide(prices, volumes, orders);
        }
    }
}
