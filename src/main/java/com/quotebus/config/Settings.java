package com.quotebus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed, checked access to the configuration by dotted key ({@code access.port}): the one reader of settings. Every
 * read looks first at the system property {@code quotebus.<key>}, then the environment variable
 * {@code QUOTEBUS_<KEY>} (dots and dashes become underscores, upper case: {@code QUOTEBUS_ACCESS_PORT}), then the
 * file. Every read names its full key in the error when the value is bad. A section reader gets the section
 * ({@link #at}) and reads its keys relative to it ({@code at("access").intValue("port", ..)} reads
 * {@code access.port}, overrides included).
 */
public final class Settings {
    private final JsonObject root;
    /** The full key of this section ("" at the top, e.g. {@code access} or {@code collector.sources[0]}). */
    private final String path;
    private final Map<String, String> env;
    private final Map<String, String> props;

    public Settings(JsonObject root, Map<String, String> env, Map<String, String> props) {
        this(root, "", env, props);
    }

    private Settings(JsonObject root, String path, Map<String, String> env, Map<String, String> props) {
        this.root = root == null ? new JsonObject() : root;
        this.path = path;
        this.env = env;
        this.props = props;
    }

    /** Settings from a JSON tree alone, without overrides (a verticle's deployment config; tests). */
    public static Settings of(JsonObject root) {
        return new Settings(root, Map.of(), Map.of());
    }

    public static String envName(String key) {
        return "QUOTEBUS_" + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** The full key of {@code key} in this section, as errors and overrides name it. */
    public String key(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The section at {@code key} (relative), overrides included; empty when absent. */
    public Settings at(String key) {
        Object v = fileValue(key);
        if (v != null && !(v instanceof JsonObject)) {
            throw new ConfigException(key(key), v, "a section (object)");
        }
        return new Settings((JsonObject) v, key(key), env, props);
    }

    /** The names given in this section of the file (not overrides), in file order. */
    public java.util.Set<String> fieldNames() {
        return root.fieldNames();
    }

    /** A section reader's own check failed: the error names {@code key} (relative) and what is allowed. */
    public ConfigException invalid(String key, Object value, String allowed) {
        return new ConfigException(key(key), value, allowed);
    }

    /**
     * Builds a value whose constructor checks combinations of settings (e.g. renew at most half the lease): its
     * {@link IllegalArgumentException} (whose message names the key) becomes a {@link ConfigException}.
     */
    public <T> T build(java.util.function.Supplier<T> constructor) {
        try {
            return constructor.get();
        } catch (ConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw ConfigException.invalid(e.getMessage());
        }
    }

    private Object fileValue(String key) {
        Object node = root;
        for (String part : key.split("\\.")) {
            if (!(node instanceof JsonObject o)) {
                return null;
            }
            node = o.getValue(part);
        }
        return node;
    }

    /** The raw value: override, else file, else {@code null}. */
    public Object raw(String key) {
        String full = key(key);
        String p = props.get("quotebus." + full);
        if (p != null) {
            return p;
        }
        String e = env.get(envName(full));
        if (e != null) {
            return e;
        }
        return fileValue(key);
    }

    public boolean has(String key) {
        return raw(key) != null;
    }

    public String string(String key, String dflt) {
        Object v = raw(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof JsonObject || v instanceof JsonArray) {
            throw new ConfigException(key(key), v, "a text value");
        }
        return v.toString();
    }

    public long longValue(String key, long dflt, long min, long max) {
        Object v = raw(key);
        if (v == null) {
            return dflt;
        }
        long value;
        try {
            value = v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) ? n.longValue()
                    : Long.parseLong(v.toString().strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(key(key), v, "an integer " + min + ".." + max);
        }
        if (value < min || value > max) {
            throw new ConfigException(key(key), v, "an integer " + min + ".." + max);
        }
        return value;
    }

    /** A whole number whose range the value built from it checks (its message names the key). */
    public long longValue(String key, long dflt) {
        return longValue(key, dflt, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A whole number in int range whose range the value built from it checks (its message names the key). */
    public int intValue(String key, int dflt) {
        return intValue(key, dflt, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** A number whose range the value built from it checks (its message names the key). */
    public double doubleValue(String key, double dflt) {
        return doubleValue(key, dflt, -Double.MAX_VALUE, Double.MAX_VALUE);
    }

    public int intValue(String key, int dflt, int min, int max) {
        return (int) longValue(key, dflt, min, max);
    }

    public double doubleValue(String key, double dflt, double min, double max) {
        Object v = raw(key);
        if (v == null) {
            return dflt;
        }
        double value;
        try {
            value = v instanceof Number n ? n.doubleValue() : Double.parseDouble(v.toString().strip());
        } catch (NumberFormatException e) {
            throw new ConfigException(key(key), v, "a number " + min + ".." + max);
        }
        if (!(value >= min && value <= max)) {
            throw new ConfigException(key(key), v, "a number " + min + ".." + max);
        }
        return value;
    }

    public boolean bool(String key, boolean dflt) {
        Object v = raw(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        return parseBool(key(key), v.toString());
    }

    private static boolean parseBool(String key, String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigException(key, text, "true or false");
        };
    }

    public <E extends Enum<E>> E enumValue(String key, E dflt, Class<E> type) {
        String v = string(key, null);
        if (v == null) {
            return dflt;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(v.strip().replace('-', '_'))) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw new ConfigException(key(key), v, "one of " + String.join(", ", names));
    }

    /** A list: a JSON/HOCON array, or (from an override) a comma-separated text. */
    public List<String> list(String key, List<String> dflt) {
        Object v = raw(key);
        if (v == null) {
            return dflt;
        }
        List<String> out = new ArrayList<>();
        if (v instanceof JsonArray a) {
            for (Object o : a) {
                if (o instanceof JsonObject || o instanceof JsonArray) {
                    throw new ConfigException(key(key), v, "a list of text values");
                }
                out.add(String.valueOf(o));
            }
        } else {
            for (String s : v.toString().split(",")) {
                if (!s.isBlank()) {
                    out.add(s.strip());
                }
            }
        }
        return out;
    }

    /** A list of objects (e.g. collector sources), each a section named {@code key[i]}; empty when absent. */
    public List<Settings> objects(String key) {
        Object v = raw(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof JsonArray a)) {
            throw new ConfigException(key(key), v, "a list of objects");
        }
        List<Settings> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            if (!(a.getValue(i) instanceof JsonObject jo)) {
                throw new ConfigException(key(key) + "[" + i + "]", a.getValue(i), "an object");
            }
            out.add(new Settings(jo, key(key) + "[" + i + "]", Map.of(), Map.of()));
        }
        return out;
    }

    /** Reads a value with a parser; a parser's exception (e.g. a date that does not parse) becomes a ConfigException. */
    public <T> T parsed(String key, T dflt, Function<String, T> parser, String allowed) {
        String v = string(key, null);
        if (v == null) {
            return dflt;
        }
        try {
            return parser.apply(v);
        } catch (RuntimeException e) {
            throw new ConfigException(key(key), v, allowed + " (" + e.getMessage() + ")");
        }
    }


    /** Equal when they read the same tree at the same place with the same overrides. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Settings other && root.equals(other.root) && path.equals(other.path)
                && env.equals(other.env) && props.equals(other.props);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(root, path);
    }

    @Override
    public String toString() {
        return (path.isEmpty() ? "settings " : path + " ") + root.encode();
    }
}
