package com.quotebus.wire;

import java.nio.ByteBuffer;

/**
 * LEB128 variable-length integers (7 bits per byte, least significant group first, high bit =
 * more bytes follow) and zigzag mapping for signed values (0, -1, 1, -2, … → 0, 1, 2, 3, …), so
 * small magnitudes of either sign take one byte. A long takes at most {@value #MAX_LONG_BYTES}
 * bytes. Readers never read past ten bytes and report truncation with the field's name.
 */
public final class Varint {
    /** Longest encoding of a 64-bit value. */
    public static final int MAX_LONG_BYTES = 10;
    /** Longest encoding of a 32-bit value (after zigzag). */
    public static final int MAX_INT_BYTES = 5;

    private Varint() {}

    /** Writes {@code value} as an unsigned varint (negative values take ten bytes). */
    public static void putUnsigned(ByteBuffer out, long value) {
        while ((value & ~0x7FL) != 0) {
            out.put((byte) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.put((byte) value);
    }

    /** Writes {@code value} zigzag-mapped, so small negative values are short too. */
    public static void putSigned(ByteBuffer out, long value) {
        putUnsigned(out, (value << 1) ^ (value >> 63));
    }

    /** Bytes {@link #putUnsigned} writes for {@code value}. */
    public static int sizeUnsigned(long value) {
        int bits = 64 - Long.numberOfLeadingZeros(value | 1);
        return (bits + 6) / 7;
    }

    /** Bytes {@link #putSigned} writes for {@code value}. */
    public static int sizeSigned(long value) {
        return sizeUnsigned((value << 1) ^ (value >> 63));
    }

    /**
     * Reads an unsigned varint.
     *
     * @param field named in the exception when the input is truncated or the varint overlong
     * @throws MalformedEventException when the input ends inside the varint or it exceeds 64 bits
     */
    public static long getUnsigned(ByteBuffer in, String field) {
        int start = in.position();
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (!in.hasRemaining()) {
                throw MalformedEventException.truncated(field, in.position());
            }
            byte b = in.get();
            result |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                if (shift == 63 && b > 1) {
                    break;
                }
                return result;
            }
        }
        throw new MalformedEventException(field + ": varint longer than 64 bits", start);
    }

    /** Reads a zigzag-mapped signed varint. */
    public static long getSigned(ByteBuffer in, String field) {
        long u = getUnsigned(in, field);
        return (u >>> 1) ^ -(u & 1);
    }

    /** Reads a zigzag-mapped signed varint that must fit an {@code int}. */
    public static int getSignedInt(ByteBuffer in, String field) {
        int start = in.position();
        long v = getSigned(in, field);
        if (v != (int) v) {
            throw new MalformedEventException(field + ": " + v + " does not fit a 32-bit int", start);
        }
        return (int) v;
    }

    /** Reads an unsigned varint that must not exceed {@code max} (lengths, depths, counts). */
    public static int getBounded(ByteBuffer in, int max, String field) {
        int start = in.position();
        long v = getUnsigned(in, field);
        if (v < 0 || v > max) {
            throw new MalformedEventException(field + ": " + Long.toUnsignedString(v) + " exceeds the limit of " + max,
                    start);
        }
        return (int) v;
    }
}
