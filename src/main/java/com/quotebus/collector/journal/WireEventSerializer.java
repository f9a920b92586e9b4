package com.quotebus.collector.journal;

import com.quotebus.core.event.MarketEvent;
import com.quotebus.wire.EventCodec;
import com.quotebus.wire.MalformedEventException;
import java.nio.ByteBuffer;

/**
 * Journal payloads in the project's one event encoding, {@link EventCodec} (docs/wire-formats.md): each event
 * starts with its type and version bytes, so a journal stays readable when the encoding gains a version.
 * Stateless and thread-safe.
 */
public final class WireEventSerializer implements EventSerializer {
    public static final WireEventSerializer INSTANCE = new WireEventSerializer();

    private WireEventSerializer() {}

    @Override
    public void write(MarketEvent event, ByteBuffer out) {
        EventCodec.encode(event, out);
    }

    @Override
    public MarketEvent read(ByteBuffer in) {
        try {
            return EventCodec.decodeMarketEvent(in);
        } catch (MalformedEventException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
