package com.quotebus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed, checked access to the merged configuration by dotted key ({@code access.port}). Every read
 * looks first at the system property {@code quotebus.<key>}, then the environment variable
 * {@code QUOTEBUS_<KEY>} (dots and dashes become underscores, upper case: {@code QUOTEBUS_ACCESS_PORT}),
 * then the file. Every read names its key in the error when the value is bad.
 */
public final class Settings {
    private final JsonObject root;
    private final Map<String, String> env;
    private final Map<String, String> props;

    public Settings(JsonObject root, Map<String, String> env, Map<String, String> props) {
        this.root = root == null ? new JsonObject() : root;
        this.env = env;
        this.props = props;
    }

    /** Settings from a JSON tree with the process's environment and system properties as overrides. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Settings withProcessOverrides(JsonObject root) {
        return new Settings(root, System.getenv(), (Map) System.getProperties());
    }

    public static String envName(String key) {
        return "QUOTEBUS_" + key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    /** The raw value: override, else file, else {@code null}. */
    public Object raw(String key) {
        String p = props.get("quotebus." + key);
        if (p != null) {
            return p;
        }
        String e = env.get(envName(key));
        if (e != null) {
            return e;
        }
        Object node = root;
        for (String part : key.split("\\.")) {
            if (!(node instanceof JsonObject o)) {
                return null;
            }
            node = o.getValue(part);
        }
        return node;
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
            throw new ConfigException(key, v, "a text value");
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
            throw new ConfigException(key, v, "an integer " + min + ".." + max);
        }
        if (value < min || value > max) {
            throw new ConfigException(key, v, "an integer " + min + ".." + max);
        }
        return value;
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
            throw new ConfigException(key, v, "a number " + min + ".." + max);
        }
        if (!(value >= min && value <= max)) {
            throw new ConfigException(key, v, "a number " + min + ".." + max);
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
        return parseBool(key, v.toString());
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
        throw new ConfigException(key, v, "one of " + String.join(", ", names));
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
                    throw new ConfigException(key, v, "a list of text values");
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

    /** A nested object (e.g. a list of source definitions); empty when absent. */
    public JsonObject object(String key) {
        Object v = raw(key);
        if (v == null) {
            return new JsonObject();
        }
        if (!(v instanceof JsonObject o)) {
            throw new ConfigException(key, v, "an object");
        }
        return o;
    }

    /** An array of objects (e.g. collector sources); empty when absent. */
    public List<JsonObject> objects(String key) {
        Object v = raw(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof JsonArray a)) {
            throw new ConfigException(key, v, "a list of objects");
        }
        List<JsonObject> out = new ArrayList<>();
        for (Object o : a) {
            if (!(o instanceof JsonObject jo)) {
                throw new ConfigException(key, v, "a list of objects");
            }
            out.add(jo);
        }
        return out;
    }

    /** Reads a value with a parser; a parser's {@link IllegalArgumentException} becomes a ConfigException. */
    public <T> T parsed(String key, T dflt, Function<String, T> parser, String allowed) {
        String v = string(key, null);
        if (v == null) {
            return dflt;
        }
        try {
            return parser.apply(v);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(key, v, allowed + " (" + e.getMessage() + ")");
        }
    }

    /**
     * The subtree at {@code key} (e.g. {@code access}) as JSON with every override applied to its leaves
     * ({@code QUOTEBUS_ACCESS_PORT=7100} replaces {@code access.port}); an override's text takes the type
     * of the value it replaces (number, boolean, list from comma-separated text). Empty when absent.
     */
    public JsonObject section(String key) {
        Object v = raw(key);
        if (v == null) {
            return new JsonObject();
        }
        if (!(v instanceof JsonObject o)) {
            throw new ConfigException(key, v, "a section (object)");
        }
        JsonObject out = overridden(key, o.copy());
        // keys the file does not list, given as system properties (or key=value on the command line)
        String prefix = "quotebus." + key + ".";
        for (Map.Entry<String, String> e : props.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                String[] path = e.getKey().substring(prefix.length()).split("\\.");
                JsonObject node = out;
                for (int i = 0; i < path.length - 1 && node != null; i++) {
                    node = node.getValue(path[i]) instanceof JsonObject child ? child : null;
                }
                String leaf = path[path.length - 1];
                if (node != null && !node.containsKey(leaf)) {
                    node.put(leaf, e.getValue());
                }
            }
        }
        return out;
    }

    private JsonObject overridden(String prefix, JsonObject o) {
        for (String field : o.fieldNames()) {
            String key = prefix + "." + field;
            Object value = o.getValue(field);
            if (value instanceof JsonObject child) {
                overridden(key, child);
                continue;
            }
            String text = props.get("quotebus." + key);
            if (text == null) {
                text = env.get(envName(key));
            }
            if (text == null) {
                continue;
            }
            o.put(field, coerce(key, text, value));
        }
        return o;
    }

    private static Object coerce(String key, String text, Object like) {
        if (like == null) {
            return text;
        }
        try {
            if (like instanceof Integer || like instanceof Long) {
                return Long.parseLong(text.strip());
            }
            if (like instanceof Number) {
                return Double.parseDouble(text.strip());
            }
        } catch (NumberFormatException e) {
            throw new ConfigException(key, text, "a number");
        }
        if (like instanceof Boolean) {
            return parseBool(key, text);
        }
        if (like instanceof JsonArray) {
            JsonArray a = new JsonArray();
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    a.add(part.strip());
                }
            }
            return a;
        }
        return text;
    }

    public JsonObject root() {
        return root;
    }
}
