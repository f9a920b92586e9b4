package com.quotebus.core.compress;

import com.quotebus.wire.MalformedEventException;

/**
 * A delta frame the decoder cannot apply: it holds no base snapshot for the frame's slot (the
 * stream was joined mid-way, or after {@link SnapshotDeltaDecoder#clear()}), or the base it holds
 * is not the one the frame was encoded against (a frame was lost or skipped). The frame is not
 * applied and the decoder's state is unchanged; the remedy is a keyframe (resync).
 */
public class DeltaBaseMissingException extends MalformedEventException {
    private final int slot;

    public DeltaBaseMissingException(String message, int slot, int offset) {
        super(message, offset);
        this.slot = slot;
    }

    /** The slot (per-code state index) whose base is missing or stale. */
    public int slot() {
        return slot;
    }
}
