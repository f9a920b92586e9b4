package com.quotebus.collector.journal;

import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.MarketTime;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * How a journal ends, read from its last bytes only: the latest exchange time of its last records (events and
 * {@link MarketTime}s) and its last market-time record. A node reads it at start to resume its simulated market
 * where the journal ends; a day's journal at 2,000 symbols is hundreds of MB, and this reads about one MB of it.
 *
 * <p>Records carry no backward link, so the reader finds a record boundary inside the last window of the file
 * ({@value #INITIAL_WINDOW} bytes at first): the first offset where a record has a length in range, lies inside
 * the window and matches its CRC32C, and whose following records all do the same up to the end of data (the
 * torn-tail rules of {@link JournalReader}). A false start needs a random 32-bit checksum to match and every
 * later record of the window to line up after it, so it does not happen in practice. The window grows (×4) until
 * it holds two market-time records (the collector writes one about every 100 ms); past {@value #MAX_WINDOW} bytes
 * (a journal written before market times existed) the file is read from its first record instead.
 *
 * <p>The latest exchange time is taken over the window. Market times are monotonic, and the events journaled
 * since the market time before the last one are in the window, so the window's maximum is the journal's unless an
 * event journaled before that record was later than every record after it — an event that far ahead of the
 * stream's market time does not occur, and a maximum a little short only means the simulator resends a little
 * more. Reads only; never repairs. Plain Java, blocking I/O: call it off any event loop.
 */
public final class JournalTail {
    /** Bytes read from the end of a file at first. */
    static final int INITIAL_WINDOW = 1 << 20;
    /** A larger window is not buffered: the file is read from its first record instead. */
    static final int MAX_WINDOW = 64 << 20;
    private static final Pattern NAME = Pattern.compile("journal-\\d{8}\\" + JournalFormat.SUFFIX);

    /**
     * The end of one journal file.
     *
     * @param file           the file
     * @param tradingDay     the trading day its header names
     * @param recordsRead    complete records read (0: the file has none)
     * @param lastMarketTime the latest exchange time of the records read, {@link Long#MIN_VALUE} without any
     * @param watermark      the time of the last {@link MarketTime} record, {@link Long#MIN_VALUE} without any
     * @param bytesRead      bytes read from the file (header included)
     * @param size           the file's size
     */
    public record Summary(Path file, LocalDate tradingDay, long recordsRead, long lastMarketTime, long watermark,
            long bytesRead, long size) {
        /** Whether the file holds a complete record. */
        public boolean hasRecords() {
            return recordsRead > 0;
        }
    }

    private JournalTail() {}

    /**
     * The end of the newest journal in {@code directory} that holds a record (journals of later days without a
     * record, such as the next day's opened ahead by the collector, are passed over); empty when the directory
     * does not exist or holds no record.
     *
     * @throws JournalCorruptedException when such a file has a bad header
     */
    public static Optional<Summary> newest(Path directory, EventSerializer serializer) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(directory)) {
            list.filter(p -> NAME.matcher(p.getFileName().toString()).matches()).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException("listing journals in " + directory + ": " + e.getMessage(), e);
        }
        files.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        for (Path file : files) {
            try {
                if (Files.size(file) <= JournalFormat.HEADER_LENGTH) {
                    continue; // created (or opened ahead) and never written to
                }
            } catch (IOException e) {
                throw new UncheckedIOException("reading journal " + file + ": " + e.getMessage(), e);
            }
            Summary s = read(file, serializer);
            if (s.hasRecords()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /**
     * The end of {@code file}.
     *
     * @throws JournalCorruptedException when its header is bad, or (read from the start) it is corrupt before its
     *                                   tail
     */
    public static Summary read(Path file, EventSerializer serializer) {
        return read(file, serializer, INITIAL_WINDOW);
    }

    static Summary read(Path file, EventSerializer serializer, int initialWindow) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            LocalDate day = JournalFormat.readHeader(channel, file);
            long size = channel.size();
            long bytesRead = JournalFormat.HEADER_LENGTH;
            long window = Math.max(JournalFormat.RECORD_HEADER + 1, initialWindow);
            while (true) {
                long from = size - window;
                if (from <= JournalFormat.HEADER_LENGTH || window > MAX_WINDOW) {
                    return fromStart(file, serializer, day, size, bytesRead);
                }
                ByteBuffer bytes = ByteBuffer.allocate((int) (size - from));
                while (bytes.hasRemaining()) {
                    if (channel.read(bytes, from + bytes.position()) < 0) {
                        break; // the file shrank while we read it: take what is there
                    }
                }
                bytes.flip();
                bytesRead += bytes.limit();
                Window w = scan(file, from, bytes, serializer);
                if (w != null && w.marketTimes >= 2) {
                    return new Summary(file, day, w.records, w.lastMarketTime, w.watermark, bytesRead, size);
                }
                window *= 4;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** Every record from the first: a small file, or no market time near the end. */
    private static Summary fromStart(Path file, EventSerializer serializer, LocalDate day, long size, long bytesRead) {
        long records = 0;
        long last = Long.MIN_VALUE;
        long watermark = Long.MIN_VALUE;
        long end = JournalFormat.HEADER_LENGTH;
        try (JournalReader reader = JournalReader.open(file, serializer)) {
            JournalRecord r;
            while ((r = reader.next()) != null) {
                records++;
                last = Math.max(last, r.event().exchangeTime());
                if (r.event() instanceof MarketTime m) {
                    watermark = Math.max(watermark, m.exchangeTime());
                }
                end = r.nextPosition();
            }
        }
        return new Summary(file, day, records, last, watermark, bytesRead + (end - JournalFormat.HEADER_LENGTH), size);
    }

    private record Window(long records, long lastMarketTime, long watermark, int marketTimes) {}

    /**
     * The records of {@code bytes} (the file from offset {@code from} to its end) after the first record boundary,
     * or null when no boundary is found (the window holds no complete record).
     */
    private static Window scan(Path file, long from, ByteBuffer bytes, EventSerializer serializer) {
        CRC32C crc = new CRC32C();
        int n = bytes.limit();
        for (int start = 0; start + JournalFormat.RECORD_HEADER <= n; start++) {
            int first = validRecordAt(bytes, start, crc);
            if (first < 0) {
                continue;
            }
            int end = chainEnd(bytes, start + first, crc);
            if (end >= 0) {
                return decode(file, from, bytes, start, end, serializer);
            }
        }
        return null;
    }

    /** Length of the complete, CRC-valid record at {@code at}, or -1. */
    private static int validRecordAt(ByteBuffer bytes, int at, CRC32C crc) {
        int length = bytes.getInt(at);
        if (length <= 0 || length > JournalFormat.MAX_RECORD
                || (long) at + JournalFormat.RECORD_HEADER + length > bytes.limit()) {
            return -1;
        }
        ByteBuffer payload = bytes.duplicate();
        payload.limit(at + JournalFormat.RECORD_HEADER + length).position(at + JournalFormat.RECORD_HEADER);
        if (JournalFormat.checksum(crc, length, payload) != bytes.getInt(at + 4)) {
            return -1;
        }
        return JournalFormat.RECORD_HEADER + length;
    }

    /**
     * Follows records from {@code at} to the end of data, by the rules of {@link JournalReader}: returns the offset
     * where data ends (a short, overlong or zero-filled tail, or a bad checksum in the very last record), or -1 when
     * an invalid record is followed by more data (so {@code at} was not a record boundary).
     */
    private static int chainEnd(ByteBuffer bytes, int at, CRC32C crc) {
        int n = bytes.limit();
        int p = at;
        while (p + JournalFormat.RECORD_HEADER <= n) {
            int length = bytes.getInt(p);
            if (length <= 0 || length > JournalFormat.MAX_RECORD) {
                return zeroFrom(bytes, p) ? p : -1;
            }
            long end = (long) p + JournalFormat.RECORD_HEADER + length;
            if (end > n) {
                return p; // torn: runs past the end of the file
            }
            int size = validRecordAt(bytes, p, crc);
            if (size < 0) {
                return end == n || zeroFrom(bytes, (int) end) ? p : -1;
            }
            p += size;
        }
        return p;
    }

    private static boolean zeroFrom(ByteBuffer bytes, int from) {
        for (int i = from; i < bytes.limit(); i++) {
            if (bytes.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    private static Window decode(Path file, long from, ByteBuffer bytes, int start, int end,
            EventSerializer serializer) {
        long records = 0;
        long last = Long.MIN_VALUE;
        long watermark = Long.MIN_VALUE;
        int marketTimes = 0;
        int p = start;
        while (p < end) {
            int length = bytes.getInt(p);
            ByteBuffer payload = bytes.duplicate();
            payload.limit(p + JournalFormat.RECORD_HEADER + length).position(p + JournalFormat.RECORD_HEADER);
            MarketEvent event;
            try {
                event = serializer.read(payload);
            } catch (IllegalArgumentException e) {
                throw new JournalCorruptedException(file, from + p, "undecodable event: " + e.getMessage());
            }
            records++;
            last = Math.max(last, event.exchangeTime());
            if (event instanceof MarketTime m) {
                watermark = Math.max(watermark, m.exchangeTime());
                marketTimes++;
            }
            p += JournalFormat.RECORD_HEADER + length;
        }
        return new Window(records, last, watermark, marketTimes);
    }
}
