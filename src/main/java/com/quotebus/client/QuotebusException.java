package com.quotebus.client;

/**
 * A failed request or subscription. {@link #code()} says what went wrong ({@link ErrorCode}); the
 * message is the server's text (or the client's own). A rejected request is a value, not a fault, so no
 * stack trace is filled in.
 */
public final class QuotebusException extends RuntimeException {
    private final ErrorCode code;
    private final String address;
    private final int failureCode;

    public QuotebusException(ErrorCode code, String address, int failureCode, String message) {
        super(code.wireName() + (address == null ? "" : " [" + address + "]") + ": " + withoutPrefix(code, message),
                null, false, false);
        this.code = code;
        this.address = address;
        this.failureCode = failureCode;
    }

    public QuotebusException(ErrorCode code, String address, String message) {
        this(code, address, code.failureCode(), message);
    }

    /** Services already start their text with the code ("unknown_code: …"); it is said once. */
    private static String withoutPrefix(ErrorCode code, String message) {
        String prefix = code.wireName() + ":";
        return message != null && message.startsWith(prefix) ? message.substring(prefix.length()).trim() : message;
    }

    public ErrorCode code() {
        return code;
    }

    /** The address of the request or subscription, or null. */
    public String address() {
        return address;
    }

    /** The numeric failure code of the reply (-1 when none). */
    public int failureCode() {
        return failureCode;
    }
}
