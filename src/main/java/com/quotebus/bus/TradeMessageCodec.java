package com.quotebus.bus;

import com.quotebus.core.event.Trade;
import com.quotebus.wire.EventCodec;
import java.nio.ByteBuffer;

/** Event-bus codec for {@link Trade}, named {@value #NAME}; see {@link EventMessageCodec} (thread-safe). */
public final class TradeMessageCodec extends EventMessageCodec<Trade> {
    /** Codec name on the event bus; the suffix is the wire format version. */
    public static final String NAME = "quotebus.trade.v1";

    public TradeMessageCodec() {
        super(NAME, Trade.class);
    }

    @Override
    int encode(Trade event, ByteBuffer out) {
        return EventCodec.encode(event, out);
    }

    @Override
    Trade decode(ByteBuffer in) {
        return EventCodec.decodeTrade(in);
    }
}
