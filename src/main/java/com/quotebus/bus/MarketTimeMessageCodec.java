package com.quotebus.bus;

import com.quotebus.core.event.MarketTime;
import com.quotebus.wire.EventCodec;
import java.nio.ByteBuffer;

/** Event-bus codec for {@link MarketTime}, named {@value #NAME}; see {@link EventMessageCodec} (thread-safe). */
public final class MarketTimeMessageCodec extends EventMessageCodec<MarketTime> {
    /** Codec name on the event bus; the suffix is the wire format version. */
    public static final String NAME = "quotebus.market-time.v1";

    public MarketTimeMessageCodec() {
        super(NAME, MarketTime.class);
    }

    @Override
    int encode(MarketTime event, ByteBuffer out) {
        return EventCodec.encode(event, out);
    }

    @Override
    MarketTime decode(ByteBuffer in) {
        return EventCodec.decodeMarketTime(in);
    }
}
