/**
 * Replays recorded CSV exports (snapshot and trade layouts, docs/collector.md "CSV replay") as a
 * {@link com.quotebus.collector.FeedSource}, paced by an injected clock and scheduler.
 */
package com.quotebus.collector.replay;
