package com.quotebus.collector.verticle;

import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * One configured source: its unique name (recorded on the events it wins with), its type (which
 * {@link FeedSourceFactory} builds it) and the type's own options, which that factory checks.
 */
public record SourceSpec(String name, String type, JsonObject options) {
    public SourceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        options = options == null ? new JsonObject() : options.copy();
    }

    /** A required option; fails naming the source and key. */
    public String requireString(String key) {
        String v = options.getString(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("collector.sources[" + name + "]." + key + " is required");
        }
        return v;
    }
}
