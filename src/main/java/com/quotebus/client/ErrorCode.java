package com.quotebus.client;

import java.util.Locale;

/**
 * Every way a request or subscription can fail, as one list: the calculator's query errors (with their
 * failure codes), the event-bus failure types, the gateway's {@code err} codes, session errors and the
 * client's own. {@link QuotebusException#code()} carries one of these.
 */
public enum ErrorCode {
    // ---- query errors of the services (failure code, text before ':' in the message) ----
    /** The body is not a JSON object, a field is missing or has the wrong type. */
    BAD_REQUEST(400, "bad_request"),
    /** No instrument has that code. */
    UNKNOWN_CODE(404, "unknown_code"),
    /** The period is not one of 1m 3m 5m 15m 30m 60m day week month quarter year. */
    BAD_PERIOD(410, "bad_period"),
    /** count (or the number of codes) is out of range. */
    COUNT_OUT_OF_RANGE(411, "count_out_of_range"),
    /** The indicator name is not known. */
    UNKNOWN_INDICATOR(412, "unknown_indicator"),
    /** A parameter value is not allowed (indicator params, adjust, date, market). */
    BAD_PARAMETER(413, "bad_parameter"),
    /**
     * The instance holding a request that may not be repeated (not idempotent) left before answering: it may or
     * may not have taken effect (the gateway's own code; idempotent requests are retried instead).
     */
    INSTANCE_LOST(502, "instance_lost"),
    /** The service is rebuilding or its store is unavailable; retry shortly. */
    UNAVAILABLE(503, "unavailable"),
    /** An unexpected fault in the service. */
    INTERNAL(500, "internal"),
    /** {@code session.open} with a token that is unknown or expired. */
    SESSION_EXPIRED(440, "session_expired"),

    // ---- event-bus failure types ----
    /** No service answered in time (gateway or client deadline). */
    TIMEOUT(-1, "TIMEOUT"),
    /** No service is registered at the address. */
    NO_HANDLERS(-1, "NO_HANDLERS"),
    /** The service failed with a code and text the client does not know. */
    RECIPIENT_FAILURE(-1, "RECIPIENT_FAILURE"),

    // ---- gateway err codes ----
    ACCESS_DENIED(-1, "access_denied"),
    INVALID_TOKEN(-1, "invalid_token"),
    /** Admin is off on the gateway (no {@code access.admin-token}). */
    ADMIN_OFF(-1, "admin_off"),
    RATE_LIMITED(-1, "rate_limited"),
    TOO_MANY_REQUESTS(-1, "too_many_requests"),
    SUBSCRIPTION_QUOTA_EXCEEDED(-1, "subscription_quota_exceeded"),
    UNKNOWN_ADDRESS(-1, "unknown_address"),
    MISSING_ADDRESS(-1, "missing_address"),
    UNKNOWN_TYPE(-1, "unknown_type"),
    INVALID_JSON(-1, "invalid_json"),
    INVALID_FRAME(-1, "invalid_frame"),
    EMPTY_FRAME(-1, "empty_frame"),
    INVALID_LENGTH(-1, "invalid_length"),
    FRAME_TOO_LARGE(-1, "frame_too_large"),
    IDLE_TIMEOUT(-1, "idle_timeout"),
    SLOW_CONSUMER(-1, "slow_consumer"),
    SHUTTING_DOWN(-1, "shutting_down"),

    // ---- the client's own ----
    /** No gateway of the list could be reached. */
    CONNECT_FAILED(-1, "connect_failed"),
    /** The connection dropped while a request that must not be repeated was in flight. */
    CONNECTION_LOST(-1, "connection_lost"),
    /** The client was closed. */
    CLOSED(-1, "closed"),
    /** A reply did not have the documented shape. */
    BAD_REPLY(-1, "bad_reply"),
    /** An {@code err} frame with a text the client does not know. */
    UNKNOWN(-1, "unknown");

    private static final ErrorCode[] VALUES = values();
    private final int failureCode;
    private final String wireName;

    ErrorCode(int failureCode, String wireName) {
        this.failureCode = failureCode;
        this.wireName = wireName;
    }

    /** The event-bus failure code services use for it (-1 when it has none). */
    public int failureCode() {
        return failureCode;
    }

    /** The text on the wire: the prefix of a service failure message, a failure type or an err code. */
    public String wireName() {
        return wireName;
    }

    /** The code of a gateway {@code err} frame's {@code message}; {@link #UNKNOWN} if not known. */
    public static ErrorCode ofErr(String message) {
        if (message != null) {
            for (ErrorCode c : VALUES) {
                if (c.ordinal() >= ACCESS_DENIED.ordinal() && c.ordinal() <= SHUTTING_DOWN.ordinal()
                        && c.wireName.equals(message)) {
                    return c;
                }
            }
        }
        return UNKNOWN;
    }

    /**
     * The code of a failed request: {@code failureType} TIMEOUT/NO_HANDLERS map directly; a
     * RECIPIENT_FAILURE maps by the message's first word ({@code "unknown_code: …"}), then by failure code.
     */
    public static ErrorCode ofFailure(String failureType, int failureCode, String message) {
        if ("TIMEOUT".equals(failureType)) {
            return TIMEOUT;
        }
        if ("NO_HANDLERS".equals(failureType)) {
            return NO_HANDLERS;
        }
        if (message != null) {
            int colon = message.indexOf(':');
            String word = (colon >= 0 ? message.substring(0, colon) : message).trim().toLowerCase(Locale.ROOT);
            for (ErrorCode c : VALUES) {
                if (c.ordinal() <= SESSION_EXPIRED.ordinal() && c.wireName.equals(word)) {
                    return c;
                }
            }
        }
        for (ErrorCode c : VALUES) {
            if (c.ordinal() < SESSION_EXPIRED.ordinal() && c.failureCode == failureCode) {
                return c;
            }
        }
        return RECIPIENT_FAILURE;
    }
}
