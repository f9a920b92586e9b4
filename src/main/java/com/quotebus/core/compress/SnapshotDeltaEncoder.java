package com.quotebus.core.compress;

import static com.quotebus.core.compress.DeltaFrames.*;

import com.quotebus.core.event.Snapshot;
import com.quotebus.wire.EventCodec;
import com.quotebus.wire.ShortUtf8;
import com.quotebus.wire.Varint;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Encodes successive snapshots as deltas against the previous snapshot of the same code: only the
 * fields that changed (a bitmask says which), as zigzag varint differences, and the book levels
 * relative to the previous ladder. Lossless: {@link SnapshotDeltaDecoder} rebuilds equal snapshots.
 *
 * <p>The first snapshot of a code, and the first after {@link #reset}, {@link #remove} or
 * {@link #encodeKeyframe}, is a keyframe (the full {@link EventCodec} snapshot body). Each code
 * holds one slot, a small integer sent instead of the code in every frame; a decoder reading the
 * same frames in the same order holds the same state. Layout: docs/wire-formats.md section 3.
 *
 * <p>State is bounded: at most {@code maxCodes} codes are tracked (one snapshot reference each);
 * encoding a further new code throws {@link IllegalStateException} until codes are removed. Slots
 * of removed codes are reused, so slot numbers stay below {@code maxCodes}; a decoder built with
 * the same cap accepts every frame.
 *
 * <p>Not thread-safe: one encoder per stream, used from one thread (e.g. its event loop).
 */
public final class SnapshotDeltaEncoder {
    /** Longest frame either kind can be: a keyframe of the longest snapshot plus frame header. */
    public static final int MAX_FRAME_LENGTH = 1 + Varint.MAX_INT_BYTES + EventCodec.MAX_ENCODED_LENGTH;

    private final int maxCodes;
    private final Map<String, Slot> slots = new HashMap<>();
    private int[] freeIds = new int[8];
    private int freeCount;
    private int nextId;

    private static final class Slot {
        final int id;
        Snapshot base; // null after reset: the next frame is a keyframe
        int frames; // deltas since the keyframe; its low byte is the frame's check byte

        Slot(int id) {
            this.id = id;
        }
    }

    /**
     * @param maxCodes most codes tracked at once (1 .. 2^24); size it to the instruments of the stream
     */
    public SnapshotDeltaEncoder(int maxCodes) {
        if (maxCodes < 1 || maxCodes > (1 << 24)) {
            throw new IllegalArgumentException("maxCodes must be 1.." + (1 << 24) + ", was " + maxCodes);
        }
        this.maxCodes = maxCodes;
    }

    /**
     * Encodes {@code s} as a delta against the previous snapshot of its code, or as a keyframe when
     * there is none.
     *
     * @return bytes written (at most {@link #MAX_FRAME_LENGTH})
     * @throws BufferOverflowException  when {@code out} is too small; position and state unchanged
     * @throws IllegalArgumentException when a string or book exceeds the {@link EventCodec} bounds;
     *                                  position and state unchanged
     * @throws IllegalStateException    when {@code s} is a new code and {@code maxCodes} are tracked
     */
    public int encode(Snapshot s, ByteBuffer out) {
        return write(s, out, false);
    }

    /** Encodes {@code s} as a keyframe whatever the state (periodic refresh for late joiners). */
    public int encodeKeyframe(Snapshot s, ByteBuffer out) {
        return write(s, out, true);
    }

    /** The next frame of {@code code} will be a keyframe; the code keeps its slot. */
    public void reset(String code) {
        Slot slot = slots.get(code);
        if (slot != null) {
            slot.base = null;
        }
    }

    /**
     * Forgets {@code code} (e.g. delisted, end of day) and frees its slot for another code.
     *
     * @return whether the code was tracked
     */
    public boolean remove(String code) {
        Slot slot = slots.remove(code);
        if (slot == null) {
            return false;
        }
        if (freeCount == freeIds.length) {
            freeIds = Arrays.copyOf(freeIds, freeIds.length * 2);
        }
        freeIds[freeCount++] = slot.id;
        return true;
    }

    /** Forgets every code; every next frame is a keyframe. */
    public void clear() {
        slots.clear();
        freeCount = 0;
        nextId = 0;
    }

    /** Codes currently tracked. */
    public int codeCount() {
        return slots.size();
    }

    public int maxCodes() {
        return maxCodes;
    }

    private int write(Snapshot s, ByteBuffer out, boolean forceKeyframe) {
        Slot slot = slots.get(s.code());
        int id;
        if (slot != null) {
            id = slot.id;
        } else if (slots.size() >= maxCodes) {
            throw new IllegalStateException("delta encoder already tracks " + maxCodes + " codes (maxCodes), cannot add "
                    + s.code() + ": remove codes that are gone or raise maxCodes");
        } else {
            id = freeCount > 0 ? freeIds[freeCount - 1] : nextId;
        }
        boolean keyframe = forceKeyframe || slot == null || slot.base == null;
        int frame = keyframe ? 0 : slot.frames + 1;
        int start = out.position();
        try {
            out.put(header(keyframe ? KIND_KEYFRAME : KIND_DELTA));
            Varint.putUnsigned(out, id);
            if (keyframe) {
                EventCodec.writeSnapshotBody(s, out);
            } else {
                out.put((byte) frame);
                writeDelta(slot.base, s, out);
            }
        } catch (BufferOverflowException | IllegalArgumentException e) {
            out.position(start);
            throw e;
        }
        if (slot == null) {
            slot = new Slot(id);
            slots.put(s.code(), slot);
            if (freeCount > 0) {
                freeCount--;
            } else {
                nextId++;
            }
        }
        slot.base = s;
        slot.frames = frame;
        return out.position() - start;
    }

    private static void writeDelta(Snapshot p, Snapshot s, ByteBuffer out) {
        boolean bidChanged = s.bid() != p.bid() && !s.bid().equals(p.bid());
        boolean askChanged = s.ask() != p.ask() && !s.ask().equals(p.ask());
        int mask = 0;
        if (s.exchangeTime() != p.exchangeTime()) {
            mask |= EXCHANGE_TIME;
        }
        if (s.last() != p.last()) {
            mask |= LAST;
        }
        if (s.volume() != p.volume()) {
            mask |= VOLUME;
        }
        if (s.turnover() != p.turnover()) {
            mask |= TURNOVER;
        }
        if (s.numTrades() != p.numTrades()) {
            mask |= NUM_TRADES;
        }
        if (bidChanged) {
            mask |= BID;
        }
        if (askChanged) {
            mask |= ASK;
        }
        if (s.seq() != predictedSeq(p)) {
            mask |= SEQ;
        }
        if (s.channelSeq() != p.channelSeq()) {
            mask |= CHANNEL_SEQ;
        }
        if (s.high() != p.high()) {
            mask |= HIGH;
        }
        if (s.low() != p.low()) {
            mask |= LOW;
        }
        if (s.phase() != p.phase()) {
            mask |= PHASE;
        }
        if (s.open() != p.open()) {
            mask |= OPEN;
        }
        if (s.openInterest() != p.openInterest()) {
            mask |= OPEN_INTEREST;
        }
        if (s.settlement() != p.settlement()) {
            mask |= SETTLEMENT;
        }
        if (s.preClose() != p.preClose()) {
            mask |= PRE_CLOSE;
        }
        if (s.upperLimit() != p.upperLimit()) {
            mask |= UPPER_LIMIT;
        }
        if (s.lowerLimit() != p.lowerLimit()) {
            mask |= LOWER_LIMIT;
        }
        if (s.preSettlement() != p.preSettlement()) {
            mask |= PRE_SETTLEMENT;
        }
        if (s.channel() != p.channel()) {
            mask |= CHANNEL;
        }
        if (!s.source().equals(p.source())) {
            mask |= SOURCE;
        }
        Varint.putUnsigned(out, mask);
        // Fields in bit order; the decoder reads them in the same order.
        putIf(mask, EXCHANGE_TIME, s.exchangeTime() - p.exchangeTime(), out);
        putIf(mask, LAST, s.last() - p.last(), out);
        putIf(mask, VOLUME, s.volume() - p.volume(), out);
        putIf(mask, TURNOVER, s.turnover() - p.turnover(), out);
        putIf(mask, NUM_TRADES, s.numTrades() - p.numTrades(), out);
        if (bidChanged) {
            DeltaFrames.writeSide(p.bid(), s.bid(), out, "bid");
        }
        if (askChanged) {
            DeltaFrames.writeSide(p.ask(), s.ask(), out, "ask");
        }
        putIf(mask, SEQ, s.seq() - predictedSeq(p), out);
        putIf(mask, CHANNEL_SEQ, s.channelSeq() - p.channelSeq(), out);
        putIf(mask, HIGH, s.high() - p.high(), out);
        putIf(mask, LOW, s.low() - p.low(), out);
        if ((mask & PHASE) != 0) {
            out.put((byte) s.phase().code());
        }
        putIf(mask, OPEN, s.open() - p.open(), out);
        putIf(mask, OPEN_INTEREST, s.openInterest() - p.openInterest(), out);
        putIf(mask, SETTLEMENT, s.settlement() - p.settlement(), out);
        putIf(mask, PRE_CLOSE, s.preClose() - p.preClose(), out);
        putIf(mask, UPPER_LIMIT, s.upperLimit() - p.upperLimit(), out);
        putIf(mask, LOWER_LIMIT, s.lowerLimit() - p.lowerLimit(), out);
        putIf(mask, PRE_SETTLEMENT, s.preSettlement() - p.preSettlement(), out);
        putIf(mask, CHANNEL, (long) s.channel() - p.channel(), out);
        if ((mask & SOURCE) != 0) {
            ShortUtf8.put(out, s.source(), EventCodec.MAX_SOURCE_BYTES, "source");
        }
    }

    /** The collector numbers each code's snapshots 1, 2, 3, …: predict the next, 0 stays 0 (unassigned). */
    static long predictedSeq(Snapshot previous) {
        return previous.seq() == 0 ? 0 : previous.seq() + 1;
    }

    private static void putIf(int mask, int bit, long delta, ByteBuffer out) {
        if ((mask & bit) != 0) {
            Varint.putSigned(out, delta);
        }
    }
}
