/**
 * Lossless delta compression of successive snapshots of the same code (plain Java): a keyframe,
 * then only the fields that changed, as varint differences, with book levels relative to the
 * previous ladder. {@link com.quotebus.core.compress.SnapshotDeltaEncoder} and
 * {@link com.quotebus.core.compress.SnapshotDeltaDecoder} hold bounded per-code state; the frame
 * layout is in {@code docs/wire-formats.md}.
 */
package com.quotebus.core.compress;
