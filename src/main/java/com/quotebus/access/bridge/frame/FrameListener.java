package com.quotebus.access.bridge.frame;

import io.vertx.core.json.JsonObject;

/** What a {@link FrameDecoder} reports. Called on the decoder's thread, in stream order. */
public interface FrameListener {

    /** A complete frame whose JSON is an object. Its {@code type} is not checked here. */
    void onFrame(JsonObject frame, int wireBytes);

    /**
     * A frame that could be delimited but not used (bad JSON, not an object, zero length). The
     * stream is still in sync: the decoder goes on with the next frame.
     */
    void onInvalidFrame(ErrorCode code);

    /**
     * The stream cannot be delimited any more (negative or oversized length). The decoder has
     * stopped and ignores further input; the connection has to be closed.
     */
    void onFatal(ErrorCode code);
}
