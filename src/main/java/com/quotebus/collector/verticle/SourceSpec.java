package com.quotebus.collector.verticle;

import com.quotebus.config.Settings;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One configured source: its unique name (recorded on the events it wins with), its type (which
 * {@link FeedSourceFactory} builds it) and the type's own options, which that factory checks.
 */
public record SourceSpec(String name, String type, Settings options) {
    public SourceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        options = options == null ? Settings.of(new JsonObject()) : options;
    }

    /** A required option; fails naming the source and key. */
    public String requireString(String key) {
        String v = options.string(key, "");
        if (v.isBlank()) {
            throw options.invalid(key, null, "a value (required for a " + type + " source)");
        }
        return v;
    }
}
