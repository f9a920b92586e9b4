/**
 * The market-data domain core: plain Java, no Vert.x, no sockets, no wall clock.
 * Everything here is driven by method calls and reports through listener interfaces,
 * so it runs the same in the calculator, in tests and in benchmarks.
 * Prices are {@code long} minor units of {@link com.quotebus.core.instrument.Prices#SCALE}.
 */
package com.quotebus.core;
