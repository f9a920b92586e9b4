/**
 * The market simulator: a seeded, deterministic generator of a Chinese trading day (A-shares with both call
 * auctions, futures with a night session) and its past days' daily summaries, the simulated market clock that
 * makes a live market appear at any hour, and the exchange-time clock for real feeds. Plain Java, no Vert.x:
 * the TCP server that publishes the generator's events over the SZSE binary protocol lives in
 * {@code com.quotebus.collector.szse}.
 */
package com.quotebus.collector.sim;
