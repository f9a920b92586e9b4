package com.quotebus.access.bridge.frame;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.EncodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.DatabindCodec;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes server→client frames to their wire bytes, length prefix included. Field order and
 * presence follow the stock bridge ({@code type, address, replyAddress?, headers, body?, send}) so
 * byte-level comparisons against it hold. Stateless and thread-safe.
 *
 * <p>Bodies of the JSON types Vert.x knows (JsonObject, JsonArray, Map, List, String, Number,
 * Boolean, Buffer as base64, Instant, enums) are written by Vert.x's own encoder; any other body
 * (a record published with its own codec) goes through Jackson databind.
 */
public final class FrameEncoder {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final byte[] PONG = encodeFixed(new JsonObject().put("type", "pong"));
    private static final Map<ErrorCode, byte[]> ERRORS = new EnumMap<>(ErrorCode.class);

    static {
        for (ErrorCode code : ErrorCode.values()) {
            ERRORS.put(code, encodeFixed(new JsonObject().put("type", "err").put("message", code.wire())));
        }
    }

    private FrameEncoder() {
    }

    /** {@code {"type":"pong"}}; the returned array is shared and must not be modified. */
    public static byte[] pong() {
        return PONG;
    }

    /** {@code {"type":"err","message":code}}; the returned array is shared and must not be modified. */
    public static byte[] err(ErrorCode code) {
        return ERRORS.get(code);
    }

    /**
     * A {@code message} frame.
     *
     * @param replyAddress null unless the receiver is expected to answer
     * @param headers      string pairs; a repeated name keeps its last value, as in the stock bridge
     * @param body         omitted from the frame when null
     * @throws EncodeException when the body cannot be written as JSON
     */
    public static byte[] message(String address, String replyAddress, Iterable<Map.Entry<String, String>> headers,
                                 Object body, boolean send) {
        ByteArrayBuilder out = start();
        try (JsonGenerator gen = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            gen.writeStartObject();
            gen.writeStringField("type", "message");
            gen.writeStringField("address", address);
            if (replyAddress != null) {
                gen.writeStringField("replyAddress", replyAddress);
            }
            gen.writeFieldName("headers");
            writeHeaders(gen, headers);
            if (body != null) {
                gen.writeFieldName("body");
                writeBody(gen, body);
            }
            gen.writeBooleanField("send", send);
            gen.writeEndObject();
        } catch (IOException e) {
            throw new EncodeException("cannot encode message for " + address + ": " + e.getMessage(), e);
        }
        return finish(out);
    }

    /**
     * The marker sent in place of stream messages dropped for a slow client:
     * {@code {"type":"message","address":A,"headers":{"gap":"true"},"body":{"gap":true,"dropped":N},"send":false}}.
     */
    public static byte[] gap(String address, long dropped) {
        return message(address, null, List.of(Map.entry("gap", "true")),
                new JsonObject().put("gap", true).put("dropped", dropped), false);
    }

    /** {@code {"type":"err","message":text}} for a text outside {@link ErrorCode}. */
    public static byte[] err(String text) {
        return encodeFixed(new JsonObject().put("type", "err").put("message", text));
    }

    /**
     * A failed request, as the stock bridge reports it:
     * {@code {"type":"err","address":R,"sourceAddress":A,"failureCode":N,"failureType":T,"message":M}}.
     */
    public static byte[] requestFailure(String replyAddress, String sourceAddress, int failureCode,
                                        String failureType, String message) {
        JsonObject json = new JsonObject().put("type", "err").put("address", replyAddress)
                .put("sourceAddress", sourceAddress).put("failureCode", failureCode)
                .put("failureType", failureType).put("message", message);
        return encodeFixed(json);
    }

    /** Wraps frame bytes as a Vert.x buffer (no copy). */
    public static Buffer toBuffer(byte[] frame) {
        return Buffer.buffer(frame);
    }

    private static void writeHeaders(JsonGenerator gen, Iterable<Map.Entry<String, String>> headers)
            throws IOException {
        gen.writeStartObject();
        if (headers != null) {
            Map<String, String> last = null;
            for (Map.Entry<String, String> e : headers) {
                if (last == null) {
                    last = new LinkedHashMap<>();
                }
                last.put(e.getKey(), e.getValue());
            }
            if (last != null) {
                for (Map.Entry<String, String> e : last.entrySet()) {
                    gen.writeStringField(e.getKey(), e.getValue());
                }
            }
        }
        gen.writeEndObject();
    }

    private static void writeBody(JsonGenerator gen, Object body) throws IOException {
        if (isVertxJson(body)) {
            JacksonCodec.encodeJson(body, gen);
        } else {
            DatabindCodec.mapper().writeValue(gen, body);
        }
    }

    private static boolean isVertxJson(Object body) {
        return body instanceof JsonObject || body instanceof JsonArray || body instanceof String
                || body instanceof Number || body instanceof Boolean || body instanceof Map
                || body instanceof List || body instanceof Buffer || body instanceof byte[]
                || body instanceof Instant || body instanceof Enum;
    }

    private static ByteArrayBuilder start() {
        ByteArrayBuilder out = new ByteArrayBuilder(256);
        out.write(0);
        out.write(0);
        out.write(0);
        out.write(0);
        return out;
    }

    private static byte[] finish(ByteArrayBuilder out) {
        byte[] bytes = out.toByteArray();
        int length = bytes.length - 4;
        bytes[0] = (byte) (length >>> 24);
        bytes[1] = (byte) (length >>> 16);
        bytes[2] = (byte) (length >>> 8);
        bytes[3] = (byte) length;
        return bytes;
    }

    private static byte[] encodeFixed(JsonObject json) {
        ByteArrayBuilder out = start();
        try (JsonGenerator gen = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
            JacksonCodec.encodeJson(json, gen);
        } catch (IOException e) {
            throw new EncodeException(e.getMessage(), e);
        }
        return finish(out);
    }
}
