package com.quotebus.collector.verticle;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The source types a collector can build, by type name: the built-in {@code csv-replay}, every
 * {@link FeedSourceFactory} found by {@link ServiceLoader}, and any registered explicitly (tests, embedding).
 * Thread-safe.
 */
public final class FeedSourceFactories {
    private final Map<String, FeedSourceFactory> byType = new LinkedHashMap<>();

    private FeedSourceFactories() {}

    /** Built-ins plus the factories on the class path. */
    public static FeedSourceFactories discover() {
        FeedSourceFactories f = new FeedSourceFactories();
        f.register(new CsvReplaySourceFactory());
        for (FeedSourceFactory factory : ServiceLoader.load(FeedSourceFactory.class)) {
            f.register(factory);
        }
        return f;
    }

    /** Adds or replaces the factory of its type; returns this. */
    public synchronized FeedSourceFactories register(FeedSourceFactory factory) {
        byType.put(factory.type(), factory);
        return this;
    }

    /** The factory of {@code type}; fails listing the known types. */
    public synchronized FeedSourceFactory get(String type, String sourceName) {
        FeedSourceFactory f = byType.get(type);
        if (f == null) {
            throw new IllegalArgumentException("collector.sources[" + sourceName + "].type '" + type
                    + "' has no factory (known: " + String.join(", ", byType.keySet()) + ")");
        }
        return f;
    }
}
