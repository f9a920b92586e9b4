package com.quotebus.calculator;

/**
 * The one list of failure codes a query can end with (documented in docs/protocol.md). A failed reply
 * carries {@link #code()} as the event-bus failure code and a message {@code "<name>: <what>"}.
 */
public enum QueryError {
    /** The body is not a JSON object, a field is missing or has the wrong type. */
    BAD_REQUEST(400, "bad_request"),
    /** No instrument has that code. */
    UNKNOWN_CODE(404, "unknown_code"),
    /** The period is not one of 1m 3m 5m 15m 30m 60m day week month quarter year. */
    BAD_PERIOD(410, "bad_period"),
    /** count (or the number of codes) is outside the allowed range. */
    COUNT_OUT_OF_RANGE(411, "count_out_of_range"),
    /** The indicator name is not known. */
    UNKNOWN_INDICATOR(412, "unknown_indicator"),
    /** A parameter has a value outside what is allowed (indicator params, adjust, date). */
    BAD_PARAMETER(413, "bad_parameter"),
    /**
     * The instance does not serve the code now (rebuilding its shard, or not holding it) or its history store is
     * unavailable: the gateway asks another replica; a client sees it only when no replica could answer.
     */
    UNAVAILABLE(503, "unavailable"),
    /** An unexpected fault; logged on the server with the same text. */
    INTERNAL(500, "internal");

    private final int code;
    private final String wireName;

    QueryError(int code, String wireName) {
        this.code = code;
        this.wireName = wireName;
    }

    public int code() {
        return code;
    }

    public String wireName() {
        return wireName;
    }

    public QueryException exception(String message) {
        return new QueryException(this, message);
    }

    /** A rejected query: a value, not a fault (no stack trace). */
    public static final class QueryException extends RuntimeException {
        private final QueryError error;

        QueryException(QueryError error, String message) {
            super(error.wireName + ": " + message, null, false, false);
            this.error = error;
        }

        public QueryError error() {
            return error;
        }
    }
}
