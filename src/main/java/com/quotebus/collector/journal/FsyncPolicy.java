package com.quotebus.collector.journal;

/**
 * When the journal forces written records from the page cache to the disk. Every append reaches the page
 * cache before {@link JournalWriter#append} returns, so a killed process ({@code kill -9}) loses nothing;
 * only a power failure or kernel crash loses what was appended since the last force — at most
 * {@code everyRecords} records or {@code everyMillis} ms of records, whichever bound is set.
 *
 * @param everyRecords force after this many appends (1 = every record, the slowest and safest; 0 = no count bound)
 * @param everyMillis  force when this many ms have passed since the last force, checked by
 *                     {@link JournalWriter#syncIfDue}, which the owner calls from a timer (0 = no time bound)
 */
public record FsyncPolicy(int everyRecords, long everyMillis) {
    /** Page cache only; forced at close. Survives {@code kill -9}, not a power cut. */
    public static final FsyncPolicy NEVER = new FsyncPolicy(0, 0);
    /** The default: at most 100 ms of data lost on power failure. */
    public static final FsyncPolicy DEFAULT = new FsyncPolicy(0, 100);

    public FsyncPolicy {
        if (everyRecords < 0) {
            throw new IllegalArgumentException("fsync everyRecords must be >= 0, was " + everyRecords);
        }
        if (everyMillis < 0) {
            throw new IllegalArgumentException("fsync everyMillis must be >= 0, was " + everyMillis);
        }
    }
}
