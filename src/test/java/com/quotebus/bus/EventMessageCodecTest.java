package com.quotebus.bus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quotebus.core.event.Side;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import com.quotebus.wire.EventCodec;
import com.quotebus.wire.MalformedEventException;
import com.quotebus.wire.SampleEvents;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventMessageCodecTest {

    @Test
    void wireRoundTripReadsFromTheGivenPositionOfASharedBuffer() {
        SnapshotMessageCodec snapshots = new SnapshotMessageCodec();
        TradeMessageCodec trades = new TradeMessageCodec();
        BarMessageCodec bars = new BarMessageCodec();
        // The cluster writes headers before the body: decode must honour pos and stop at its length.
        Buffer buffer = Buffer.buffer().appendString("header!");
        int snapAt = buffer.length();
        snapshots.encodeToWire(buffer, SampleEvents.level2());
        int tradeAt = buffer.length();
        trades.encodeToWire(buffer, SampleEvents.trade(Side.SELL));
        int barAt = buffer.length();
        bars.encodeToWire(buffer, SampleEvents.bar(Period.M5, true));
        buffer.appendString("trailer");

        assertThat(List.of(snapshots.decodeFromWire(snapAt, buffer), trades.decodeFromWire(tradeAt, buffer),
                bars.decodeFromWire(barAt, buffer)))
                .isEqualTo(List.of(SampleEvents.level2(), SampleEvents.trade(Side.SELL),
                        SampleEvents.bar(Period.M5, true)));
        assertThat(buffer.getInt(snapAt)).isEqualTo(EventCodec.toBytes(SampleEvents.level2()).length);
    }

    @Test
    void localTransformSharesTheImmutableEvent() {
        Snapshot s = SampleEvents.level1();
        Trade t = SampleEvents.trade(Side.BUY);
        Bar b = SampleEvents.bar(Period.DAY, false);
        assertThat(new SnapshotMessageCodec().transform(s)).isSameAs(s);
        assertThat(new TradeMessageCodec().transform(t)).isSameAs(t);
        assertThat(new BarMessageCodec().transform(b)).isSameAs(b);
    }

    @Test
    void codecsHaveDistinctVersionedNamesAndAreUserCodecs() {
        assertThat(EventCodecs.all()).extracting(EventMessageCodec::name)
                .containsExactly("quotebus.snapshot.v1", "quotebus.trade.v1", "quotebus.bar.v1", "quotebus.market-time.v1");
        assertThat(EventCodecs.all()).extracting(EventMessageCodec::systemCodecID).containsOnly((byte) -1);
    }

    @Test
    void absurdOrTruncatedLengthsAreRejectedWithoutAllocating() {
        SnapshotMessageCodec codec = new SnapshotMessageCodec();
        assertThatThrownBy(() -> codec.decodeFromWire(0, Buffer.buffer().appendInt(Integer.MAX_VALUE)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("outside 1..");
        assertThatThrownBy(() -> codec.decodeFromWire(0, Buffer.buffer().appendInt(-1)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("length -1");
        Buffer full = Buffer.buffer();
        codec.encodeToWire(full, SampleEvents.level1());
        Buffer cut = full.getBuffer(0, full.length() - 1);
        assertThatThrownBy(() -> codec.decodeFromWire(0, cut))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("truncated");
        assertThatThrownBy(() -> codec.decodeFromWire(2, Buffer.buffer().appendShort((short) 1)))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("no room for the length");
    }

    @Test
    void aTradeSentWithTheSnapshotCodecIsRejected() {
        Buffer buffer = Buffer.buffer();
        new TradeMessageCodec().encodeToWire(buffer, SampleEvents.trade(Side.NONE));
        assertThatThrownBy(() -> new SnapshotMessageCodec().decodeFromWire(0, buffer))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("expected a snapshot");
    }
}
