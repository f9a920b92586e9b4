package com.quotebus.core.market;

/** What became of an event offered to the market state. Rejections are values, not exceptions. */
public enum ApplyResult {
    /** Applied to the state. */
    APPLIED,
    /** Its per-symbol sequence was already applied (journal replay overlapping the live stream). */
    DUPLICATE,
    /** It belongs to a minute whose bars are already closed; closed bars are final. */
    LATE,
    /** It belongs to a trading day before the current one. */
    OLD_DAY,
    /** No instrument with that code is known. */
    UNKNOWN_CODE,
    /** Its time falls on no trading day or outside the instrument's sessions. */
    OUT_OF_SESSION
}
