/**
 * The collector: where market data enters. Feed adapters ({@link com.quotebus.collector.FeedSource})
 * turn each source's wire format into normalised events; arbitration merges redundant sources; the
 * sequencer numbers events per symbol; the journal records the day; the verticle publishes on
 * internal event-bus addresses.
 */
package com.quotebus.collector;
