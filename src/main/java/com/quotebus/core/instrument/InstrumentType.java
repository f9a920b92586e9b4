package com.quotebus.core.instrument;

/** What an instrument is; decides volume units and some conventions (futures carry open interest). */
public enum InstrumentType { STOCK, FUND, INDEX, FUTURE }
