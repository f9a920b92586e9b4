/**
 * Arbitration of redundant sources (A/B lines): first arrival wins per channel sequence, holes wait a short
 * window for another line and are then declared, silent sources fail over, stale symbols are tracked until
 * their next snapshot. Plain Java: time is injected, results go to a listener.
 */
package com.quotebus.collector.arbitration;
