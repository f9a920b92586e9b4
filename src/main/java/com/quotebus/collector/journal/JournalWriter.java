package com.quotebus.collector.journal;

import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.time.MarketClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.zip.CRC32C;

/**
 * Appends events to the journal file of one trading day. Opening an existing file reads it through once
 * (handing every record to a recovery callback, so the sequencer and arbitration can resume), drops a torn
 * last record by truncating the file after the last complete record, and appends from there; a file
 * corrupted before its tail is refused ({@link JournalCorruptedException}) rather than repaired.
 *
 * <p>Each {@link #append} is one {@code write} of the whole record (length, CRC32C, payload) to the page
 * cache, so {@code kill -9} loses nothing that {@code append} returned for; the {@link FsyncPolicy} bounds
 * what a power failure loses. The count bound forces inside {@code append}; the time bound is applied by
 * {@link #syncIfDue}, which the owner calls periodically ({@link #syncDueIn} says when). In the collector one
 * thread owns the writer (the day's journal thread, {@code CollectorPipeline}): it appends, forces and closes,
 * so a force, which takes milliseconds, never holds up the feed. {@link #append} is for one thread at a time;
 * {@link #sync()} may be called from another thread, since {@link FileChannel#force} is thread-safe.
 */
public final class JournalWriter implements AutoCloseable {
    private static final int INITIAL_BUFFER = 4096;

    private final Path file;
    private final LocalDate tradingDay;
    private final FileChannel channel;
    private final EventSerializer serializer;
    private final FsyncPolicy policy;
    private final MarketClock clock;
    private final CRC32C crc = new CRC32C();
    private final long truncatedBytes;
    private final long recoveredRecords;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(INITIAL_BUFFER);
    private long position;
    private long records;
    private int unsyncedRecords;
    private volatile long lastSyncMillis;

    private JournalWriter(Path file, LocalDate tradingDay, FileChannel channel, EventSerializer serializer,
            FsyncPolicy policy, MarketClock clock, long position, long recoveredRecords, long truncatedBytes) {
        this.file = file;
        this.tradingDay = tradingDay;
        this.channel = channel;
        this.serializer = serializer;
        this.policy = policy;
        this.clock = clock;
        this.position = position;
        this.recoveredRecords = recoveredRecords;
        this.records = recoveredRecords;
        this.truncatedBytes = truncatedBytes;
        this.lastSyncMillis = clock.millis();
    }

    /**
     * Opens (creating when absent) the journal of {@code tradingDay} in {@code directory}.
     *
     * @param recovered receives every complete record already in the file, in order, before this returns
     * @throws JournalCorruptedException when the file is not a journal, is of another day, or is corrupt
     *                                   before its tail
     */
    public static JournalWriter open(Path directory, LocalDate tradingDay, EventSerializer serializer,
            FsyncPolicy policy, MarketClock clock, Consumer<JournalRecord> recovered) {
        return open(directory, tradingDay, serializer, policy, clock, recovered, UnaryOperator.identity());
    }

