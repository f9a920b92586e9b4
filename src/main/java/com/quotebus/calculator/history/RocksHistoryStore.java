package com.quotebus.calculator.history;

import com.quotebus.core.adjust.AdjustFactor;
import com.quotebus.core.adjust.AdjustFactorTable;
import com.quotebus.core.adjust.AdjustFactors;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import com.quotebus.core.minute.MinutePoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.rocksdb.CompressionType;
import org.rocksdb.Options;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * {@link HistoryStore} on RocksDB (embedded LSM storage engine; LZ4-compressed).
 *
 * <p>Keys sort so that a paged query is one seek plus a short scan:
 * <pre>
 *   bar:    'B' code-length(1) code(UTF-8) period-ordinal(1) end(8, big-endian, sign bit flipped)
 *   minute: 'M' code-length(1) code(UTF-8) epoch-day(8, big-endian, sign bit flipped)
 *   factor: 'F' code-length(1) code(UTF-8) epoch-day(8, big-endian, sign bit flipped)
 *           → the cumulative adjustment factor from that day on, as plain decimal text (UTF-8, exact)
 *   meta:   'X' key-length(1) key(UTF-8)
 * </pre>
 * "The newest N bars ending at or before T" is {@code seekForPrev(prefix+T)} then N steps back.
 * Values are fixed-width big-endian longs (see {@link #encodeBar}). Writes of the WAL are not synced
 * per batch (a process crash loses nothing; an OS crash may lose the last second — bars are rebuilt
 * from the collector's journal then).
 */
public final class RocksHistoryStore implements HistoryStore {
    static {
        RocksDB.loadLibrary();
    }

    private final RocksDB db;
    private final Options options;
    private final WriteOptions writeOptions = new WriteOptions();

    private RocksHistoryStore(RocksDB db, Options options) {
        this.db = db;
        this.options = options;
    }

    /** Opens (creating if needed) the store in {@code dir}. */
    public static RocksHistoryStore open(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create history directory " + dir, e);
        }
        Options options = new Options().setCreateIfMissing(true).setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setMaxOpenFiles(256);
        try {
            return new RocksHistoryStore(RocksDB.open(options, dir.toString()), options);
        } catch (RocksDBException e) {
            options.close();
            throw new IllegalStateException("cannot open history store in " + dir + ": " + e.getMessage()
                    + " (is another process using it?)", e);
        }
    }

    static byte[] prefix(char kind, String code, int extra) {
        byte[] c = code.getBytes(StandardCharsets.UTF_8);
        if (c.length > 255) {
            throw new IllegalArgumentException("code too long: " + code);
        }
        byte[] k = new byte[2 + c.length + extra];
        k[0] = (byte) kind;
        k[1] = (byte) c.length;
        System.arraycopy(c, 0, k, 2, c.length);
        return k;
    }

    static byte[] barKey(String code, Period period, long end) {
        byte[] k = prefix('B', code, 9);
        int o = k.length - 9;
        k[o] = (byte) period.ordinal();
        ByteBuffer.wrap(k, o + 1, 8).putLong(end ^ Long.MIN_VALUE);
        return k;
    }

    static byte[] minuteKey(String code, LocalDate day) {
        byte[] k = prefix('M', code, 8);
        ByteBuffer.wrap(k, k.length - 8, 8).putLong(day.toEpochDay() ^ Long.MIN_VALUE);
        return k;
    }

    static byte[] encodeBar(Bar b) {
        return ByteBuffer.allocate(9 * 8).putLong(b.start()).putLong(b.open()).putLong(b.high()).putLong(b.low())
                .putLong(b.close()).putLong(b.volume()).putLong(b.turnover()).putLong(b.openInterest())
                .putLong(b.tradingDay().toEpochDay()).array();
    }

    static Bar decodeBar(String code, Period period, byte[] key, byte[] value) {
        long end = ByteBuffer.wrap(key, key.length - 8, 8).getLong() ^ Long.MIN_VALUE;
        ByteBuffer v = ByteBuffer.wrap(value);
        long start = v.getLong();
        long open = v.getLong();
        long high = v.getLong();
        long low = v.getLong();
        long close = v.getLong();
        long volume = v.getLong();
        long turnover = v.getLong();
        long oi = v.getLong();
        LocalDate day = LocalDate.ofEpochDay(v.getLong());
        return new Bar(code, period, day, start, end, open, high, low, close, volume, turnover, oi, true);
    }

    @Override
    public void putBars(List<Bar> bars) {
        if (bars.isEmpty()) {
            return;
        }
        try (WriteBatch batch = new WriteBatch()) {
            for (Bar b : bars) {
                batch.put(barKey(b.code(), b.period(), b.end()), encodeBar(b));
            }
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("history write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Bar> bars(String code, Period period, long endInclusive, int count) {
        if (count <= 0) {
            return List.of();
        }
        byte[] seek = barKey(code, period, endInclusive);
        int prefixLength = seek.length - 8;
        List<Bar> out = new ArrayList<>(Math.min(count, 1024));
        try (ReadOptions ro = new ReadOptions(); RocksIterator it = db.newIterator(ro)) {
            it.seekForPrev(seek);
            while (it.isValid() && out.size() < count) {
                byte[] k = it.key();
                if (!samePrefix(k, seek, prefixLength)) {
                    break;
                }
                out.add(decodeBar(code, period, k, it.value()));
                it.prev();
            }
        }
        Collections.reverse(out);
        return out;
    }

    private static boolean samePrefix(byte[] a, byte[] b, int n) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void putMinuteLine(String code, LocalDate day, List<MinutePoint> points) {
        ByteBuffer v = ByteBuffer.allocate(4 + points.size() * (4 + 8 * 7 + 1));
        v.putInt(points.size());
        for (MinutePoint p : points) {
            v.putInt(p.index()).putLong(p.time()).putLong(p.price()).putLong(p.volume()).putLong(p.turnover())
                    .putLong(p.avgPrice()).putLong(p.cumVolume()).putLong(p.cumTurnover()).put((byte) (p.blank() ? 1 : 0));
        }
        try {
            db.put(writeOptions, minuteKey(code, day), v.array());
        } catch (RocksDBException e) {
            throw new IllegalStateException("history write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public List<MinutePoint> minuteLine(String code, LocalDate day) {
        try {
            byte[] value = db.get(minuteKey(code, day));
            if (value == null) {
                return List.of();
            }
            ByteBuffer v = ByteBuffer.wrap(value);
            int n = v.getInt();
            List<MinutePoint> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                out.add(new MinutePoint(v.getInt(), v.getLong(), v.getLong(), v.getLong(), v.getLong(), v.getLong(),
                        v.getLong(), v.getLong(), v.get() == 1));
            }
            return out;
        } catch (RocksDBException e) {
            throw new IllegalStateException("history read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public LocalDate lastMinuteLineBefore(String code, LocalDate day) {
        byte[] seek = minuteKey(code, day.minusDays(1));
        try (ReadOptions ro = new ReadOptions(); RocksIterator it = db.newIterator(ro)) {
            it.seekForPrev(seek);
            if (it.isValid() && samePrefix(it.key(), seek, seek.length - 8)) {
                byte[] k = it.key();
                return LocalDate.ofEpochDay(ByteBuffer.wrap(k, k.length - 8, 8).getLong() ^ Long.MIN_VALUE);
            }
            return null;
        }
    }

    static byte[] factorKey(String code, LocalDate day) {
        byte[] k = prefix('F', code, 8);
        ByteBuffer.wrap(k, k.length - 8, 8).putLong(day.toEpochDay() ^ Long.MIN_VALUE);
        return k;
    }

    private static final int FACTOR_BATCH = 50_000;

    @Override
    public void putAdjustFactors(Map<String, List<AdjustFactor>> byCode) {
        writeFactors(byCode, false);
    }

    @Override
    public void replaceAdjustFactors(Map<String, List<AdjustFactor>> byCode) {
        writeFactors(byCode, true);
    }

    /** One write batch per {@value #FACTOR_BATCH} factors, a code never split over two batches. */
    private void writeFactors(Map<String, List<AdjustFactor>> byCode, boolean replace) {
        WriteBatch batch = new WriteBatch();
        try {
            for (Map.Entry<String, List<AdjustFactor>> e : byCode.entrySet()) {
                String code = e.getKey();
                if (replace) {
                    // every day of the code: [day bytes 00…00, FF…FF) holds every real epoch day
                    byte[] from = prefix('F', code, 8);
                    byte[] to = prefix('F', code, 8);
                    java.util.Arrays.fill(to, to.length - 8, to.length, (byte) 0xFF);
                    batch.deleteRange(from, to);
                }
                for (AdjustFactor f : e.getValue()) {
                    batch.put(factorKey(code, f.date()), f.factor().toPlainString().getBytes(StandardCharsets.UTF_8));
                }
                if (batch.count() >= FACTOR_BATCH) {
                    db.write(writeOptions, batch);
                    batch.close();
                    batch = new WriteBatch();
                }
            }
            db.write(writeOptions, batch);
        } catch (RocksDBException e) {
            throw new IllegalStateException("history write failed: " + e.getMessage(), e);
        } finally {
            batch.close();
        }
    }

    @Override
    public List<AdjustFactor> adjustFactors(String code) {
        byte[] first = prefix('F', code, 8);
        List<AdjustFactor> out = new ArrayList<>();
        try (ReadOptions ro = new ReadOptions(); RocksIterator it = db.newIterator(ro)) {
            for (it.seek(first); it.isValid() && samePrefix(it.key(), first, first.length - 8); it.next()) {
                out.add(decodeFactor(it.key(), it.value()));
            }
        }
        return out;
    }

    @Override
    public AdjustFactorTable adjustFactorTable() {
        List<AdjustFactors> all = new ArrayList<>();
        String code = null;
        List<AdjustFactor> factors = new ArrayList<>();
        try (ReadOptions ro = new ReadOptions(); RocksIterator it = db.newIterator(ro)) {
            for (it.seek(new byte[] {'F'}); it.isValid() && it.key()[0] == 'F'; it.next()) {
                byte[] k = it.key();
                String c = new String(k, 2, k[1] & 0xFF, StandardCharsets.UTF_8);
                if (!c.equals(code)) {
                    if (code != null) {
                        all.add(AdjustFactors.of(code, factors));
                    }
                    code = c;
                    factors = new ArrayList<>();
                }
                AdjustFactor f = decodeFactor(k, it.value());
                // compacted while scanning: a vendor's row for every trading day becomes the changes only
                if (factors.isEmpty() || factors.get(factors.size() - 1).factor().compareTo(f.factor()) != 0) {
                    factors.add(f);
                }
            }
        }
        if (code != null) {
            all.add(AdjustFactors.of(code, factors));
        }
        return AdjustFactorTable.of(all);
    }

    private static AdjustFactor decodeFactor(byte[] key, byte[] value) {
        LocalDate day = LocalDate.ofEpochDay(ByteBuffer.wrap(key, key.length - 8, 8).getLong() ^ Long.MIN_VALUE);
        return new AdjustFactor(day, new BigDecimal(new String(value, StandardCharsets.UTF_8)));
    }

    @Override
    public byte[] meta(String key) {
        try {
            return db.get(prefix('X', key, 0));
        } catch (RocksDBException e) {
            throw new IllegalStateException("history read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void putMeta(String key, byte[] value) {
        try {
            db.put(writeOptions, prefix('X', key, 0), value);
        } catch (RocksDBException e) {
            throw new IllegalStateException("history write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        writeOptions.close();
        db.close();
        options.close();
    }
}
