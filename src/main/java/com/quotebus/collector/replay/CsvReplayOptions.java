package com.quotebus.collector.replay;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * How to read and pace a CSV replay (layouts in docs/collector.md "CSV replay").
 *
 * @param files      CSV files, each a snapshot or a trade layout (told apart by the header); merged by time
 * @param tradingDay date for time columns without a date ({@code 09:30:00.120}, {@code 93000120}); may be null
 *                   when every file has full timestamps
 * @param priceUnit  how prices and amounts are written
 * @param volumeUnit how volumes are written
 * @param speed      pacing: 0 = as fast as possible, 1 = real time, {@code n} = n times real time
 * @param batchSize  events delivered per scheduler turn when as fast as possible (bounds a turn's duration)
 */
public record CsvReplayOptions(List<Path> files, LocalDate tradingDay, PriceUnit priceUnit, VolumeUnit volumeUnit,
        double speed, int batchSize) {

    /** Price notation. */
    public enum PriceUnit {
        /** Decimal yuan, e.g. {@code 10.23}; prices with more than 4 decimals are rejected, amounts rounded. */
        YUAN,
        /** Integer minor units of 1/10000 yuan, e.g. {@code 102300}. */
        MINOR
    }

    /** Volume notation. */
    public enum VolumeUnit {
        /** Shares (股) or contracts. */
        SHARES,
        /** Lots (手) of 100 shares: multiplied by 100. */
        LOTS
    }

    public CsvReplayOptions {
        Objects.requireNonNull(files, "files");
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("csv replay: files must name at least one file");
        }
        Objects.requireNonNull(priceUnit, "priceUnit");
        Objects.requireNonNull(volumeUnit, "volumeUnit");
        if (!(speed >= 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("csv replay: speed must be 0 (fastest) or > 0, was " + speed);
        }
        if (batchSize <= 0) {
            throw new IllegalArgumentException("csv replay: batchSize must be > 0, was " + batchSize);
        }
    }

    /** Yuan prices, share volumes, as fast as possible in batches of 1000. */
    public static CsvReplayOptions fastest(List<Path> files, LocalDate tradingDay) {
        return new CsvReplayOptions(files, tradingDay, PriceUnit.YUAN, VolumeUnit.SHARES, 0, 1000);
    }
}
