package com.quotebus.loadtest;

import java.nio.charset.StandardCharsets;

/**
 * Splits a bridge byte stream (4-byte big-endian length, then JSON) into frames without decoding the
 * JSON: the generator only needs a few fields of each frame, and a full decode per delivery would cost
 * the generator more CPU than the server spends delivering it. Bounded: a declared length above
 * {@code maxFrame} is reported as an error and the stream is dropped.
 */
final class FrameScanner {
    /** Receives each complete frame's JSON bytes {@code [off, off+len)} of {@code data}. */
    interface Sink {
        void frame(byte[] data, int off, int len);
    }

    private static final byte[] EMPTY = new byte[0];
    private final int maxFrame;
    private byte[] pending = EMPTY;
    private int pendingLen;
    private boolean broken;

    FrameScanner(int maxFrame) {
        this.maxFrame = maxFrame;
    }

    /** @return false once the stream carried a length above the maximum (nothing more is delivered) */
    boolean feed(byte[] data, Sink sink) {
        if (broken) {
            return false;
        }
        byte[] buf;
        int len;
        if (pendingLen == 0) {
            buf = data;
            len = data.length;
        } else {
            buf = new byte[pendingLen + data.length];
            System.arraycopy(pending, 0, buf, 0, pendingLen);
            System.arraycopy(data, 0, buf, pendingLen, data.length);
            len = buf.length;
        }
        int pos = 0;
        while (len - pos >= 4) {
            int n = ((buf[pos] & 0xff) << 24) | ((buf[pos + 1] & 0xff) << 16) | ((buf[pos + 2] & 0xff) << 8)
                    | (buf[pos + 3] & 0xff);
            if (n < 0 || n > maxFrame) {
                broken = true;
                pending = EMPTY;
                pendingLen = 0;
                return false;
            }
            if (len - pos - 4 < n) {
                break;
            }
            sink.frame(buf, pos + 4, n);
            pos += 4 + n;
        }
        pendingLen = len - pos;
        if (pendingLen == 0) {
            pending = EMPTY;
        } else {
            byte[] rest = new byte[pendingLen];
            System.arraycopy(buf, pos, rest, 0, pendingLen);
            pending = rest;
        }
        return true;
    }

    /** Bytes held for an incomplete frame. */
    int pendingBytes() {
        return pendingLen;
    }

    static byte[] key(String name) {
        return ('"' + name + "\":").getBytes(StandardCharsets.US_ASCII);
    }

    /** Index of {@code key} in {@code [off, off+len)}, or -1. */
    static int indexOf(byte[] data, int off, int len, byte[] key) {
        int end = off + len - key.length;
        outer:
        for (int i = off; i <= end; i++) {
            for (int j = 0; j < key.length; j++) {
                if (data[i + j] != key[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** The non-negative integer right after {@code key}, or -1 if the key is absent or not followed by digits. */
    static long longAfter(byte[] data, int off, int len, byte[] key) {
        int i = indexOf(data, off, len, key);
        if (i < 0) {
            return -1;
        }
        int p = i + key.length;
        int end = off + len;
        long v = 0;
        int digits = 0;
        while (p < end && data[p] >= '0' && data[p] <= '9' && digits < 19) {
            v = v * 10 + (data[p] - '0');
            p++;
            digits++;
        }
        return digits == 0 ? -1 : v;
    }
}
