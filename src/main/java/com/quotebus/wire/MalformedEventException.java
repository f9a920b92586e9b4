package com.quotebus.wire;

/**
 * Bytes that do not form a valid encoded event: truncated, an unknown type or format version, a
 * length or depth beyond the documented bounds, an unknown enum code, or values the event types
 * reject. The message says which field was wrong and at which buffer offset.
 *
 * <p>Unchecked because it is a fault in the data (a corrupt journal, a peer speaking another
 * version), not a reject the caller can serve; whoever reads the bytes decides whether to skip,
 * resync or stop. Decoders leave the buffer position where the event began when they throw this.
 */
public class MalformedEventException extends RuntimeException {
    private final int offset;

    /**
     * @param message what was wrong (field and reason)
     * @param offset  buffer position at which the problem was found, or -1 when not known
     */
    public MalformedEventException(String message, int offset) {
        super(offset >= 0 ? message + " (at offset " + offset + ")" : message);
        this.offset = offset;
    }

    public MalformedEventException(String message, int offset, Throwable cause) {
        super(offset >= 0 ? message + " (at offset " + offset + ")" : message, cause);
        this.offset = offset;
    }

    /** Buffer position at which the problem was found, or -1 when not known. */
    public int offset() {
        return offset;
    }

    static MalformedEventException truncated(String field, int offset) {
        return new MalformedEventException("truncated: input ends inside " + field, offset);
    }
}
