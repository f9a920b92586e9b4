package com.quotebus.collector.szse;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/**
 * Builds frames byte by byte for tests, independently of {@link SzseEncoder}: {@link DataOutputStream}
 * writes big-endian, char(n) fields are space-padded, the checksum is summed here.
 */
final class WireBytes {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final DataOutputStream out = new DataOutputStream(body);

    WireBytes u16(int v) {
        return io(() -> out.writeShort(v));
    }

    WireBytes i32(int v) {
        return io(() -> out.writeInt(v));
    }

    WireBytes i64(long v) {
        return io(() -> out.writeLong(v));
    }

    WireBytes chars(String s, int width) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        return io(() -> {
            out.write(b);
            for (int i = b.length; i < width; i++) {
                out.write(' ');
            }
        });
    }

    /** The whole frame: MsgType, BodyLength, body, Checksum (sum of header+body bytes mod 256). */
    byte[] frame(int msgType) {
        byte[] b = body.toByteArray();
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(f);
        try {
            d.writeInt(msgType);
            d.writeInt(b.length);
            d.write(b);
            int sum = 0;
            for (byte x : f.toByteArray()) {
                sum += x & 0xff;
            }
            d.writeInt(sum % 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream f = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            f.writeBytes(p);
        }
        return f.toByteArray();
    }

    static String hex(byte[] b) {
        return HexFormat.of().withUpperCase().formatHex(b);
    }

    private interface Io {
        void run() throws IOException;
    }

    private WireBytes io(Io w) {
        try {
            w.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
