package com.quotebus.core.compress;

import static com.quotebus.core.compress.DeltaFrames.*;

import com.quotebus.core.event.BookSide;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.TradingPhase;
import com.quotebus.wire.EventCodec;
import com.quotebus.wire.MalformedEventException;
import com.quotebus.wire.ShortUtf8;
import com.quotebus.wire.Varint;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Rebuilds snapshots from the frames of a {@link SnapshotDeltaEncoder}, read in the order they
 * were written. Keeps the last snapshot of each slot as the base of the next delta.
 *
 * <p>A delta whose base the decoder does not hold (stream joined mid-way, after {@link #clear()})
 * or whose base is not the frame before it (each delta carries the low byte of its per-code frame
 * number, so a loss of 1..255 consecutive frames of a code is caught) throws
 * {@link DeltaBaseMissingException}; any other bad frame throws
 * {@link MalformedEventException}. In both cases nothing is applied, the state is unchanged and
 * the buffer position is left at the frame start.
 *
 * <p>State is bounded by {@code maxCodes} slots, which must be at least the encoder's cap; a slot
 * number at or above it is malformed. Decoded snapshots share unchanged book sides and the code
 * string with their base (all immutable).
 *
 * <p>Not thread-safe: one decoder per stream, used from one thread.
 */
public final class SnapshotDeltaDecoder {
    private final int maxCodes;
    private Snapshot[] bases = new Snapshot[16];
    private int[] frames = new int[16];
    private int codeCount;

    /** @param maxCodes slots accepted (1 .. 2^24); at least the encoder's {@code maxCodes} */
    public SnapshotDeltaDecoder(int maxCodes) {
        if (maxCodes < 1 || maxCodes > (1 << 24)) {
            throw new IllegalArgumentException("maxCodes must be 1.." + (1 << 24) + ", was " + maxCodes);
        }
        this.maxCodes = maxCodes;
    }

    /**
     * Decodes the frame at the buffer's position and advances past it.
     *
     * @throws DeltaBaseMissingException when a delta's base is missing or stale
     * @throws MalformedEventException   when the bytes are not a valid frame
     */
    public Snapshot decode(ByteBuffer in) {
        int start = in.position();
        try {
            if (!in.hasRemaining()) {
                throw new MalformedEventException("truncated: input ends inside frame header", start);
            }
            int header = in.get() & 0xFF;
            if (header >>> 4 != VERSION) {
                throw new MalformedEventException("unsupported delta frame version " + (header >>> 4)
                        + " (this build reads " + VERSION + ")", start);
            }
            int slot = Varint.getBounded(in, maxCodes - 1, "slot");
            int kind = header & 0x0F;
            if (kind == KIND_KEYFRAME) {
                Snapshot s = EventCodec.readSnapshotBody(in);
                store(slot, s, 0);
                return s;
            }
            if (kind != KIND_DELTA) {
                throw new MalformedEventException("unknown delta frame kind " + kind, start);
            }
            Snapshot base = slot < bases.length ? bases[slot] : null;
            if (base == null) {
                throw new DeltaBaseMissingException("delta for slot " + slot
                        + " but no keyframe was decoded for it: start at a keyframe or resync", slot, start);
            }
            if (!in.hasRemaining()) {
                throw new MalformedEventException("truncated: input ends inside check byte", in.position());
            }
            int check = in.get() & 0xFF;
            int expected = (frames[slot] + 1) & 0xFF;
            if (check != expected) {
                throw new DeltaBaseMissingException("delta " + check + " for slot " + slot + " (" + base.code()
                        + ") does not follow the base held (expected " + expected
                        + "): frames were lost or skipped, resync from a keyframe", slot, start);
            }
            Snapshot s = readDelta(base, in);
            store(slot, s, frames[slot] + 1);
            return s;
        } catch (MalformedEventException e) {
            in.position(start);
            throw e;
        } catch (RuntimeException e) {
            in.position(start);
            throw new MalformedEventException("delta frame rejected: " + e.getMessage(), start, e);
        }
    }

    /** Forgets every base; deltas fail until their code's next keyframe. */
    public void clear() {
        Arrays.fill(bases, null);
        Arrays.fill(frames, 0);
        codeCount = 0;
    }

    /** Slots holding a base. */
    public int codeCount() {
        return codeCount;
    }

    public int maxCodes() {
        return maxCodes;
    }

    private void store(int slot, Snapshot s, int frame) {
        if (slot >= bases.length) {
            int size = (int) Math.min(maxCodes, Math.max(slot + 1L, bases.length * 2L));
            bases = Arrays.copyOf(bases, size);
            frames = Arrays.copyOf(frames, size);
        }
        if (bases[slot] == null) {
            codeCount++;
        }
        bases[slot] = s;
        frames[slot] = frame;
    }

    private static Snapshot readDelta(Snapshot p, ByteBuffer in) {
        int maskAt = in.position();
        long mask = Varint.getUnsigned(in, "field mask");
        if ((mask & ~(long) KNOWN_FIELDS) != 0) {
            throw new MalformedEventException("field mask 0x" + Long.toHexString(mask) + " has unknown bits", maskAt);
        }
        int m = (int) mask;
        long exchangeTime = p.exchangeTime() + getIf(m, EXCHANGE_TIME, in, "exchangeTime");
        long last = p.last() + getIf(m, LAST, in, "last");
        long volume = p.volume() + getIf(m, VOLUME, in, "volume");
        long turnover = p.turnover() + getIf(m, TURNOVER, in, "turnover");
        long numTrades = p.numTrades() + getIf(m, NUM_TRADES, in, "numTrades");
        BookSide bid = (m & BID) != 0 ? DeltaFrames.readSide(p.bid(), in, "bid") : p.bid();
        BookSide ask = (m & ASK) != 0 ? DeltaFrames.readSide(p.ask(), in, "ask") : p.ask();
        long seq = SnapshotDeltaEncoder.predictedSeq(p) + getIf(m, SEQ, in, "seq");
        long channelSeq = p.channelSeq() + getIf(m, CHANNEL_SEQ, in, "channelSeq");
        long high = p.high() + getIf(m, HIGH, in, "high");
        long low = p.low() + getIf(m, LOW, in, "low");
        TradingPhase phase = p.phase();
        if ((m & PHASE) != 0) {
            int at = in.position();
            if (!in.hasRemaining()) {
                throw new MalformedEventException("truncated: input ends inside phase", at);
            }
            int c = in.get() & 0xFF;
            phase = TradingPhase.ofCode((char) c);
            if (phase.code() != c) {
                throw new MalformedEventException("unknown trading phase code " + c, at);
            }
        }
        long open = p.open() + getIf(m, OPEN, in, "open");
        long openInterest = p.openInterest() + getIf(m, OPEN_INTEREST, in, "openInterest");
        long settlement = p.settlement() + getIf(m, SETTLEMENT, in, "settlement");
        long preClose = p.preClose() + getIf(m, PRE_CLOSE, in, "preClose");
        long upperLimit = p.upperLimit() + getIf(m, UPPER_LIMIT, in, "upperLimit");
        long lowerLimit = p.lowerLimit() + getIf(m, LOWER_LIMIT, in, "lowerLimit");
        long preSettlement = p.preSettlement() + getIf(m, PRE_SETTLEMENT, in, "preSettlement");
        int channelAt = in.position();
        long channel = p.channel() + getIf(m, CHANNEL, in, "channel");
        if (channel != (int) channel) {
            throw new MalformedEventException("channel " + channel + " does not fit a 32-bit int", channelAt);
        }
        String source = (m & SOURCE) != 0 ? ShortUtf8.get(in, EventCodec.MAX_SOURCE_BYTES, "source") : p.source();
        return new Snapshot(p.code(), exchangeTime, phase, preClose, open, high, low, last, volume, turnover,
                numTrades, upperLimit, lowerLimit, openInterest, settlement, preSettlement, bid, ask, (int) channel,
                channelSeq, seq, source);
    }

    private static long getIf(int mask, int bit, ByteBuffer in, String field) {
        return (mask & bit) != 0 ? Varint.getSigned(in, field) : 0;
    }
}
