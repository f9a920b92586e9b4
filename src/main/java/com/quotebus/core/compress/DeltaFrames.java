package com.quotebus.core.compress;

import com.quotebus.core.event.BookSide;
import com.quotebus.wire.EventCodec;
import com.quotebus.wire.MalformedEventException;
import com.quotebus.wire.Varint;
import java.nio.ByteBuffer;

/**
 * Layout constants and the book-side delta shared by {@link SnapshotDeltaEncoder} and
 * {@link SnapshotDeltaDecoder}; see docs/wire-formats.md section 3.
 */
final class DeltaFrames {
    static final int VERSION = 1;
    static final int KIND_KEYFRAME = 1;
    static final int KIND_DELTA = 2;

    // Field bits of a delta, most frequently changed first so typical masks stay two bytes.
    static final int EXCHANGE_TIME = 1;
    static final int LAST = 1 << 1;
    static final int VOLUME = 1 << 2;
    static final int TURNOVER = 1 << 3;
    static final int NUM_TRADES = 1 << 4;
    static final int BID = 1 << 5;
    static final int ASK = 1 << 6;
    static final int SEQ = 1 << 7;
    static final int CHANNEL_SEQ = 1 << 8;
    static final int HIGH = 1 << 9;
    static final int LOW = 1 << 10;
    static final int PHASE = 1 << 11;
    static final int OPEN = 1 << 12;
    static final int OPEN_INTEREST = 1 << 13;
    static final int SETTLEMENT = 1 << 14;
    static final int PRE_CLOSE = 1 << 15;
    static final int UPPER_LIMIT = 1 << 16;
    static final int LOWER_LIMIT = 1 << 17;
    static final int PRE_SETTLEMENT = 1 << 18;
    static final int CHANNEL = 1 << 19;
    static final int SOURCE = 1 << 20;
    static final int KNOWN_FIELDS = (1 << 21) - 1;

    private static final int MAX_SIDE_HEADER = (EventCodec.MAX_DEPTH << 1) | 1;

    private DeltaFrames() {}

    static byte header(int kind) {
        return (byte) ((VERSION << 4) | kind);
    }

    /**
     * The offset between the new and old ladders: new level i is compared with old level i + shift.
     * When the best price moved by whole levels, the levels that stayed keep their volumes and
     * encode as unchanged.
     */
    static int chooseShift(BookSide old, BookSide now) {
        int od = old.depth();
        int nd = now.depth();
        if (od == 0 || nd == 0) {
            return 0;
        }
        long[] op = old.prices();
        long[] np = now.prices();
        if (np[0] == op[0]) {
            return 0;
        }
        for (int j = 1; j < od; j++) {
            if (op[j] == np[0]) {
                return j; // the best levels were taken out
            }
        }
        for (int k = 1; k < nd; k++) {
            if (np[k] == op[0]) {
                return -k; // new better levels were put in front
            }
        }
        return 0;
    }

    static void writeSide(BookSide old, BookSide now, ByteBuffer out, String name) {
        int depth = now.depth();
        if (depth > EventCodec.MAX_DEPTH) {
            throw new IllegalArgumentException(name + " depth " + depth + " exceeds the limit of "
                    + EventCodec.MAX_DEPTH);
        }
        boolean withOrders = now.hasOrderCounts();
        Varint.putUnsigned(out, ((long) depth << 1) | (withOrders ? 1 : 0));
        int shift = chooseShift(old, now);
        Varint.putSigned(out, shift);
        long[] np = now.prices();
        long[] nv = now.volumes();
        int[] no = now.orders();
        long[] op = old.prices();
        long[] ov = old.volumes();
        int[] oo = old.orders();
        int od = old.depth();
        int mask = 0;
        for (int i = 0; i < depth; i++) {
            int j = i + shift;
            boolean inOld = j >= 0 && j < od;
            long refP = inOld ? op[j] : (i > 0 ? np[i - 1] : old.price(0));
            long refV = inOld ? ov[j] : 0;
            int refO = inOld && oo != null ? oo[j] : 0;
            if (np[i] != refP || nv[i] != refV || (withOrders && no[i] != refO)) {
                mask |= 1 << i;
            }
        }
        Varint.putUnsigned(out, mask);
        for (int i = 0; i < depth; i++) {
            if ((mask & (1 << i)) == 0) {
                continue;
            }
            int j = i + shift;
            boolean inOld = j >= 0 && j < od;
            long refP = inOld ? op[j] : (i > 0 ? np[i - 1] : old.price(0));
            long refV = inOld ? ov[j] : 0;
            int refO = inOld && oo != null ? oo[j] : 0;
            Varint.putSigned(out, np[i] - refP);
            Varint.putSigned(out, nv[i] - refV);
            if (withOrders) {
                Varint.putSigned(out, (long) no[i] - refO);
            }
        }
    }

    static BookSide readSide(BookSide old, ByteBuffer in, String name) {
        int depthAndOrders = Varint.getBounded(in, MAX_SIDE_HEADER, name + " depth");
        int depth = depthAndOrders >>> 1;
        boolean withOrders = (depthAndOrders & 1) != 0;
        int shiftAt = in.position();
        long shift = Varint.getSigned(in, name + " shift");
        if (shift < -EventCodec.MAX_DEPTH || shift > EventCodec.MAX_DEPTH) {
            throw new MalformedEventException(name + " shift " + shift + " is beyond the depth limit", shiftAt);
        }
        int maskAt = in.position();
        long mask = Varint.getUnsigned(in, name + " level mask");
        if ((mask >>> depth) != 0) {
            throw new MalformedEventException(name + " level mask 0x" + Long.toHexString(mask)
                    + " marks levels beyond depth " + depth, maskAt);
        }
        if (depth == 0 && !withOrders) {
            return BookSide.EMPTY;
        }
        long[] np = new long[depth];
        long[] nv = new long[depth];
        int[] no = withOrders ? new int[depth] : null;
        long[] op = old.prices();
        long[] ov = old.volumes();
        int[] oo = old.orders();
        int od = old.depth();
        for (int i = 0; i < depth; i++) {
            int j = i + (int) shift;
            boolean inOld = j >= 0 && j < od;
            long refP = inOld ? op[j] : (i > 0 ? np[i - 1] : old.price(0));
            long refV = inOld ? ov[j] : 0;
            int refO = inOld && oo != null ? oo[j] : 0;
            if ((mask & (1L << i)) == 0) {
                np[i] = refP;
                nv[i] = refV;
                if (no != null) {
                    no[i] = refO;
                }
                continue;
            }
            np[i] = refP + Varint.getSigned(in, name + " price");
            nv[i] = refV + Varint.getSigned(in, name + " volume");
            if (no != null) {
                int at = in.position();
                long orders = refO + Varint.getSigned(in, name + " orders");
                if (orders != (int) orders) {
                    throw new MalformedEventException(name + " orders " + orders + " does not fit a 32-bit int", at);
                }
                no[i] = (int) orders;
            }
        }
        return new BookSide(np, nv, no);
    }
}
