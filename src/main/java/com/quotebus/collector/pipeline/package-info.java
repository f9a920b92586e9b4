/**
 * The collector's domain for one trading day: arbitration, per-symbol sequencing, journaling and leader-gated
 * output, with restart recovery from the journal and standby takeover. Plain Java, no Vert.x.
 */
package com.quotebus.collector.pipeline;
