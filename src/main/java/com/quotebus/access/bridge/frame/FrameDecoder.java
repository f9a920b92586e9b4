package com.quotebus.access.bridge.frame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.internal.buffer.BufferInternal;
import io.vertx.core.json.DecodeException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;

/**
 * Incremental decoder of length-prefixed JSON frames. Accepts any split of the stream: several
 * frames per read, one frame over many reads, a length prefix cut in two.
 *
 * <p>Complete frames are parsed straight from the read buffer; only the tail of an incomplete
 * frame is copied, into a buffer that never exceeds {@code 4 + maxFrameSize} bytes because the
 * declared length is checked as soon as its four bytes are in. Not thread-safe: one per connection,
 * fed from the connection's event loop.
 */
public final class FrameDecoder {
    private static final int PREFIX = 4;
    /** Frames up to this size are parsed from a per-thread array (one per event loop), not a new one. */
    private static final int SCRATCH_BYTES = 4096;
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[SCRATCH_BYTES]);
    /** As Vert.x's own JSON factory: comments allowed. */
    private static final JsonFactory FACTORY = new JsonFactory().configure(JsonParser.Feature.ALLOW_COMMENTS, true);

    private final int maxFrameSize;
    private final FrameListener listener;
    /** Bytes of an incomplete frame carried to the next read; null while there are none. */
    private ByteBuf carry;
    private boolean stopped;

    public FrameDecoder(int maxFrameSize, FrameListener listener) {
        if (maxFrameSize <= 0) {
            throw new IllegalArgumentException("maxFrameSize must be positive, was " + maxFrameSize);
        }
        this.maxFrameSize = maxFrameSize;
        this.listener = listener;
    }

    /** Feeds the next bytes of the stream. */
    public void feed(Buffer data) {
        feed(((BufferInternal) data).getByteBuf());
    }

    /** Feeds the next bytes of the stream; {@code in} is read, not retained or released. */
    public void feed(ByteBuf in) {
        if (stopped) {
            return;
        }
        if (carry == null || !carry.isReadable()) {
            decode(in);
            if (!stopped && in.isReadable()) {
                keep(in);
            }
            return;
        }
        // Complete the carried frame with as few bytes as needed, then go on from the read buffer.
        while (carry.readableBytes() < PREFIX && in.isReadable()) {
            carry.writeByte(in.readByte());
        }
        if (carry.readableBytes() < PREFIX) {
            return;
        }
        int length = carry.getInt(carry.readerIndex());
        if (!lengthAcceptable(length)) {
            return;
        }
        int missing = PREFIX + length - carry.readableBytes();
        int take = Math.min(missing, in.readableBytes());
        carry.writeBytes(in, take);
        if (take < missing) {
            return;
        }
        decode(carry);
        carry.clear();
        if (!stopped) {
            decode(in);
            if (!stopped && in.isReadable()) {
                keep(in);
            }
        }
    }

    /** Drops carried bytes; the decoder ignores input from now on. */
    public void stop() {
        stopped = true;
        carry = null;
    }

    /** Bytes held for an incomplete frame (for tests and memory accounting). */
    public int carriedBytes() {
        return carry == null ? 0 : carry.readableBytes();
    }

    private void keep(ByteBuf in) {
        if (carry == null) {
            carry = Unpooled.buffer(Math.min(Math.max(256, in.readableBytes()), PREFIX + maxFrameSize),
                    PREFIX + maxFrameSize);
        }
        carry.writeBytes(in);
    }

    /** Decodes whole frames from {@code buf}, leaving the bytes of an incomplete one unread. */
    private void decode(ByteBuf buf) {
        while (!stopped && buf.readableBytes() >= PREFIX) {
            int start = buf.readerIndex();
            int length = buf.getInt(start);
            if (!lengthAcceptable(length)) {
                return;
            }
            if (buf.readableBytes() < PREFIX + length) {
                return;
            }
            buf.readerIndex(start + PREFIX + length);
            if (length == 0) {
                listener.onInvalidFrame(ErrorCode.EMPTY_FRAME);
                continue;
            }
            Object value;
            try {
                value = parse(buf, start + PREFIX, length);
            } catch (DecodeException e) {
                listener.onInvalidFrame(ErrorCode.INVALID_JSON);
                continue;
            }
            if (value instanceof JsonObject object) {
                listener.onFrame(object, PREFIX + length);
            } else {
                listener.onInvalidFrame(ErrorCode.INVALID_FRAME);
            }
        }
    }

    /**
     * Parses one frame's JSON with Vert.x's streaming parser (JsonObject, JsonArray or a scalar,
     * as {@code Json.decodeValue} gives) from a byte array: a parser over a byte array starts
     * several times cheaper than one over an {@code InputStream} on the buffer, and the streaming parser
     * avoids databind's untyped deserializer. Frames are small; the copy is one {@code memcpy}
     * into a reused per-thread array.
     */
    private Object parse(ByteBuf buf, int offset, int length) {
        byte[] bytes;
        int from;
        if (buf.hasArray()) {
            bytes = buf.array();
            from = buf.arrayOffset() + offset;
        } else {
            // Direct (socket) buffers: copy into the thread's scratch array (the parse is synchronous and
            // the parser copies what it keeps into strings); a frame larger than it gets its own array.
            bytes = length <= SCRATCH_BYTES ? SCRATCH.get() : new byte[length];
            buf.getBytes(offset, bytes, 0, length);
            from = 0;
        }
        try {
            JsonParser parser = FACTORY.createParser(bytes, from, length);
            return JacksonCodec.fromParser(parser, Object.class); // closes the parser
        } catch (IOException e) {
            throw new DecodeException("Failed to decode: " + e.getMessage(), e);
        }
    }

    private boolean lengthAcceptable(int length) {
        if (length < 0) {
            stop();
            listener.onFatal(ErrorCode.INVALID_LENGTH);
            return false;
        }
        if (length > maxFrameSize) {
            stop();
            listener.onFatal(ErrorCode.FRAME_TOO_LARGE);
            return false;
        }
        return true;
    }
}
