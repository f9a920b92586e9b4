package com.quotebus.collector.replay;

/** A CSV line or header that does not fit its layout; the message says which column and why. */
public final class CsvFormatException extends Exception {
    public CsvFormatException(String message) {
        super(message);
    }
}
