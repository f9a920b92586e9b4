/**
 * Binary layouts of Quotebus events, in plain Java over {@link java.nio.ByteBuffer} (no Netty, no
 * Vert.x), so the journal, the event-bus codecs and tests share one encoding. {@link
 * com.quotebus.wire.EventCodec} is the entry point; the byte layouts are written down in
 * {@code docs/wire-formats.md}. Decoders reject malformed input with {@link
 * com.quotebus.wire.MalformedEventException} and never allocate more than the documented bounds.
 */
package com.quotebus.wire;
