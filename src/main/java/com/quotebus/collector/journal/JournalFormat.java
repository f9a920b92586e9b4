package com.quotebus.collector.journal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.zip.CRC32C;

/**
 * The journal file layout, version 1 (documented in docs/collector.md "Journal format"). One file per
 * trading day named {@code journal-YYYYMMDD.qbj}:
 *
 * <pre>
 * header (32 bytes): i32 magic 'QBJL', u16 version, u16 header length, i32 trading day (yyyymmdd),
 *                    i64 created (epoch ms), 8 reserved zero bytes, i32 CRC32C of the 28 bytes before
 * record:            i32 payload length (1..MAX_RECORD), i32 CRC32C(length bytes + payload), payload
 * </pre>
 *
 * All integers big-endian. A record is valid only when its length is in range and its checksum matches,
 * so a record torn by a crash (short, or with the file extended but not filled) is recognised.
 */
public final class JournalFormat {
    public static final int MAGIC = 0x51424A4C; // "QBJL"
    public static final short VERSION = 1;
    public static final int HEADER_LENGTH = 32;
    public static final int RECORD_HEADER = 8;
    /** Largest payload accepted: far above any event (a 10-level snapshot is ~500 bytes). */
    public static final int MAX_RECORD = 1 << 20;
    public static final String SUFFIX = ".qbj";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private JournalFormat() {}

    /** The journal file of {@code tradingDay} in {@code directory}. */
    public static Path fileFor(Path directory, LocalDate tradingDay) {
        return directory.resolve("journal-" + tradingDay.format(DAY) + SUFFIX);
    }

    static ByteBuffer header(LocalDate tradingDay, long createdMillis) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_LENGTH);
        b.putInt(MAGIC).putShort(VERSION).putShort((short) HEADER_LENGTH)
                .putInt(Integer.parseInt(tradingDay.format(DAY))).putLong(createdMillis).putLong(0);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, 28);
        b.putInt((int) crc.getValue());
        return b.flip();
    }

    /** Reads and checks the header; returns the trading day it names. */
    static LocalDate readHeader(FileChannel channel, Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(HEADER_LENGTH);
        while (b.hasRemaining()) {
            if (channel.read(b, b.position()) < 0) {
                throw new JournalCorruptedException(file, 0, "file is shorter than the " + HEADER_LENGTH
                        + "-byte header (" + b.position() + " bytes)");
            }
        }
        b.flip();
        int magic = b.getInt();
        if (magic != MAGIC) {
            throw new JournalCorruptedException(file, 0, "not a journal: magic " + Integer.toHexString(magic));
        }
        short version = b.getShort();
        if (version != VERSION) {
            throw new JournalCorruptedException(file, 4, "unsupported journal version " + version);
        }
        b.getShort();
        int day = b.getInt();
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, 28);
        if (b.getInt(28) != (int) crc.getValue()) {
            throw new JournalCorruptedException(file, 28, "header checksum mismatch");
        }
        try {
            return LocalDate.parse(Integer.toString(day), DAY);
        } catch (RuntimeException e) {
            throw new JournalCorruptedException(file, 8, "header trading day " + day + " is not a date");
        }
    }

    /** CRC32C over the 4 length bytes and the payload. */
    static int checksum(CRC32C crc, int length, ByteBuffer payload) {
        crc.reset();
        crc.update(length >>> 24);
        crc.update(length >>> 16);
        crc.update(length >>> 8);
        crc.update(length);
        crc.update(payload);
        return (int) crc.getValue();
    }
}
