package com.quotebus.bus;

import com.quotebus.core.event.Snapshot;
import com.quotebus.wire.EventCodec;
import java.nio.ByteBuffer;

/** Event-bus codec for {@link Snapshot}, named {@value #NAME}; see {@link EventMessageCodec} (thread-safe). */
public final class SnapshotMessageCodec extends EventMessageCodec<Snapshot> {
    /** Codec name on the event bus; the suffix is the wire format version. */
    public static final String NAME = "quotebus.snapshot.v1";

    public SnapshotMessageCodec() {
        super(NAME, Snapshot.class);
    }

    @Override
    int encode(Snapshot event, ByteBuffer out) {
        return EventCodec.encode(event, out);
    }

    @Override
    Snapshot decode(ByteBuffer in) {
        return EventCodec.decodeSnapshot(in);
    }
}
