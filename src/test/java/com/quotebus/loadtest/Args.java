package com.quotebus.loadtest;

import java.util.HashMap;
import java.util.Map;

/** {@code --key value} command-line pairs; an unknown or malformed pair fails with its name. */
final class Args {
    private final Map<String, String> values;

    private Args(Map<String, String> values) {
        this.values = values;
    }

    static Args parse(String[] args) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("expected --key, got '" + a + "'");
            }
            String key = a.substring(2);
            if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                m.put(key, args[++i]);
            } else {
                m.put(key, "true");
            }
        }
        return new Args(m);
    }

    String value(String key, String def) {
        return values.getOrDefault(key, def);
    }

    int intValue(String key, int def) {
        String v = values.get(key);
        try {
            return v == null ? def : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be an integer: " + v);
        }
    }

    double doubleValue(String key, double def) {
        String v = values.get(key);
        try {
            return v == null ? def : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a number: " + v);
        }
    }

    boolean flag(String key) {
        return "true".equals(values.get(key));
    }
}
