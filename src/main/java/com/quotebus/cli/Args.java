package com.quotebus.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Command-line arguments: positionals, {@code --name value} / {@code --name=value} options, flags. */
final class Args {
    static final Set<String> VALUED = Set.of("gateway", "period", "count", "adjust", "params", "name", "token",
            "timeout", "date", "end", "duration", "before");
    static final Set<String> FLAGS = Set.of("once", "help");

    final List<String> positional = new ArrayList<>();
    private final Map<String, List<String>> options = new HashMap<>();

    /** {@link UsageException} for an unknown option or a missing value. */
    static Args parse(String[] argv) {
        Args a = new Args();
        for (int i = 0; i < argv.length; i++) {
            String s = argv[i];
            if (s.startsWith("--")) {
                String name = s.substring(2);
                String value = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (FLAGS.contains(name) && value == null) {
                    a.options.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                } else if (VALUED.contains(name)) {
                    if (value == null) {
                        if (i + 1 >= argv.length) {
                            throw new UsageException("--" + name + " needs a value");
                        }
                        value = argv[++i];
                    }
                    a.options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else {
                    TreeSet<String> known = new TreeSet<>(VALUED);
                    known.addAll(FLAGS);
                    throw new UsageException(unknown("option", "--" + name, known.stream().map(o -> "--" + o).toList()));
                }
            } else if (s.equals("-h") || (s.equals("help") && a.positional.size() <= 1)) {
                a.options.computeIfAbsent("help", k -> new ArrayList<>()).add("true");
            } else {
                a.positional.add(s);
            }
        }
        return a;
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    String get(String name, String dflt) {
        List<String> v = options.get(name);
        return v == null ? dflt : v.get(v.size() - 1);
    }

    int integer(String name, int dflt, int min, int max) {
        String v = get(name, null);
        if (v == null) {
            return dflt;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min || n > max) {
                throw new UsageException("--" + name + " must be " + min + ".." + max + ", was " + v);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a whole number, was '" + v + "'");
        }
    }

    /**
     * "unknown option '--timout' (did you mean --timeout?)": the nearest of {@code valid} is named when it is
     * at most 2 edits away (a typo), otherwise only the argument.
     */
    static String unknown(String what, String given, Collection<String> valid) {
        String best = com.quotebus.core.text.Spelling.nearest(given, valid, Math.min(2, given.length() / 2), x -> x);
        return "unknown " + what + " '" + given + "'" + (best != null ? " (did you mean " + best + "?)" : "");
    }

    /** A bad command line: the message says what is wrong; exit code {@link Cli#USAGE}. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message, null, false, false);
        }
    }
}
