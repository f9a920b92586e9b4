package com.quotebus.config;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * One key style for every setting: kebab-case ({@code access.max-frame-size}). The camelCase spellings of earlier
 * releases ({@code access.maxFrameSize}, {@code -Dquotebus.access.maxFrameSize}, {@code QUOTEBUS_ACCESS_MAXFRAMESIZE})
 * are still accepted in this release, each reported once as a warning naming the new spelling; the next release
 * refuses them (they are then unknown keys, {@link KnownKeys}).
 */
public final class KeyStyle {
    private KeyStyle() {}

    /** {@code maxFrameSize} → {@code max-frame-size}; a kebab-case name is returned as it is. */
    public static String kebab(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0 && name.charAt(i - 1) != '-' && name.charAt(i - 1) != '.') {
                    out.append('-');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isCamel(String name) {
        return !name.equals(kebab(name)) && !name.isEmpty() && Character.isLowerCase(name.charAt(0));
    }

    private static String renamed(String old, String now) {
        return "setting " + old + " is now spelled " + now + ": the old spelling works in this release and is"
                + " refused from the next one";
    }

    /**
     * The tree with every camelCase key (in objects at any depth, inside lists too) renamed to kebab-case, each
     * rename reported once to {@code warn}. A key given in both spellings in one object is a mistake.
     */
    public static JsonObject normalise(JsonObject tree, Consumer<String> warn) {
        return object("", tree, warn);
    }

    private static JsonObject object(String path, JsonObject o, Consumer<String> warn) {
        JsonObject out = new JsonObject(new LinkedHashMap<>());
        for (String field : o.fieldNames()) {
            String name = isCamel(field) ? kebab(field) : field;
            String key = path.isEmpty() ? name : path + "." + name;
            if (!name.equals(field)) {
                if (o.containsKey(name)) {
                    throw new ConfigException(key, o.getValue(field), "one spelling only: both " + field + " and "
                            + name + " are given");
                }
                warn.accept(renamed(path.isEmpty() ? field : path + "." + field, key));
            }
            out.put(name, value(key, o.getValue(field), warn));
        }
        return out;
    }

    private static Object value(String key, Object v, Consumer<String> warn) {
        if (v instanceof JsonObject child) {
            return object(key, child, warn);
        }
        if (v instanceof JsonArray a) {
            JsonArray out = new JsonArray();
            for (int i = 0; i < a.size(); i++) {
                out.add(value(key + "[" + i + "]", a.getValue(i), warn));
            }
            return out;
        }
        return v;
    }

    /** {@code quotebus.*} system properties with camelCase key segments renamed (others kept as they are). */
    public static Map<String, String> normaliseProperties(Map<String, String> props, Consumer<String> warn) {
        Map<String, String> out = new HashMap<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(props).entrySet()) {
            String name = e.getKey();
            if (!name.startsWith("quotebus.")) {
                out.put(name, e.getValue());
                continue;
            }
            String key = name.substring("quotebus.".length());
            String now = kebab(key);
            if (!now.equals(key)) {
                if (props.containsKey("quotebus." + now)) {
                    throw new ConfigException(now, e.getValue(), "one spelling only: both " + key + " and " + now
                            + " are given");
                }
                warn.accept(renamed(key, now));
            }
            out.put("quotebus." + now, e.getValue());
        }
        return out;
    }

    /**
     * {@code QUOTEBUS_*} environment variables with the old names of {@code known} keys (the camelCase words run
     * together: {@code QUOTEBUS_ACCESS_MAXFRAMESIZE}) given their new names ({@code QUOTEBUS_ACCESS_MAX_FRAME_SIZE}).
     */
    public static Map<String, String> normaliseEnvironment(Map<String, String> env, Set<String> known,
                                                           Consumer<String> warn) {
        Map<String, String> out = new HashMap<>(env);
        for (String key : new TreeSet<>(known)) {
            String now = Settings.envName(key);
            StringBuilder old = new StringBuilder("QUOTEBUS");
            for (String segment : key.split("\\.")) {
                old.append('_').append(segment.replace("-", "").toUpperCase(Locale.ROOT));
            }
            String oldName = old.toString();
            if (!oldName.equals(now) && env.containsKey(oldName)) {
                if (env.containsKey(now)) {
                    throw new ConfigException(key, env.get(oldName), "one spelling only: both " + oldName + " and "
                            + now + " are set");
                }
                warn.accept("environment variable " + oldName + " is now named " + now + ": the old name works in"
                        + " this release and is ignored from the next one");
                out.put(now, out.remove(oldName));
            }
        }
        return out;
    }
}
