package com.quotebus.bus;

import com.quotebus.core.kline.Bar;
import com.quotebus.wire.EventCodec;
import java.nio.ByteBuffer;

/** Event-bus codec for {@link Bar}, named {@value #NAME}; see {@link EventMessageCodec} (thread-safe). */
public final class BarMessageCodec extends EventMessageCodec<Bar> {
    /** Codec name on the event bus; the suffix is the wire format version. */
    public static final String NAME = "quotebus.bar.v1";

    public BarMessageCodec() {
        super(NAME, Bar.class);
    }

    @Override
    int encode(Bar event, ByteBuffer out) {
        return EventCodec.encode(event, out);
    }

    @Override
    Bar decode(ByteBuffer in) {
        return EventCodec.decodeBar(in);
    }
}
