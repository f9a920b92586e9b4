package com.quotebus.access.bridge;

import com.quotebus.access.bridge.frame.ErrorCode;

/**
 * Decides whether a client may send/publish to or register for an address. Rejections are returned
 * as the {@link ErrorCode} the client gets; null means allowed. Order of checks: internal addresses
 * are never reachable; admin addresses need the token; clients never publish or send onto
 * market-data addresses; then the permit lists. Immutable and thread-safe.
 */
public final class AccessPolicy {
    private final BridgeServerOptions options;

    public AccessPolicy(BridgeServerOptions options) {
        this.options = options;
    }

    /** A client {@code send} or {@code publish} to {@code address} with header {@code token} (may be null). */
    public ErrorCode checkInbound(String address, String token) {
        if (options.isInternal(address)) {
            return ErrorCode.ACCESS_DENIED;
        }
        if (address.startsWith(options.adminPrefix())) {
            return admin(token);
        }
        if (options.isLastValue(address) || options.isStream(address)) {
            return ErrorCode.ACCESS_DENIED;
        }
        return permitted(options.inboundPermits(), address) ? null : ErrorCode.ACCESS_DENIED;
    }

    /** A client {@code register} (or {@code unregister}) for {@code address}. */
    public ErrorCode checkOutbound(String address, String token) {
        if (options.isInternal(address)) {
            return ErrorCode.ACCESS_DENIED;
        }
        if (address.startsWith(options.adminPrefix())) {
            return admin(token);
        }
        return permitted(options.outboundPermits(), address) ? null : ErrorCode.ACCESS_DENIED;
    }

    /** Admin off (no token configured) is told apart from a wrong token, so a client can say which. */
    private ErrorCode admin(String token) {
        if (options.adminToken() == null) {
            return ErrorCode.ADMIN_OFF;
        }
        return tokenOk(token) ? null : ErrorCode.INVALID_TOKEN;
    }

    private boolean tokenOk(String token) {
        return options.adminToken() != null && token != null
                && java.security.MessageDigest.isEqual(options.adminToken().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                token.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static boolean permitted(java.util.List<AddressPermit> permits, String address) {
        for (int i = 0, n = permits.size(); i < n; i++) {
            if (permits.get(i).matches(address)) {
                return true;
            }
        }
        return false;
    }
}
