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
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EventCodecTest {

    private static Object roundTrip(Object event) {
        return EventCodec.fromBytes(EventCodec.toBytes(event));
    }

    @Test
    void level1SnapshotRoundTripsExactly() {
        assertThat(roundTrip(SampleEvents.level1())).isEqualTo(SampleEvents.level1());
    }

    @Test
    void level2SnapshotWithOrderCountsRoundTripsExactly() {
        Snapshot decoded = (Snapshot) roundTrip(SampleEvents.level2());
        assertThat(decoded).isEqualTo(SampleEvents.level2());
        assertThat(decoded.bid().hasOrderCounts()).isTrue();
    }

    @Test
    void futuresSnapshotKeepsOpenInterestAndSettlement() {
        assertThat(roundTrip(SampleEvents.future())).isEqualTo(SampleEvents.future());
    }

    @Test
    void emptyBookRoundTripsAndDepthZeroWithCountsStaysDistinct() {
        assertThat(roundTrip(SampleEvents.emptyBook())).isEqualTo(SampleEvents.emptyBook());
        BookSide emptyWithCounts = new BookSide(new long[0], new long[0], new int[0]);
        Snapshot s = withBook(SampleEvents.emptyBook(), emptyWithCounts, BookSide.EMPTY);
        Snapshot decoded = (Snapshot) roundTrip(s);
        assertThat(decoded).isEqualTo(s);
        assertThat(decoded.bid().hasOrderCounts()).isTrue();
        assertThat(decoded.ask().hasOrderCounts()).isFalse();
    }

    @Test
    void extremeValuesNegativePricesAndNonAsciiSourceRoundTrip() {
        BookSide bid = new BookSide(new long[] {Long.MAX_VALUE, Long.MIN_VALUE, -5, 0},
                new long[] {Long.MIN_VALUE, -1, 0, Long.MAX_VALUE}, new int[] {Integer.MAX_VALUE, Integer.MIN_VALUE, 0, -1});
        BookSide ask = new BookSide(new long[20], new long[20], null);
        Snapshot s = new Snapshot("CL2605.INE", Long.MIN_VALUE, TradingPhase.HALTED, -370_000, Long.MAX_VALUE,
                Long.MIN_VALUE, -1, 1, Long.MAX_VALUE, Long.MIN_VALUE, -7, Long.MAX_VALUE, Long.MIN_VALUE,
                Long.MAX_VALUE, -1, Long.MIN_VALUE, bid, ask, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE,
                "上交所-备");
        assertThat(roundTrip(s)).isEqualTo(s);
        assertThat(EventCodec.toBytes(s).length).isLessThanOrEqualTo(EventCodec.MAX_ENCODED_LENGTH);
    }

    @Test
    void everyTradingPhaseRoundTrips() {
        for (TradingPhase phase : TradingPhase.values()) {
            Snapshot s = withPhase(SampleEvents.level1(), phase);
            assertThat(roundTrip(s)).isEqualTo(s);
        }
    }

    @Test
    void tradesOfEverySideRoundTrip() {
        for (Side side : Side.values()) {
            assertThat(roundTrip(SampleEvents.trade(side))).isEqualTo(SampleEvents.trade(side));
        }
    }

    @Test
    void barsOfEveryPeriodOpenAndClosedRoundTrip() {
        for (Period period : Period.values()) {
            for (boolean closed : new boolean[] {false, true}) {
                Bar bar = SampleEvents.bar(period, closed);
                assertThat(roundTrip(bar)).isEqualTo(bar);
            }
        }
        Bar noDay = new Bar("IF2506.CFX", Period.M5, null, 1, 300_001, 38_000_000, 38_100_000, 37_900_000,
                38_050_000, 1_234, 14_000_000_000L, 230_000, false);
        assertThat(roundTrip(noDay)).isEqualTo(noDay);
    }

    @Test
    void periodWireIdsAreDistinctAndCoverEveryPeriod() {
        List<Integer> ids = new ArrayList<>();
        for (Period p : Period.values()) {
            ids.add(EventCodec.periodId(p));
        }
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id >= 1 && id <= 127);
    }

    @Test
    void eventsWrittenBackToBackDecodeInOrderAndConsumeExactlyTheirBytes() {
        List<Object> events = List.of(SampleEvents.level1(), SampleEvents.trade(Side.BUY),
                SampleEvents.bar(Period.M1, true), SampleEvents.level2(), SampleEvents.emptyBook());
        ByteBuffer buf = ByteBuffer.allocateDirect(8 * EventCodec.MAX_ENCODED_LENGTH);
        for (Object e : events) {
            EventCodec.encodeAny(e, buf);
        }
        buf.flip();
        List<Object> decoded = new ArrayList<>();
        while (buf.hasRemaining()) {
            decoded.add(EventCodec.decode(buf));
        }
        assertThat(decoded).isEqualTo(events);
    }

    @Test
    void encodingIsCompact() {
        System.out.printf("encoded sizes: level-1 %d, level-2 %d, futures %d, trade %d, bar %d bytes%n",
                EventCodec.toBytes(SampleEvents.level1()).length, EventCodec.toBytes(SampleEvents.level2()).length,
                EventCodec.toBytes(SampleEvents.future()).length,
                EventCodec.toBytes(SampleEvents.trade(Side.SELL)).length,
                EventCodec.toBytes(SampleEvents.bar(Period.M1, true)).length);
        // Regression guards at today's sizes: level-1 = 22 fields + 20 book numbers, level-2 = 22 + 60.
        assertThat(EventCodec.toBytes(SampleEvents.level1()).length).isLessThanOrEqualTo(107);
        assertThat(EventCodec.toBytes(SampleEvents.level2()).length).isLessThanOrEqualTo(169);
        assertThat(EventCodec.toBytes(SampleEvents.trade(Side.SELL)).length).isLessThanOrEqualTo(51);
    }

    @Test
    void everyTruncationIsReportedAndLeavesThePositionAtTheEventStart() {
        for (Object event : List.of(SampleEvents.level2(), SampleEvents.trade(Side.BUY),
                SampleEvents.bar(Period.DAY, true), SampleEvents.future())) {
            byte[] bytes = EventCodec.toBytes(event);
            for (int len = 0; len < bytes.length; len++) {
                ByteBuffer buf = ByteBuffer.allocate(len + 3);
                buf.put(new byte[] {9, 9, 9}).put(bytes, 0, len).flip().position(3);
                assertThatThrownBy(() -> EventCodec.decode(buf))
                        .isInstanceOf(MalformedEventException.class)
                        .hasMessageContaining("truncated");
                assertThat(buf.position()).isEqualTo(3);
            }
        }
    }

    @Test
    void unknownTypeIsRejected() {
        byte[] bytes = EventCodec.toBytes(SampleEvents.level1());
        bytes[0] = 42;
        assertThatThrownBy(() -> EventCodec.fromBytes(bytes))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("unknown event type 42");
    }

    @Test
    void unknownVersionIsRejected() {
        byte[] bytes = EventCodec.toBytes(SampleEvents.trade(Side.NONE));
        bytes[1] = 2;
        assertThatThrownBy(() -> EventCodec.fromBytes(bytes))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("unsupported trade format version 2");
    }

    @Test
    void wrongTypeForATypedDecodeIsRejected() {
        ByteBuffer buf = ByteBuffer.wrap(EventCodec.toBytes(SampleEvents.trade(Side.NONE)));
        assertThatThrownBy(() -> EventCodec.decodeSnapshot(buf))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("expected a snapshot");
        assertThat(buf.position()).isZero();
    }

    @Test
    void absurdCodeLengthIsRejectedBeforeAllocating() {
        ByteBuffer buf = ByteBuffer.allocate(16);
        buf.put(EventCodec.TYPE_SNAPSHOT).put(EventCodec.VERSION);
        Varint.putUnsigned(buf, Integer.MAX_VALUE);
        buf.flip();
        assertThatThrownBy(() -> EventCodec.decode(buf))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("code length: 2147483647 exceeds the limit of 32");
    }

    @Test
    void bookDepthBeyondTwentyIsRejected() {
        byte[] bytes = EventCodec.toBytes(SampleEvents.emptyBook());
        // The empty book is two zero depth bytes right after lowerLimit; find the bid depth by re-encoding.
        int bidDepthAt = indexOfBidDepth(SampleEvents.emptyBook());
        assertThat(bytes[bidDepthAt]).isZero();
        bytes[bidDepthAt] = 21;
        assertThatThrownBy(() -> EventCodec.fromBytes(bytes))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("bid depth: 21 exceeds the limit of 20");
    }

    @Test
    void invalidUtf8IsRejectedNotReplaced() {
        byte[] bytes = EventCodec.toBytes(SampleEvents.level1());
        bytes[3] = (byte) 0xC3; // '6' of "600000.SH" becomes a lead byte followed by ASCII
        assertThatThrownBy(() -> EventCodec.fromBytes(bytes))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("code: not valid UTF-8");
    }

    @Test
    void unknownPhaseAndSideCodesAreRejected() {
        byte[] snap = EventCodec.toBytes(SampleEvents.level1());
        int phaseAt = 2 + 1 + "600000.SH".length() + 1;
        assertThat(snap[phaseAt]).isEqualTo((byte) 'T');
        snap[phaseAt] = 'Z';
        assertThatThrownBy(() -> EventCodec.fromBytes(snap)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("unknown trading phase code 90");
        byte[] trade = EventCodec.toBytes(SampleEvents.trade(Side.BUY));
        int sideAt = 2 + 1 + "000001.SZ".length();
        assertThat(trade[sideAt]).isEqualTo((byte) 'B');
        trade[sideAt] = 'b';
        assertThatThrownBy(() -> EventCodec.fromBytes(trade)).isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("side flag 98 is not B, S or N");
    }

    @Test
    void valuesTheEventTypesRejectAreReportedAsMalformed() {
        byte[] bytes = EventCodec.toBytes(SampleEvents.trade(Side.BUY));
        // price is the second varint after the side byte; rewrite price 88800 to 0 keeping the length.
        int priceAt = 2 + 1 + "000001.SZ".length() + 1 + Varint.sizeSigned(SampleEvents.T0 + 17);
        int priceLen = Varint.sizeSigned(88_800);
        Arrays.fill(bytes, priceAt, priceAt + priceLen, (byte) 0x80);
        bytes[priceAt + priceLen - 1] = 0;
        assertThatThrownBy(() -> EventCodec.fromBytes(bytes))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("trade rejected")
                .hasMessageContaining("price must be > 0");
    }

    @Test
    void overlongVarintIsRejected() {
        ByteBuffer buf = ByteBuffer.allocate(32);
        buf.put(EventCodec.TYPE_TRADE).put(EventCodec.VERSION).put((byte) 1).put((byte) 'X').put((byte) 'B');
        for (int i = 0; i < 11; i++) {
            buf.put((byte) 0xFF);
        }
        buf.flip();
        assertThatThrownBy(() -> EventCodec.decode(buf))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("exchangeTime: varint longer than 64 bits");
    }

    @Test
    void trailingBytesAfterAnEventAreReportedByFromBytes() {
        byte[] bytes = EventCodec.toBytes(SampleEvents.level1());
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 2);
        assertThatThrownBy(() -> EventCodec.fromBytes(longer))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("2 bytes left over");
    }

    @Test
    void encodingRejectsOversizeFieldsAndLeavesTheBufferUntouched() {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        buf.put((byte) 7);
        Snapshot longCode = new Snapshot("X".repeat(33), 0, null, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null, null,
                0, 0, 0, null);
        assertThatThrownBy(() -> EventCodec.encode(longCode, buf))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit is 32");
        Snapshot deep = withBook(SampleEvents.level1(), new BookSide(new long[21], new long[21], null), BookSide.EMPTY);
        assertThatThrownBy(() -> EventCodec.encode(deep, buf))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bid depth 21 exceeds");
        Trade longSource = SampleEvents.trade(Side.BUY).withSequencing(1, "s".repeat(40));
        assertThatThrownBy(() -> EventCodec.encode(longSource, buf))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source");
        assertThat(buf.position()).isEqualTo(1);
    }

    @Test
    void encodingIntoATooSmallBufferThrowsAndLeavesThePositionUnchanged() {
        ByteBuffer small = ByteBuffer.allocate(40);
        small.put((byte) 1);
        assertThatThrownBy(() -> EventCodec.encode(SampleEvents.level2(), small))
                .isInstanceOf(BufferOverflowException.class);
        assertThat(small.position()).isEqualTo(1);
    }

    @Test
    void randomCorruptionEitherDecodesOrIsReportedAsMalformed() {
        Random random = new Random(20250603);
        List<Object> samples = List.of(SampleEvents.level1(), SampleEvents.level2(), SampleEvents.future(),
                SampleEvents.trade(Side.SELL), SampleEvents.bar(Period.M30, false), SampleEvents.emptyBook());
        int malformed = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = EventCodec.toBytes(samples.get(random.nextInt(samples.size())));
            int flips = 1 + random.nextInt(3);
            for (int f = 0; f < flips; f++) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            ByteBuffer buf = ByteBuffer.wrap(bytes);
            try {
                Object decoded = EventCodec.decode(buf);
                assertThat(decoded).isNotNull();
            } catch (MalformedEventException e) {
                malformed++;
                assertThat(buf.position()).isZero();
            }
        }
        assertThat(malformed).isPositive();
    }

    private static int indexOfBidDepth(Snapshot s) {
        // The bid depth byte follows lowerLimit; rebuild the prefix to find its offset.
        ByteBuffer buf = ByteBuffer.allocate(EventCodec.MAX_ENCODED_LENGTH);
        buf.put(EventCodec.TYPE_SNAPSHOT).put(EventCodec.VERSION);
        ShortUtf8.put(buf, s.code(), 32, "code");
        buf.put((byte) 0).put((byte) 0);
        long b = s.preClose();
        for (long v : new long[] {s.exchangeTime(), b, s.open() - b, s.high() - b, s.low() - b, s.last() - b,
            s.volume(), s.turnover(), s.numTrades(), s.upperLimit() - b, s.lowerLimit() - b}) {
            Varint.putSigned(buf, v);
        }
        return buf.position();
    }

    static Snapshot withBook(Snapshot s, BookSide bid, BookSide ask) {
        return new Snapshot(s.code(), s.exchangeTime(), s.phase(), s.preClose(), s.open(), s.high(), s.low(), s.last(),
                s.volume(), s.turnover(), s.numTrades(), s.upperLimit(), s.lowerLimit(), s.openInterest(),
                s.settlement(), s.preSettlement(), bid, ask, s.channel(), s.channelSeq(), s.seq(), s.source());
    }

    static Snapshot withPhase(Snapshot s, TradingPhase phase) {
        return new Snapshot(s.code(), s.exchangeTime(), phase, s.preClose(), s.open(), s.high(), s.low(), s.last(),
                s.volume(), s.turnover(), s.numTrades(), s.upperLimit(), s.lowerLimit(), s.openInterest(),
                s.settlement(), s.preSettlement(), s.bid(), s.ask(), s.channel(), s.channelSeq(), s.seq(), s.source());
    }
}
