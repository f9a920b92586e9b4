/**
 * The wire format of the TCP event-bus bridge: 4-byte big-endian length, then that many bytes of
 * UTF-8 JSON (layout and frame shapes in {@code docs/protocol-bridge.md}). {@link
 * com.quotebus.access.bridge.frame.FrameDecoder} turns a byte stream into frames, {@link
 * com.quotebus.access.bridge.frame.FrameEncoder} turns outgoing frames into bytes, {@link
 * com.quotebus.access.bridge.frame.ErrorCode} is the one list of error codes clients can see.
 */
package com.quotebus.access.bridge.frame;
