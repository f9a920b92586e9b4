package com.quotebus.access.bridge;

import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One permitted address: an exact address, or a regular expression that must match the whole
 * address. Immutable; the pattern is compiled once.
 */
public final class AddressPermit {
    private final String address;
    private final Pattern regex;

    private AddressPermit(String address, Pattern regex) {
        this.address = address;
        this.regex = regex;
    }

    /** Permits exactly {@code address}. */
    public static AddressPermit exact(String address) {
        if (address == null || address.isEmpty()) {
            throw new IllegalArgumentException("permitted address must not be empty");
        }
        return new AddressPermit(address, null);
    }

    /** Permits every address that {@code regex} matches as a whole. */
    public static AddressPermit regex(String regex) {
        if (regex == null || regex.isEmpty()) {
            throw new IllegalArgumentException("permitted address regex must not be empty");
        }
        try {
            return new AddressPermit(null, Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("invalid address regex '" + regex + "': " + e.getDescription(), e);
        }
    }

    public boolean matches(String candidate) {
        return address != null ? address.equals(candidate) : regex.matcher(candidate).matches();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressPermit p && Objects.equals(address, p.address)
                && Objects.equals(regex == null ? null : regex.pattern(), p.regex == null ? null : p.regex.pattern());
    }

    @Override
    public int hashCode() {
        return Objects.hash(address, regex == null ? null : regex.pattern());
    }

    @Override
    public String toString() {
        return address != null ? "address=" + address : "regex=" + regex.pattern();
    }
}
