package com.quotebus.wire;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Short strings (codes, source names) as an unsigned varint byte length followed by UTF-8 bytes.
 * Every field has a byte bound, checked on both sides: the writer refuses a longer string, the
 * reader refuses a longer length before reading or allocating anything. Invalid UTF-8 is an error,
 * not a replacement character, so a string round-trips exactly or not at all.
 */
public final class ShortUtf8 {
    private ShortUtf8() {}

    /**
     * Writes {@code text} length-prefixed. {@code maxBytes} is at most 127, so the length is one byte.
     *
     * @throws IllegalArgumentException when the UTF-8 form is longer than {@code maxBytes}
     */
    public static void put(ByteBuffer out, String text, int maxBytes, String field) {
        int n = text.length();
        boolean ascii = n <= maxBytes;
        for (int i = 0; ascii && i < n; i++) {
            ascii = text.charAt(i) < 0x80;
        }
        if (ascii) {
            // Codes and source names are ASCII in practice: write chars directly, no byte[] copy.
            out.put((byte) n); // n <= maxBytes <= 127, a one-byte varint
            for (int i = 0; i < n; i++) {
                out.put((byte) text.charAt(i));
            }
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > maxBytes) {
            throw new IllegalArgumentException(field + " '" + text + "' is " + bytes.length
                    + " UTF-8 bytes, the limit is " + maxBytes);
        }
        out.put((byte) bytes.length);
        out.put(bytes);
    }

    /** Bytes {@link #put} writes for {@code text} (assuming it is within bounds). */
    public static int size(String text) {
        int n = text.length();
        for (int i = 0; i < n; i++) {
            if (text.charAt(i) >= 0x80) {
                return 1 + text.getBytes(StandardCharsets.UTF_8).length;
            }
        }
        return 1 + n;
    }

    /**
     * Reads a length-prefixed UTF-8 string of at most {@code maxBytes} bytes.
     *
     * @throws MalformedEventException when the length exceeds the bound, the input is shorter than
     *                                 the length, or the bytes are not valid UTF-8
     */
    public static String get(ByteBuffer in, int maxBytes, String field) {
        int len = Varint.getBounded(in, maxBytes, field + " length");
        int start = in.position();
        if (in.remaining() < len) {
            throw MalformedEventException.truncated(field + " (" + len + " bytes announced, " + in.remaining()
                    + " left)", start);
        }
        boolean ascii = true;
        for (int i = 0; i < len && ascii; i++) {
            ascii = in.get(start + i) >= 0;
        }
        if (ascii && in.hasArray()) {
            in.position(start + len);
            return new String(in.array(), in.arrayOffset() + start, len, StandardCharsets.ISO_8859_1);
        }
        byte[] bytes = new byte[len];
        in.get(bytes);
        if (ascii) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new MalformedEventException(field + ": not valid UTF-8", start, e);
        }
    }
}
