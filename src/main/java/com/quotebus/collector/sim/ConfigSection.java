package com.quotebus.collector.sim;

import java.util.Map;

/**
 * Typed reads of one section of {@code verticles.conf} (as the map a HOCON/JSON object gives, e.g.
 * {@code JsonObject.getMap()}), each with a default, failing with the full key name and the reason. Plain
 * Java so the simulator's config stays free of Vert.x.
 */
public final class ConfigSection {
    private final String prefix;
    private final Map<String, ?> values;

    /** @param prefix the section's path, used in error messages, e.g. {@code simulator} */
    public ConfigSection(String prefix, Map<String, ?> values) {
        this.prefix = prefix;
        this.values = values == null ? Map.of() : values;
    }

    public String key(String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    public long getLong(String name, long defaultValue) {
        Object v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n && n.doubleValue() == n.longValue()) {
            return n.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        throw new IllegalArgumentException(key(name) + " must be a whole number, was '" + v + "'");
    }

    public int getInt(String name, int defaultValue) {
        long v = getLong(name, defaultValue);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(key(name) + " is out of range: " + v);
        }
        return (int) v;
    }

    public double getDouble(String name, double defaultValue) {
        Object v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(v.toString().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key(name) + " must be a number, was '" + v + "'");
        }
    }

    public boolean getBoolean(String name, boolean defaultValue) {
        Object v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim();
        if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(s);
        }
        throw new IllegalArgumentException(key(name) + " must be true or false, was '" + v + "'");
    }

    public String getString(String name, String defaultValue) {
        Object v = values.get(name);
        return v == null ? defaultValue : v.toString();
    }

    /** A value parsed by {@code parser}; a parse failure names the key and the expected form. */
    public <T> T get(String name, T defaultValue, java.util.function.Function<String, T> parser, String form) {
        Object v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        try {
            return parser.apply(v.toString().trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key(name) + " must be " + form + ", was '" + v + "'", e);
        }
    }
}
