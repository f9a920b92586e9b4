/** Instruments, codes ({@code SYMBOL.MARKET}), markets and integer price units. */
package com.quotebus.core.instrument;
