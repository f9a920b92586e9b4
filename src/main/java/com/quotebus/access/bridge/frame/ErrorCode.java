package com.quotebus.access.bridge.frame;

/**
 * Every {@code message} text of an {@code err} frame this gateway sends (apart from the reply
 * failures of requests, which carry the failure's own text). The first four are the stock
 * bridge's and keep their spelling so existing clients recognise them.
 */
public enum ErrorCode {
    /** The address is not permitted for this operation, or is internal. */
    ACCESS_DENIED("access_denied"),
    /** {@code unregister} of an address the connection has not registered. */
    UNKNOWN_ADDRESS("unknown_address"),
    /** A frame that needs an address has none (or not a string). */
    MISSING_ADDRESS("missing_address"),
    /** {@code type} missing, not a string or not one of send/publish/register/unregister/ping. */
    UNKNOWN_TYPE("unknown_type"),
    /** The frame is not valid JSON. The connection stays open. */
    INVALID_JSON("invalid_json"),
    /** Valid JSON but not an object, or a field of the wrong type (e.g. headers not an object). */
    INVALID_FRAME("invalid_frame"),
    /** A frame of declared length 0. The connection stays open. */
    EMPTY_FRAME("empty_frame"),
    /** A negative declared length (high bit set). The connection is closed. */
    INVALID_LENGTH("invalid_length"),
    /** A declared length above the configured maximum. The connection is closed. */
    FRAME_TOO_LARGE("frame_too_large"),
    /** The per-connection request rate (token bucket) is exhausted; the frame was dropped. */
    RATE_LIMITED("rate_limited"),
    /** A {@code register} beyond the per-connection subscription quota. */
    SUBSCRIPTION_QUOTA_EXCEEDED("subscription_quota_exceeded"),
    /** Too many requests of this connection are waiting for replies. */
    TOO_MANY_REQUESTS("too_many_requests"),
    /** An {@code admin.} address without the right {@code token} header. */
    INVALID_TOKEN("invalid_token"),
    /** An {@code admin.} address on a gateway with admin off (no {@code access.admin-token} configured). */
    ADMIN_OFF("admin_off"),
    /** No traffic either way (no frame from the client, nothing written to it) within the idle timeout. Closed. */
    IDLE_TIMEOUT("idle_timeout"),
    /** The client does not read fast enough and the policy is to disconnect. The connection is closed. */
    SLOW_CONSUMER("slow_consumer"),
    /** The gateway is shutting down. The connection is closed. */
    SHUTTING_DOWN("shutting_down");

    private final String wire;

    ErrorCode(String wire) {
        this.wire = wire;
    }

    /** The text sent as the {@code message} field. */
    public String wire() {
        return wire;
    }
}
