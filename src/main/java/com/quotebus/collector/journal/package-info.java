/**
 * The collector's journal (tickerplant log): one append-only file per trading day of length- and
 * CRC32C-framed records, a torn tail dropped on open, sequential and tailing readers, paged replay.
 * Layout in docs/collector.md "Journal format". Plain Java over {@link java.nio.channels.FileChannel}.
 */
package com.quotebus.collector.journal;
