package com.quotebus.bus;

import com.quotebus.wire.EventCodec;
import com.quotebus.wire.MalformedEventException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import java.nio.ByteBuffer;

/**
 * Event-bus codec for one immutable event type, using the {@link EventCodec} wire encoding.
 *
 * <p>Local delivery: {@link #transform} returns the same object (the events are immutable records
 * whose arrays are never modified), so nothing is copied. Cluster delivery: {@link #encodeToWire}
 * appends a 4-byte big-endian length and the {@link EventCodec} bytes; {@link #decodeFromWire}
 * checks the length against {@link EventCodec#MAX_ENCODED_LENGTH} and the buffer before reading,
 * and throws {@link MalformedEventException} for bad bytes.
 *
 * <p>Thread-safe: the codec holds no mutable state apart from a per-thread scratch buffer, so one
 * instance serves every event loop.
 *
 * @param <T> the event type
 */
public abstract sealed class EventMessageCodec<T> implements MessageCodec<T, T>
        permits SnapshotMessageCodec, TradeMessageCodec, BarMessageCodec, MarketTimeMessageCodec {
    private static final ThreadLocal<ByteBuffer> SCRATCH =
            ThreadLocal.withInitial(() -> ByteBuffer.allocate(EventCodec.MAX_ENCODED_LENGTH));

    private final String name;
    private final Class<T> type;

    EventMessageCodec(String name, Class<T> type) {
        this.name = name;
        this.type = type;
    }

    /** The event class this codec is the default codec for. */
    public Class<T> type() {
        return type;
    }

    @Override
    public void encodeToWire(Buffer buffer, T event) {
        ByteBuffer scratch = SCRATCH.get();
        scratch.clear();
        int n = encode(event, scratch);
        buffer.appendInt(n).appendBytes(scratch.array(), 0, n);
    }

    @Override
    public T decodeFromWire(int pos, Buffer buffer) {
        if (pos < 0 || pos + 4 > buffer.length()) {
            throw new MalformedEventException(name + ": no room for the length prefix in a buffer of "
                    + buffer.length() + " bytes", pos);
        }
        int length = buffer.getInt(pos);
        if (length <= 0 || length > EventCodec.MAX_ENCODED_LENGTH) {
            throw new MalformedEventException(name + ": length " + length + " is outside 1.."
                    + EventCodec.MAX_ENCODED_LENGTH, pos);
        }
        if (length > buffer.length() - pos - 4) {
            throw new MalformedEventException(name + ": truncated, " + length + " bytes announced, "
                    + (buffer.length() - pos - 4) + " present", pos);
        }
        ByteBuffer in = ByteBuffer.wrap(buffer.getBytes(pos + 4, pos + 4 + length));
        T event = decode(in);
        if (in.hasRemaining()) {
            throw new MalformedEventException(name + ": " + in.remaining() + " bytes left over after the event",
                    pos + 4 + in.position());
        }
        return event;
    }

    /** Returns {@code event} itself: events are immutable, local consumers can share it. */
    @Override
    public T transform(T event) {
        return event;
    }

    @Override
    public String name() {
        return name;
    }

    /** Always -1: a user codec. */
    @Override
    public byte systemCodecID() {
        return -1;
    }

    abstract int encode(T event, ByteBuffer out);

    abstract T decode(ByteBuffer in);
}
