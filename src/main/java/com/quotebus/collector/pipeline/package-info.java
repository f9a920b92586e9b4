/**
 * The collector's domain for one trading day: arbitration, per-symbol sequencing (on the feed path, in memory),
 * then journaling and leader-gated output on the day's single journal thread, with restart recovery from the
 * journal and standby takeover. Plain Java, no Vert.x.
 */
package com.quotebus.collector.pipeline;
