/**
 * Normalised market events: what every feed adapter produces and every calculator consumes.
 * Times are epoch milliseconds of exchange time; prices are minor units (see Prices).
 */
package com.quotebus.core.event;
