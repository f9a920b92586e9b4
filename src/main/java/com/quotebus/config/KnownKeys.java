package com.quotebus.config;

import com.quotebus.core.text.Spelling;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every setting a node reads: the keys of the {@code verticles.conf} shipped in the jar (it lists each one with
 * its default). A key given anywhere else — the node's own HOCON file, {@code key=value} on the command line, a
 * {@code quotebus.<key>} system property — that is not one of these is a mistake (a typo such as
 * {@code acess.port} would otherwise be ignored in silence): it is rejected before anything starts, with the
 * nearest known key. Lists (e.g. {@code collector.sources}) are checked by the reader of their section, not here.
 */
public final class KnownKeys {
    private final Set<String> keys;

    /**
     * Settings whose default is computed, so verticles.conf shows them commented out (a value there would replace
     * the computed default): known all the same.
     */
    static final Set<String> COMMENTED_OUT = Set.of("clock.start-date", "collector.leader.member",
            "collector.takeover-replay-millis");

    public KnownKeys(Set<String> keys) {
        Set<String> all = new java.util.HashSet<>(keys);
        all.addAll(COMMENTED_OUT);
        this.keys = Set.copyOf(all);
    }

    /** The dotted paths of every value in {@code defaults} (objects are descended into; arrays are values). */
    public static KnownKeys of(JsonObject defaults) {
        Set<String> out = new TreeSet<>();
        flatten("", defaults, out);
        return new KnownKeys(out);
    }

    private static void flatten(String prefix, JsonObject o, Set<String> out) {
        for (String field : o.fieldNames()) {
            String key = prefix.isEmpty() ? field : prefix + "." + field;
            if (o.getValue(field) instanceof JsonObject child && !child.isEmpty()) {
                flatten(key, child, out);
            } else {
                out.add(key);
            }
        }
    }

    public boolean contains(String key) {
        return keys.contains(key);
    }

    /**
     * Checks the merged file tree and the {@code quotebus.*} system properties; the first unknown key fails with
     * the nearest known one. Environment variables cannot be told apart from others reliably: an unknown
     * {@code QUOTEBUS_*} variable is only reported to {@code warn}.
     */
    public void check(JsonObject file, Map<String, String> props, Map<String, String> env,
                      java.util.function.Consumer<String> warn) {
        Set<String> given = new TreeSet<>();
        flatten("", file, given);
        for (String key : given) {
            if (!known(key)) {
                throw unknown(key, "in the configuration file");
            }
        }
        for (String name : new TreeSet<>(props.keySet())) {
            if (name.startsWith("quotebus.") && !known(name.substring("quotebus.".length()))) {
                throw unknown(name.substring("quotebus.".length()), "given as key=value or -Dquotebus.<key>");
            }
        }
        Set<String> envNames = new TreeSet<>();
        keys.forEach(k -> envNames.add(Settings.envName(k)));
        for (String name : new TreeSet<>(env.keySet())) {
            if (name.startsWith("QUOTEBUS_") && !envNames.contains(name) && !NOT_SETTINGS.contains(name)
                    && !underKnownPrefix(name, envNames)) {
                warn.accept("environment variable " + name + " is not a Quotebus setting (ignored)");
            }
        }
    }

    /** Variables of the client tools, not node settings. */
    private static final Set<String> NOT_SETTINGS = Set.of("QUOTEBUS_ADMIN_TOKEN");

    /** A key inside a section the file lists whole (e.g. an array element's field): left to that section's reader. */
    private boolean known(String key) {
        if (keys.contains(key)) {
            return true;
        }
        for (String k : keys) {
            if (key.startsWith(k + ".") || k.startsWith(key + ".")) {
                return true; // below a value the file gives as a list or an empty object, or an empty section
            }
        }
        return false;
    }

    private static boolean underKnownPrefix(String env, Set<String> envNames) {
        for (String e : envNames) {
            if (env.startsWith(e + "_")) {
                return true;
            }
        }
        return false;
    }

    private ConfigException unknown(String key, String where) {
        return ConfigException.unknownKey(key, where, nearest(key));
    }

    /** The known key closest to {@code key} (edit distance on a spelling with dashes and case ignored), or null. */
    String nearest(String key) {
        int dot = key.lastIndexOf('.');
        if (dot > 0) {
            String section = key.substring(0, dot + 1);
            List<String> siblings = keys.stream().filter(k -> k.startsWith(section)).sorted().toList();
            if (!siblings.isEmpty()) { // a known section: the leaf is misspelt
                String leaf = key.substring(dot + 1);
                String best = Spelling.nearest(leaf, siblings.stream().map(k -> k.substring(section.length())).toList(),
                        Math.max(2, normal(leaf).length() / 4), KnownKeys::normal);
                return best == null ? null : section + best;
            }
        }
        return Spelling.nearest(key, new TreeSet<>(keys), Math.max(2, normal(key).length() / 4), KnownKeys::normal);
    }

    private static String normal(String key) {
        return key.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
    }

    /** Every known key, sorted (for tests and messages). */
    public List<String> all() {
        return new ArrayList<>(new TreeSet<>(keys));
    }
}
