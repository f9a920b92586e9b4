package com.quotebus.config;

/** A setting with a bad value: says the key, the value and what is allowed. */
public final class ConfigException extends RuntimeException {
    private final String key;

    public ConfigException(String key, Object value, String allowed) {
        super("bad setting " + key + " = " + (value == null ? "(missing)" : "'" + value + "'") + ": expected " + allowed,
                null, false, false);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
