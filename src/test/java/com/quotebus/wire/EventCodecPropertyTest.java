package com.quotebus.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quotebus.core.event.BookSide;
import com.quotebus.core.event.Side;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.event.TradingPhase;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Every field of every event type round-trips for arbitrary values; arbitrary bytes never escape as anything but MalformedEventException. */
class EventCodecPropertyTest {

    @Provide
    Arbitrary<String> codes() {
        return Arbitraries.oneOf(
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(16).map(s -> s + ".SZ"),
                Arbitraries.strings().ofMaxLength(10)); // any chars, incl. non-ASCII, up to 30 UTF-8 bytes
    }

    @Provide
    Arbitrary<BookSide> sides() {
        return Arbitraries.integers().between(0, EventCodec.MAX_DEPTH).flatMap(depth -> Combinators.combine(
                Arbitraries.longs().array(long[].class).ofSize(depth),
                Arbitraries.longs().array(long[].class).ofSize(depth),
                Arbitraries.integers().array(int[].class).ofSize(depth).injectNull(0.5))
                .as(BookSide::new));
    }

    @Property(tries = 500, seed = "11")
    void snapshotsRoundTrip(@ForAll("codes") String code, @ForAll TradingPhase phase,
                            @ForAll @Size(14) long[] v, @ForAll("sides") BookSide bid, @ForAll("sides") BookSide ask,
                            @ForAll int channel, @ForAll("codes") String source) {
        // Zero the futures fields half of the time, as stocks do.
        boolean stock = (v[0] & 1) == 0;
        Snapshot s = new Snapshot(code, v[0], phase, v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10],
                stock ? 0 : v[11], stock ? 0 : v[12], stock ? 0 : v[13], bid, ask, channel, v[11] ^ v[12], v[13],
                source);
        assertThat(EventCodec.fromBytes(EventCodec.toBytes(s))).isEqualTo(s);
    }

    @Property(tries = 500, seed = "12")
    void tradesRoundTrip(@ForAll("codes") String code, @ForAll @Size(8) long[] v, @ForAll Side side,
                         @ForAll int channel, @ForAll("codes") String source) {
        long price = v[0] == Long.MIN_VALUE ? 1 : Math.max(1, Math.abs(v[0]));
        long quantity = v[1] == Long.MIN_VALUE ? 1 : Math.max(1, Math.abs(v[1]));
        Trade t = new Trade(code, v[2], price, quantity, v[3], side, channel, v[4], v[5], v[6], v[7], source);
        assertThat(EventCodec.fromBytes(EventCodec.toBytes(t))).isEqualTo(t);
    }

    @Property(tries = 500, seed = "13")
    void barsRoundTrip(@ForAll("codes") String code, @ForAll Period period, @ForAll @Size(9) long[] v,
                       @ForAll boolean closed, @ForAll boolean hasDay) {
        LocalDate day = hasDay ? LocalDate.ofEpochDay(Math.floorMod(v[0], 200_000L) - 50_000) : null;
        Bar b = new Bar(code, period, day, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], closed);
        assertThat(EventCodec.fromBytes(EventCodec.toBytes(b))).isEqualTo(b);
    }

    @Property(tries = 2_000, seed = "14")
    void arbitraryBytesAfterAValidHeaderDecodeOrAreMalformed(@ForAll @IntRange(min = 1, max = 3) int type,
                                                             @ForAll @Size(max = 300) byte[] body) {
        ByteBuffer buf = ByteBuffer.allocate(body.length + 2).put((byte) type).put(EventCodec.VERSION).put(body);
        buf.flip();
        try {
            assertThat(EventCodec.decode(buf)).isNotNull();
        } catch (MalformedEventException e) {
            assertThat(buf.position()).isZero();
        }
    }

    @Property(tries = 200, seed = "15")
    void decodeMarketEventRefusesBars(@ForAll Period period) {
        ByteBuffer buf = ByteBuffer.wrap(EventCodec.toBytes(SampleEvents.bar(period, true)));
        assertThatThrownBy(() -> EventCodec.decodeMarketEvent(buf))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("expected a snapshot, trade or market time");
    }
}
