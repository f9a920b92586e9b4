package com.quotebus.config;

/** A setting with a bad value: says the key, the value and what is allowed. */
public final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, Object value, String allowed) {
        super("bad setting " + key + " = " + (value == null ? "(missing)" : "'" + value + "'") + ": expected " + allowed,
                null, false, false);
        this.key = key;
    }

    private ConfigException(String key, String message) {
        super(message, null, false, false);
        this.key = key;
    }

    /** A key that is not a setting, with where it was given and the nearest setting (or null). */
    public static ConfigException unknownKey(String key, String where, String nearest) {
        return new ConfigException(key, "unknown setting " + key + " (" + where + ")"
                + (nearest == null ? "" : ": did you mean " + nearest + "?")
                + " — every setting is listed with its default in verticles.conf");
    }

    /** A section's reader rejected a value; its message names the key. */
    public static ConfigException invalid(String message) {
        return new ConfigException("", "bad setting: " + message);
    }

    public String key() {
        return key;
    }
}
