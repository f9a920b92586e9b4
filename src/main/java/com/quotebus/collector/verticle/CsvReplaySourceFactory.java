package com.quotebus.collector.verticle;

import com.quotebus.collector.FeedSource;
import com.quotebus.collector.replay.CsvReplayOptions;
import com.quotebus.collector.replay.CsvReplaySource;
import com.quotebus.collector.replay.ReplayScheduler;
import com.quotebus.core.time.MarketClock;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    public FeedSource create(SourceSpec spec, Vertx vertx, MarketClock clock) {
        JsonObject o = spec.options();
        String key = "collector.sources[" + spec.name() + "].";
        Object filesValue = o.getValue("files");
        if (!(filesValue instanceof JsonArray array) || array.isEmpty()) {
            throw new IllegalArgumentException(key + "files must list at least one CSV file");
        }
        List<Path> files = new ArrayList<>();
        for (Object f : array) {
            files.add(Path.of(String.valueOf(f)));
        }
        LocalDate day = null;
        String dayText = o.getString("tradingDay");
        if (dayText != null) {
            try {
                day = LocalDate.parse(dayText);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(key + "tradingDay '" + dayText + "' is not yyyy-MM-dd");
            }
        }
        CsvReplayOptions options;
        try {
            options = new CsvReplayOptions(files, day,
                    CsvReplayOptions.PriceUnit.valueOf(o.getString("priceUnit", "yuan").toUpperCase(Locale.ROOT)),
                    CsvReplayOptions.VolumeUnit.valueOf(o.getString("volumeUnit", "shares").toUpperCase(Locale.ROOT)),
                    o.getDouble("speed", 1.0), o.getInteger("batchSize", 1000));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("collector.sources[" + spec.name() + "]: " + e.getMessage()
                    + " (priceUnit: yuan|minor, volumeUnit: shares|lots, speed: number, batchSize: integer)", e);
        }
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
