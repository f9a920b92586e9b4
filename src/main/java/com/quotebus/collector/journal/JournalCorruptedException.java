package com.quotebus.collector.journal;

import java.nio.file.Path;

/**
 * A journal file holds bytes that are not a torn tail: a bad header, or an invalid record followed by more
 * data. Never repaired automatically (that could drop good records); the message names the file and offset.
 */
public final class JournalCorruptedException extends RuntimeException {
    private final transient Path file;
    private final long position;

    public JournalCorruptedException(Path file, long position, String reason) {
        super(file + " at byte " + position + ": " + reason);
        this.file = file;
        this.position = position;
    }

    public Path file() {
        return file;
    }

    public long position() {
        return position;
    }
}
