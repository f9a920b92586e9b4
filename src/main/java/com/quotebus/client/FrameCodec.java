package com.quotebus.client;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The bridge framing (docs/protocol-bridge.md): a 4-byte big-endian length, then that many bytes of
 * UTF-8 JSON, one object per frame. {@link #encode} writes a frame; a {@link Reader} cuts frames out of
 * any split of the incoming byte stream. Not thread-safe; one reader per connection.
 */
final class FrameCodec {
    private FrameCodec() {
    }

    static Buffer encode(JsonObject frame) {
        byte[] payload = frame.encode().getBytes(StandardCharsets.UTF_8);
        return Buffer.buffer(4 + payload.length).appendInt(payload.length).appendBytes(payload);
    }

    /** The stream broke the framing; the connection cannot continue. */
    static final class FramingException extends Exception {
        FramingException(String message) {
            super(message, null, false, false);
        }
    }

    /** Accumulates bytes and hands out whole frames. Holds at most one partial frame. */
    static final class Reader {
        private final int maxFrameSize;
        private Buffer pending = Buffer.buffer();
        private int position;

        Reader(int maxFrameSize) {
            this.maxFrameSize = maxFrameSize;
        }

        /** Feeds bytes; each complete frame that parses as a JSON object goes to {@code sink}. */
        void feed(Buffer bytes, Consumer<JsonObject> sink) throws FramingException {
            pending.appendBuffer(bytes);
            while (pending.length() - position >= 4) {
                int length = pending.getInt(position);
                if (length < 0 || length > maxFrameSize) {
                    throw new FramingException("frame of " + Integer.toUnsignedString(length)
                            + " bytes exceeds the client's maxFrameSize " + maxFrameSize);
                }
                if (pending.length() - position - 4 < length) {
                    break;
                }
                String json = pending.getString(position + 4, position + 4 + length, "UTF-8");
                position += 4 + length;
                JsonObject frame;
                try {
                    frame = new JsonObject(json);
                } catch (DecodeException | ClassCastException e) {
                    throw new FramingException("the gateway sent a frame that is not a JSON object: "
                            + json.substring(0, Math.min(80, json.length())));
                }
                sink.accept(frame);
            }
            if (position == pending.length()) {
                pending = Buffer.buffer();
                position = 0;
            } else if (position > 65536) {
                pending = pending.getBuffer(position, pending.length());
                position = 0;
            }
        }
    }
}
