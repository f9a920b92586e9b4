package com.quotebus.collector.szse;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.collector.sim.MarketGenerator;
import com.quotebus.collector.sim.SimulatorConfig;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.TradingCalendar;
import java.time.LocalDateTime;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class SzseDecoderPropertiesTest {
    private static final byte[] STREAM;
    private static final RecordingSink WHOLE = new RecordingSink();

    static {
        MarketGenerator g = new MarketGenerator(new SimulatorConfig(3L, 20, true, 100, 2, 3000, 10),
                TradingCalendar.loadDefault());
        long t = ChinaTime.epochMillis(LocalDateTime.parse("2025-03-04T09:29:58"));
        g.startAt(t);
        SzseEventPublisher p = new SzseEventPublisher(2);
        g.advanceTo(t + 10_000, p);
        p.channelHeartbeats();
        STREAM = p.encoder().toByteArray();
        new SzseDecoder(new SzseFeedAdapter("w", WHOLE, c -> 1)).feed(STREAM, 0, STREAM.length);
    }

    @Property(tries = 200)
    void anyChunkingDecodesTheSameEvents(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = 1, max = 3000) Integer> chunks) {
        RecordingSink sink = new RecordingSink();
        SzseDecoder d = new SzseDecoder(new SzseFeedAdapter("w", sink, c -> 1));
        int off = 0;
        int i = 0;
        while (off < STREAM.length) {
            int n = Math.min(chunks.get(i++ % chunks.size()), STREAM.length - off);
            assertThat(d.feed(STREAM, off, n)).isTrue();
            off += n;
        }
        assertThat(sink.events).isEqualTo(WHOLE.events);
        assertThat(sink.heartbeats).isEqualTo(WHOLE.heartbeats);
        assertThat(WHOLE.events).hasSizeGreaterThan(100);
    }

    @Property(tries = 300)
    void garbageNeverThrowsKeepsMemoryBoundedAndIsReported(@ForAll @Size(min = 12, max = 5000) byte[] garbage,
            @ForAll @IntRange(min = 1, max = 700) int chunk) {
        RecordingSink sink = new RecordingSink();
        SzseDecoder d = new SzseDecoder(new SzseFeedAdapter("g", sink, c -> 1), 4096);
        for (int off = 0; off < garbage.length; off += chunk) {
            if (!d.feed(garbage, off, Math.min(chunk, garbage.length - off))) {
                break;
            }
        }
        assertThat(d.pendingBytes()).isLessThanOrEqualTo(8 + 4096 + 4);
        assertThat((long) sink.malformed.size()).isGreaterThanOrEqualTo(d.malformed());
        if (d.isBroken()) {
            assertThat(sink.malformed).last().asString().contains("framing lost");
        }
        // random bytes are a valid frame only by a 1-in-256 checksum accident and a known type
        assertThat(d.malformed() + d.pendingBytes() + d.skipped()).isPositive();
    }

    @Property(tries = 300, seed = "20250304")
    void oneCorruptBodyOrTrailerByteLosesOnlyItsFrameAndIsReported(
            @ForAll @IntRange(min = 0, max = 1_000_000) int where, @ForAll byte delta) {
        if (delta == 0) {
            return;
        }
        byte[] copy = STREAM.clone();
        int at = where % copy.length;
        if (inHeader(at)) {
            return;
        }
        copy[at] += delta;
        RecordingSink sink = new RecordingSink();
        SzseDecoder d = new SzseDecoder(new SzseFeedAdapter("c", sink, c -> 1));
        assertThat(d.feed(copy, 0, copy.length)).isTrue();
        assertThat(sink.malformed).hasSize(1);
        assertThat(sink.malformed.get(0)).startsWith("bad checksum");
        // what arrived is the whole stream minus at most one event (the damaged frame may be an order)
        List<Object> expected = new java.util.ArrayList<>(WHOLE.events);
        assertThat(sink.events.size()).isBetween(expected.size() - 1, expected.size());
        assertThat(expected).containsAll(sink.events);
    }

    private static boolean inHeader(int at) {
        int off = 0;
        while (off < STREAM.length) {
            int body = ((STREAM[off + 4] & 0xff) << 24) | ((STREAM[off + 5] & 0xff) << 16) | ((STREAM[off + 6] & 0xff) << 8)
                    | (STREAM[off + 7] & 0xff);
            if (at >= off && at < off + 8) {
                return true;
            }
            off += 12 + body;
        }
        return false;
    }
}
