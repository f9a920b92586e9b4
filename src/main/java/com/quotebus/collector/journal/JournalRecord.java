package com.quotebus.collector.journal;

import com.quotebus.core.event.MarketEvent;

/**
 * One journal record as read back.
 *
 * @param position     byte offset of the record in its file (a replay can restart here)
 * @param nextPosition byte offset just after it (where the next record starts)
 * @param event        the journaled event, with its per-symbol {@code seq} and winning source
 */
public record JournalRecord(long position, long nextPosition, MarketEvent event) {}
