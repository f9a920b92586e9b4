package com.quotebus.collector.verticle;

import com.quotebus.config.Settings;
import com.quotebus.collector.FeedSource;
import com.quotebus.collector.replay.CsvReplayOptions;
import com.quotebus.collector.replay.CsvReplaySource;
import com.quotebus.collector.replay.ReplayScheduler;
import com.quotebus.core.time.MarketClock;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Type {@code csv-replay}: a {@link CsvReplaySource} paced by Vert.x timers on the calling context. Options:
 * {@code files} (array of paths, required), {@code tradingDay} (yyyy-MM-dd, for time-only columns),
 * {@code priceUnit} ({@code yuan} | {@code minor}, default yuan), {@code volumeUnit} ({@code shares} | {@code lots},
 * default shares), {@code speed} (0 = fastest, default 1 = real time), {@code batchSize} (default 1000).
 */
public final class CsvReplaySourceFactory implements FeedSourceFactory {
    @Override
    public String type() {
        return "csv-replay";
    }

    @Override
    public void check(SourceSpec spec) {
        options(spec);
    }

    /** The replay's options from the source's section ({@code files}, {@code trading-day}, units, pacing). */
    static CsvReplayOptions options(SourceSpec spec) {
        Settings o = spec.options();
        List<String> names = o.list("files", List.of());
        if (names.isEmpty()) {
            throw o.invalid("files", null, "a list of at least one CSV file");
        }
        List<Path> files = new ArrayList<>();
        for (String f : names) {
            files.add(Path.of(f));
        }
        String dayText = o.string("trading-day", "");
        LocalDate day = dayText.isBlank() ? null
                : o.parsed("trading-day", null, LocalDate::parse, "a date yyyy-MM-dd");
        return o.build(() -> new CsvReplayOptions(files, day,
                o.enumValue("price-unit", CsvReplayOptions.PriceUnit.YUAN, CsvReplayOptions.PriceUnit.class),
                o.enumValue("volume-unit", CsvReplayOptions.VolumeUnit.SHARES, CsvReplayOptions.VolumeUnit.class),
                o.doubleValue("speed", 1.0, 0, 1_000_000), o.intValue("batch-size", 1000, 1, 1_000_000)));
    }

    @Override
    public FeedSource create(SourceSpec spec, Vertx vertx, MarketClock clock) {
        CsvReplayOptions options = options(spec);
        Context context = vertx.getOrCreateContext();
        ReplayScheduler scheduler = (delay, task) -> {
            if (delay <= 0) {
                context.runOnContext(v -> task.run());
            } else {
                vertx.setTimer(delay, id -> task.run());
            }
        };
        return new CsvReplaySource(spec.name(), options, clock, scheduler);
    }
}
