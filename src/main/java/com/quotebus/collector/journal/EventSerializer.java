package com.quotebus.collector.journal;

import com.quotebus.core.event.MarketEvent;
import java.nio.ByteBuffer;

/**
 * Encodes a {@link MarketEvent} to bytes and back: the payload of one journal record. Kept narrow so the
 * journal does not depend on a particular wire encoding; {@link WireEventSerializer} uses the project's
 * {@code com.quotebus.wire.EventCodec}.
 * Implementations must be stateless or confined to one thread.
 */
public interface EventSerializer {
    /**
     * Writes {@code event} at the buffer's position, advancing it.
     *
     * @throws java.nio.BufferOverflowException when the buffer has too little room (the caller grows it and retries)
     */
    void write(MarketEvent event, ByteBuffer out);

    /**
     * Reads one event from the buffer's position up to its limit, advancing the position.
     *
     * @throws IllegalArgumentException when the bytes are not a valid event (what is wrong is in the message)
     */
    MarketEvent read(ByteBuffer in);
}
