package com.quotebus.core.market;

/** What became of an event offered to the market state. Rejections are values, not exceptions. */
public enum ApplyResult {
    /** Applied to the state. */
    APPLIED,
    /** Its per-symbol sequence was already applied (journal replay overlapping the live stream). */
    DUPLICATE,
    /**
     * A trade for a minute whose bars had already closed by the market time: applied as a correction of the
     * closed bars, 分时 and 分价 it belongs to (see {@link MarketListener#onBarCorrected}). A snapshot older than
     * the symbol's latest one: not applied (a quote never goes back in time).
     */
    LATE,
    /** It belongs to a trading day before the current one. */
    OLD_DAY,
    /** No instrument with that code is known. */
    UNKNOWN_CODE,
    /** Its time falls on no trading day or outside the instrument's sessions. */
    OUT_OF_SESSION
}
