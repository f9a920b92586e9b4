package com.quotebus.collector.szse;

import java.nio.charset.StandardCharsets;

/** Space- or NUL-padded ASCII fields packed into integers (for tests, logs and cache misses only). */
final class Ascii {
    private Ascii() {}

    /** The text of 8 bytes packed big-endian in a long, trailing spaces and NULs removed. */
    static String text(long bits) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (bits >>> (56 - 8 * i));
        }
        return trim(b, 8);
    }

    /** The text of {@code n} (≤ 4) bytes packed big-endian in the low bytes of an int. */
    static String text(int bits, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (bits >>> (8 * (n - 1 - i)));
        }
        return trim(b, n);
    }

    static String trim(byte[] b, int n) {
        int end = n;
        while (end > 0 && (b[end - 1] == ' ' || b[end - 1] == 0)) {
            end--;
        }
        return new String(b, 0, end, StandardCharsets.US_ASCII);
    }

    /** Packs up to 8 ASCII chars, space-padded, big-endian. */
    static long pack8(String s) {
        if (s.length() > 8) {
            throw new IllegalArgumentException("'" + s + "' is longer than 8 characters");
        }
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (i < s.length() ? (s.charAt(i) & 0xff) : ' ');
        }
        return v;
    }

    /** Packs up to {@code n} (≤ 4) ASCII chars, space-padded, big-endian. */
    static int pack(String s, int n) {
        if (s.length() > n) {
            throw new IllegalArgumentException("'" + s + "' is longer than " + n + " characters");
        }
        int v = 0;
        for (int i = 0; i < n; i++) {
            v = (v << 8) | (i < s.length() ? (s.charAt(i) & 0xff) : ' ');
        }
        return v;
    }
}
