package com.quotebus.collector.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.zip.CRC32C;

/**
 * Reads a journal file sequentially, from the start or from a record position, and can follow a file that
 * is still being written (tailing): {@link #next()} returns {@code null} when no complete record is there
 * yet and may be called again later. Memory is one read buffer (64 KiB, growing to the largest record).
 *
 * <p>End of data: a short record, a record running past the end of the file, a record whose checksum fails
 * at the very end of the file, or a zero-filled tail are all "no complete record yet" — a torn write or a
 * write in progress. An invalid record followed by more data is corruption and throws
 * {@link JournalCorruptedException}. Not thread-safe; open one reader per consumer.
 */
public final class JournalReader implements AutoCloseable {
    private static final int BUFFER = 64 * 1024;

    private final Path file;
    private final FileChannel channel;
    private final EventSerializer serializer;
    private final LocalDate tradingDay;
    private final CRC32C crc = new CRC32C();
    private ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
    /** File offset of buffer index 0; the buffer holds [bufferStart, bufferStart + buffer.limit()). */
    private long bufferStart;
    private long position = JournalFormat.HEADER_LENGTH;

    private JournalReader(Path file, FileChannel channel, EventSerializer serializer) throws IOException {
        this.file = file;
        this.channel = channel;
        this.serializer = serializer;
        this.tradingDay = JournalFormat.readHeader(channel, file);
        buffer.limit(0);
        bufferStart = position;
    }

    /** Opens {@code file} and checks its header; positioned at the first record. */
    public static JournalReader open(Path file, EventSerializer serializer) {
        FileChannel ch = null;
        try {
            ch = FileChannel.open(file, StandardOpenOption.READ);
            return new JournalReader(file, ch, serializer);
        } catch (IOException e) {
            closeQuietly(ch);
            throw new UncheckedIOException("cannot open journal " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeQuietly(ch);
            throw e;
        }
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // already failing with the original error
            }
        }
    }

    public Path file() {
        return file;
    }

    public LocalDate tradingDay() {
        return tradingDay;
    }

    /** Offset of the next record to read. */
    public long position() {
        return position;
    }

    /**
     * Continues reading at {@code recordPosition}, which must be a position returned in a
     * {@link JournalRecord} (or the first record's, {@link JournalFormat#HEADER_LENGTH}); a position inside a
     * record is detected by its checksum and reported as corruption.
     */
    public void seek(long recordPosition) {
        if (recordPosition < JournalFormat.HEADER_LENGTH) {
            throw new IllegalArgumentException("position " + recordPosition + " is inside the header");
        }
        position = recordPosition;
        buffer.limit(0);
        bufferStart = position;
    }

    /**
     * The next complete record, or {@code null} when none is available (yet). An invalid record is read a second
     * time from the file before it is reported as corruption, in case a tailing read saw a write half-copied.
     */
    public JournalRecord next() {
        try {
            return tryNext();
        } catch (JournalCorruptedException first) {
            discardBuffer();
            return tryNext();
        }
    }

    private JournalRecord tryNext() {
        try {
            long size = channel.size();
            if (position + JournalFormat.RECORD_HEADER > size) {
                return null;
            }
            if (!fill(JournalFormat.RECORD_HEADER)) {
                return null;
            }
            int at = (int) (position - bufferStart);
            int length = buffer.getInt(at);
            int expected = buffer.getInt(at + 4);
            if (length <= 0 || length > JournalFormat.MAX_RECORD) {
                if (zeroFrom(position, size)) {
                    return null;
                }
                throw new JournalCorruptedException(file, position, "record length " + length + " out of range");
            }
            long end = position + JournalFormat.RECORD_HEADER + length;
            if (end > size) {
                return null;
            }
            if (!fill(JournalFormat.RECORD_HEADER + length)) {
                return null;
            }
            at = (int) (position - bufferStart);
            ByteBuffer payload = buffer.duplicate();
            payload.limit(at + JournalFormat.RECORD_HEADER + length).position(at + JournalFormat.RECORD_HEADER);
            int actual = JournalFormat.checksum(crc, length, payload.duplicate());
            if (actual != expected) {
                if (end == size || zeroFrom(end, size)) {
                    discardBuffer();
                    return null;
                }
                throw new JournalCorruptedException(file, position, "record checksum mismatch");
            }
            var event = serializer.read(payload);
            if (payload.hasRemaining()) {
                throw new JournalCorruptedException(file, position, payload.remaining()
                        + " unread bytes after the event");
            }
            JournalRecord record = new JournalRecord(position, end, event);
            position = end;
            return record;
        } catch (IllegalArgumentException e) {
            throw new JournalCorruptedException(file, position, "undecodable event: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("reading journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Ensures the buffer holds {@code bytes} bytes from {@link #position}; false when the file is shorter. */
    private boolean fill(int bytes) throws IOException {
        long have = bufferStart + buffer.limit() - position;
        if (position >= bufferStart && have >= bytes) {
            return true;
        }
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(Math.max(bytes, buffer.capacity() * 2));
        }
        buffer.clear();
        bufferStart = position;
        while (buffer.position() < bytes) {
            int n = channel.read(buffer, bufferStart + buffer.position());
            if (n < 0) {
                break;
            }
        }
        buffer.flip();
        return buffer.limit() >= bytes;
    }

    private void discardBuffer() {
        buffer.limit(0);
        bufferStart = position;
    }

    /** True when every byte in [from, to) is zero: space the file system extended but never filled. */
    private boolean zeroFrom(long from, long to) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8192);
        long p = from;
        while (p < to) {
            b.clear();
            int n = channel.read(b, p);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (b.get(i) != 0) {
                    return false;
                }
            }
            p += n;
        }
        discardBuffer();
        return true;
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing journal " + file, e);
        }
    }
}