    /**
     * As {@link #open(Path, LocalDate, EventSerializer, FsyncPolicy, MarketClock, Consumer)}, writing through
     * {@code channels.apply(channel)}: tests and measurements wrap the file's channel to make a write or a force
     * slow or fail (the blocking steps of the journal). Recovery reads the file directly.
     */
    public static JournalWriter open(Path directory, LocalDate tradingDay, EventSerializer serializer,
            FsyncPolicy policy, MarketClock clock, Consumer<JournalRecord> recovered,
            UnaryOperator<FileChannel> channels) {
        Path file = JournalFormat.fileFor(directory, tradingDay);
        try {
            Files.createDirectories(directory);
            long end = JournalFormat.HEADER_LENGTH;
            long count = 0;
            long truncated = 0;
            boolean exists = Files.exists(file) && Files.size(file) > 0;
            if (exists) {
                try (JournalReader reader = JournalReader.open(file, serializer)) {
                    if (!reader.tradingDay().equals(tradingDay)) {
                        throw new JournalCorruptedException(file, 8, "header says trading day "
                                + reader.tradingDay() + ", expected " + tradingDay);
                    }
                    JournalRecord r;
                    while ((r = reader.next()) != null) {
                        recovered.accept(r);
                        count++;
                    }
                    end = reader.position();
                }
            }
            FileChannel opened = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileChannel ch = opened;
            try {
                ch = channels.apply(opened);
                if (!exists) {
                    ByteBuffer header = JournalFormat.header(tradingDay, clock.millis());
                    while (header.hasRemaining()) {
                        ch.write(header, header.position());
                    }
                    ch.force(true);
                } else if (ch.size() > end) {
                    truncated = ch.size() - end;
                    ch.truncate(end);
                    ch.force(true);
                }
                return new JournalWriter(file, tradingDay, ch, serializer, policy, clock, end, count, truncated);
            } catch (IOException | RuntimeException e) {
                ch.close();
                opened.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open journal " + file + " for writing: " + e.getMessage(), e);
        }
    }

    /** Appends {@code event}; returns the record's position. On return the record is in the page cache. */
    public long append(MarketEvent event) {
        int length = encode(event);
        buffer.putInt(0, length);
        ByteBuffer payload = buffer.duplicate().position(JournalFormat.RECORD_HEADER)
                .limit(JournalFormat.RECORD_HEADER + length);
        buffer.putInt(4, JournalFormat.checksum(crc, length, payload));
        buffer.position(0).limit(JournalFormat.RECORD_HEADER + length);
        long at = position;
        try {
            while (buffer.hasRemaining()) {
                channel.write(buffer, at + buffer.position());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("appending to journal " + file + ": " + e.getMessage(), e);
        }
        position = at + JournalFormat.RECORD_HEADER + length;
        records++;
        unsyncedRecords++;
        if (policy.everyRecords() > 0 && unsyncedRecords >= policy.everyRecords()) {
            sync();
        }
        return at;
    }

    private int encode(MarketEvent event) {
        while (true) {
            buffer.clear().position(JournalFormat.RECORD_HEADER);
            try {
                serializer.write(event, buffer);
                return buffer.position() - JournalFormat.RECORD_HEADER;
            } catch (BufferOverflowException e) {
                if (buffer.capacity() >= JournalFormat.MAX_RECORD + JournalFormat.RECORD_HEADER) {
                    throw new IllegalArgumentException("event larger than " + JournalFormat.MAX_RECORD + " bytes: "
                            + event.code(), e);
                }
                buffer = ByteBuffer.allocateDirect(Math.min(buffer.capacity() * 2,
                        JournalFormat.MAX_RECORD + JournalFormat.RECORD_HEADER));
            }
        }
    }

    /**
     * Milliseconds from {@code nowMillis} until the policy's time bound requires a force ({@code <= 0}: due now),
     * or {@link Long#MAX_VALUE} when nothing appended is waiting for one or the policy has no time bound.
     */
    public long syncDueIn(long nowMillis) {
        if (policy.everyMillis() == 0 || unsyncedRecords == 0) {
            return Long.MAX_VALUE;
        }
        return lastSyncMillis + policy.everyMillis() - nowMillis;
    }

    /** Forces when the policy's time bound has passed; for a periodic timer when appends pause. */
    public void syncIfDue(long nowMillis) {
        if (policy.everyMillis() > 0 && unsyncedRecords > 0 && nowMillis - lastSyncMillis >= policy.everyMillis()) {
            sync();
        }
    }

    /** Forces appended records to the disk. */
    public void sync() {
        try {
            channel.force(false);
            unsyncedRecords = 0;
            lastSyncMillis = clock.millis();
        } catch (IOException e) {
            throw new UncheckedIOException("fsync of journal " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public LocalDate tradingDay() {
        return tradingDay;
    }

    /** Offset where the next record will go: readers that reach it have seen everything appended. */
    public long position() {
        return position;
    }

    /** Records in the file (recovered plus appended). */
    public long records() {
        return records;
    }

    /** Complete records found in the file when it was opened. */
    public long recoveredRecords() {
        return recoveredRecords;
    }

    /** Bytes of torn tail cut off when the file was opened (0 after a clean shutdown). */
    public long truncatedBytes() {
        return truncatedBytes;
    }

    @Override
    public void close() {
        try {
            if (channel.isOpen()) {
                channel.force(false);
                channel.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("closing journal " + file + ": " + e.getMessage(), e);
        }
    }
}
