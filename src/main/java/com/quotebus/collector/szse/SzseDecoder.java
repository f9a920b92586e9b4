package com.quotebus.collector.szse;

import static com.quotebus.collector.szse.SzseLayout.*;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Incremental decoder of an SZSE Binary byte stream. Feed it bytes as they arrive — several messages per
 * read, or one message over many reads — and it calls the {@link SzseMessageHandler} once per complete,
 * valid message. Complete frames are decoded in place from the caller's array; only a frame split across
 * reads is copied, into one buffer of fixed size {@code header + maxBodyLength + trailer} allocated up front,
 * so memory never grows with the input.
 *
 * <p>What happens to bad input:
 * <ul>
 *   <li>Bad checksum, unknown MsgType, or a body whose length does not fit its type: the frame is reported
 *   ({@code onMalformed(reason, false)}) and skipped; BodyLength still delimits it, so decoding resumes at
 *   the next frame. Downstream sequence checks see the lost message as a gap.</li>
 *   <li>BodyLength above the cap: framing is lost (the next frame boundary is unknown). Reported with
 *   {@code fatal = true}; the decoder then refuses input until {@link #reset()}. The TCP source drops and
 *   re-establishes the connection; a file replay stops.</li>
 * </ul>
 * Not thread-safe: one decoder per connection or file.
 */
public final class SzseDecoder {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final SzseMessageHandler handler;
    private final int maxBodyLength;
    private final byte[] pending;
    private int pendingLength;
    private boolean broken;
    private final SnapshotMessage snapshot = new SnapshotMessage();
    private final TradeMessage trade = new TradeMessage();
    private final OrderMessage order = new OrderMessage();
    private byte[] scratch = new byte[0];

    private long messages;
    private long malformed;
    private long skipped;

    public SzseDecoder(SzseMessageHandler handler) {
        this(handler, DEFAULT_MAX_BODY_LENGTH);
    }

    /** @param maxBodyLength largest BodyLength accepted (≥ the largest fixed body, {@value SzseLayout#LOGOUT_BODY}) */
    public SzseDecoder(SzseMessageHandler handler, int maxBodyLength) {
        if (maxBodyLength < LOGOUT_BODY || maxBodyLength > 16 * 1024 * 1024) {
            throw new IllegalArgumentException("maxBodyLength must be " + LOGOUT_BODY + ".." + 16 * 1024 * 1024
                    + ", was " + maxBodyLength);
        }
        this.handler = handler;
        this.maxBodyLength = maxBodyLength;
        this.pending = new byte[HEADER_LENGTH + maxBodyLength + TRAILER_LENGTH];
    }

    /**
     * Decodes what {@code src[off, off+len)} completes. Returns false when the stream is broken (a fatal
     * malformed frame was reported now or before) and the connection should be dropped.
     */
    public boolean feed(byte[] src, int off, int len) {
        if (broken) {
            return false;
        }
        int end = off + len;
        if (pendingLength > 0) {
            if (pendingLength < HEADER_LENGTH) {
                int n = Math.min(HEADER_LENGTH - pendingLength, end - off);
                System.arraycopy(src, off, pending, pendingLength, n);
                off += n;
                pendingLength += n;
                if (pendingLength < HEADER_LENGTH) {
                    return true;
                }
            }
            int frame = frameLength(pending, 0);
            if (frame < 0) {
                return false;
            }
            int n = Math.min(frame - pendingLength, end - off);
            System.arraycopy(src, off, pending, pendingLength, n);
            off += n;
            pendingLength += n;
            if (pendingLength < frame) {
                return true;
            }
            pendingLength = 0;
            dispatch(pending, 0, frame);
        }
        while (end - off >= HEADER_LENGTH) {
            int frame = frameLength(src, off);
            if (frame < 0) {
                return false;
            }
            if (end - off < frame) {
                break;
            }
            dispatch(src, off, frame);
            off += frame;
        }
        pendingLength = end - off;
        System.arraycopy(src, off, pending, 0, pendingLength);
        return true;
    }

    /** As {@link #feed(byte[], int, int)} for the remaining bytes of a buffer (consumes them). */
    public boolean feed(ByteBuffer buffer) {
        int n = buffer.remaining();
        if (buffer.hasArray()) {
            boolean ok = feed(buffer.array(), buffer.arrayOffset() + buffer.position(), n);
            buffer.position(buffer.limit());
            return ok;
        }
        if (scratch.length < n) {
            scratch = new byte[Math.min(Math.max(n, 8192), pending.length)];
        }
        boolean ok = true;
        while (ok && buffer.hasRemaining()) {
            int k = Math.min(scratch.length, buffer.remaining());
            buffer.get(scratch, 0, k);
            ok = feed(scratch, 0, k);
        }
        return ok;
    }

    /** Forgets any partial frame and a broken state (a new connection starts a new stream). */
    public void reset() {
        pendingLength = 0;
        broken = false;
    }

    /** Bytes of an incomplete frame held for the next read. */
    public int pendingBytes() {
        return pendingLength;
    }

    public boolean isBroken() {
        return broken;
    }

    /** Valid messages dispatched. */
    public long messages() {
        return messages;
    }

    /** Frames reported as malformed. */
    public long malformed() {
        return malformed;
    }

    /** Frames of known spec types we do not decode, skipped silently. */
    public long skipped() {
        return skipped;
    }

    private int frameLength(byte[] b, int off) {
        long bodyLength = (int) I32.get(b, off + 4) & 0xffff_ffffL;
        if (bodyLength > maxBodyLength) {
            long type = (int) I32.get(b, off) & 0xffff_ffffL;
            broken = true;
            malformed++;
            handler.onMalformed("BodyLength " + bodyLength + " of MsgType " + type + " exceeds the cap "
                    + maxBodyLength + "; stream framing lost", true);
            return -1;
        }
        return HEADER_LENGTH + (int) bodyLength + TRAILER_LENGTH;
    }

    /** Checksum of the spec: the sum of every byte of header and body, modulo 256. */
    public static int checksum(byte[] b, int off, int len) {
        // Eight bytes at a time: add the even and odd bytes into four 16-bit lanes, folding before a lane
        // could overflow (128 words × 510 < 65536); only the sum modulo 256 matters.
        long sum = 0;
        int i = off;
        int end = off + len;
        while (end - i >= 8) {
            long lanes = 0;
            int words = Math.min(128, (end - i) >>> 3);
            for (int k = 0; k < words; k++, i += 8) {
                long v = (long) I64.get(b, i);
                lanes += (v & 0x00FF00FF00FF00FFL) + ((v >>> 8) & 0x00FF00FF00FF00FFL);
            }
            sum += (lanes & 0xFFFF) + ((lanes >>> 16) & 0xFFFF) + ((lanes >>> 32) & 0xFFFF) + (lanes >>> 48);
        }
        for (; i < end; i++) {
            sum += b[i] & 0xff;
        }
        return (int) (sum & 0xff);
    }

    private void dispatch(byte[] b, int off, int frame) {
        int type = (int) I32.get(b, off);
        int bodyLength = frame - HEADER_LENGTH - TRAILER_LENGTH;
        long expected = (int) I32.get(b, off + HEADER_LENGTH + bodyLength) & 0xffff_ffffL;
        int actual = checksum(b, off, HEADER_LENGTH + bodyLength);
        if (expected != actual) {
            malformed("bad checksum on MsgType " + Integer.toUnsignedString(type) + ": trailer " + expected
                    + ", computed " + actual + "; frame skipped");
            return;
        }
        int body = off + HEADER_LENGTH;
        switch (type) {
            case SNAPSHOT -> decodeSnapshot(b, body, bodyLength);
            case TRADE -> decodeTrade(b, body, bodyLength);
            case ORDER -> decodeOrder(b, body, bodyLength);
            case CHANNEL_HEARTBEAT -> {
                if (lengthIs(type, bodyLength, CHANNEL_HEARTBEAT_BODY)) {
                    messages++;
                    handler.onChannelHeartbeat(u16(b, body), (long) I64.get(b, body + 2), u16(b, body + 10) != 0);
                }
            }
            case HEARTBEAT -> {
                if (lengthIs(type, bodyLength, 0)) {
                    messages++;
                    handler.onHeartbeat();
                }
            }
            case LOGON -> {
                if (lengthIs(type, bodyLength, LOGON_BODY)) {
                    messages++;
                    handler.onLogon(new LogonMessage(text(b, body, COMP_ID_LENGTH), text(b, body + 20, COMP_ID_LENGTH),
                            (int) I32.get(b, body + 40), text(b, body + 44, PASSWORD_LENGTH),
                            text(b, body + 60, APPL_VER_ID_LENGTH)));
                }
            }
            case LOGOUT -> {
                if (lengthIs(type, bodyLength, LOGOUT_BODY)) {
                    messages++;
                    handler.onLogout((int) I32.get(b, body), text(b, body + 4, LOGOUT_TEXT_LENGTH));
                }
            }
            default -> {
                if (isKnownSkipped(type)) {
                    skipped++;
                } else {
                    malformed("unknown MsgType " + Integer.toUnsignedString(type) + " (BodyLength " + bodyLength
                            + "); frame skipped");
                }
            }
        }
    }

    private boolean lengthIs(int type, int bodyLength, int expected) {
        if (bodyLength == expected) {
            return true;
        }
        malformed("MsgType " + type + " has BodyLength " + bodyLength + ", the layout needs " + expected
                + "; frame skipped");
        return false;
    }

    private void malformed(String reason) {
        malformed++;
        handler.onMalformed(reason, false);
    }

    private void decodeSnapshot(byte[] b, int body, int bodyLength) {
        if (bodyLength < SNAP_FIRST_ENTRY) {
            malformed("300111 BodyLength " + bodyLength + " is shorter than its fixed part " + SNAP_FIRST_ENTRY
                    + "; frame skipped");
            return;
        }
        SnapshotMessage s = snapshot;
        s.origTime = (long) I64.get(b, body + SNAP_ORIG_TIME);
        s.channelNo = u16(b, body + SNAP_CHANNEL_NO);
        s.mdStreamId = chars3(b, body + SNAP_MD_STREAM_ID);
        s.securityIdBits = (long) I64.get(b, body + SNAP_SECURITY_ID);
        s.securityIdSourceBits = (int) I32.get(b, body + SNAP_SECURITY_ID_SOURCE);
        s.tradingPhaseBits = (long) I64.get(b, body + SNAP_TRADING_PHASE);
        s.prevClosePx = (long) I64.get(b, body + SNAP_PREV_CLOSE_PX);
        s.numTrades = (long) I64.get(b, body + SNAP_NUM_TRADES);
        s.totalVolumeTrade = (long) I64.get(b, body + SNAP_TOTAL_VOLUME);
        s.totalValueTrade = (long) I64.get(b, body + SNAP_TOTAL_VALUE);
        long entries = (int) I32.get(b, body + SNAP_NO_MD_ENTRIES) & 0xffff_ffffL;
        if (entries > SnapshotMessage.MAX_ENTRIES) {
            malformed("300111 NoMDEntries " + entries + " exceeds " + SnapshotMessage.MAX_ENTRIES + "; frame skipped");
            return;
        }
        int p = body + SNAP_FIRST_ENTRY;
        int end = body + bodyLength;
        int qtys = 0;
        for (int i = 0; i < entries; i++) {
            if (end - p < ENTRY_FIXED) {
                malformed("300111 entry " + i + " of " + entries + " runs past BodyLength " + bodyLength
                        + "; frame skipped");
                return;
            }
            s.entryType[i] = ((b[p] & 0xff) << 8) | (b[p + 1] == 0 ? ' ' : b[p + 1] & 0xff);
            s.entryPx[i] = (long) I64.get(b, p + 2);
            s.entrySize[i] = (long) I64.get(b, p + 10);
            s.priceLevel[i] = u16(b, p + 18);
            s.numberOfOrders[i] = (long) I64.get(b, p + 20);
            long noOrders = (int) I32.get(b, p + 28) & 0xffff_ffffL;
            p += ENTRY_FIXED;
            if (noOrders > (end - p) / ORDER_QTY_LENGTH || qtys + noOrders > SnapshotMessage.MAX_ORDER_QTYS) {
                malformed("300111 entry " + i + " NoOrders " + noOrders + " does not fit BodyLength " + bodyLength
                        + " (or exceeds " + SnapshotMessage.MAX_ORDER_QTYS + " in total); frame skipped");
                return;
            }
            s.noOrders[i] = (int) noOrders;
            s.orderQtyStart[i] = qtys;
            for (int k = 0; k < noOrders; k++) {
                s.orderQty[qtys++] = (long) I64.get(b, p);
                p += ORDER_QTY_LENGTH;
            }
        }
        if (p != end) {
            malformed("300111 has " + (end - p) + " bytes after its " + entries + " entries; frame skipped");
            return;
        }
        s.entryCount = (int) entries;
        messages++;
        handler.onSnapshot(s);
    }

    private void decodeTrade(byte[] b, int body, int bodyLength) {
        if (!lengthIs(TRADE, bodyLength, TRADE_BODY)) {
            return;
        }
        TradeMessage t = trade;
        t.channelNo = u16(b, body + TRADE_CHANNEL_NO);
        t.applSeqNum = (long) I64.get(b, body + TRADE_APPL_SEQ_NUM);
        t.mdStreamId = chars3(b, body + TRADE_MD_STREAM_ID);
        t.bidApplSeqNum = (long) I64.get(b, body + TRADE_BID_APPL_SEQ_NUM);
        t.offerApplSeqNum = (long) I64.get(b, body + TRADE_OFFER_APPL_SEQ_NUM);
        t.securityIdBits = (long) I64.get(b, body + TRADE_SECURITY_ID);
        t.securityIdSourceBits = (int) I32.get(b, body + TRADE_SECURITY_ID_SOURCE);
        t.lastPx = (long) I64.get(b, body + TRADE_LAST_PX);
        t.lastQty = (long) I64.get(b, body + TRADE_LAST_QTY);
        t.execType = b[body + TRADE_EXEC_TYPE];
        t.transactTime = (long) I64.get(b, body + TRADE_TRANSACT_TIME);
        messages++;
        handler.onTrade(t);
    }

    private void decodeOrder(byte[] b, int body, int bodyLength) {
        if (!lengthIs(ORDER, bodyLength, ORDER_BODY)) {
            return;
        }
        OrderMessage o = order;
        o.channelNo = u16(b, body + ORDER_CHANNEL_NO);
        o.applSeqNum = (long) I64.get(b, body + ORDER_APPL_SEQ_NUM);
        o.mdStreamId = chars3(b, body + ORDER_MD_STREAM_ID);
        o.securityIdBits = (long) I64.get(b, body + ORDER_SECURITY_ID);
        o.securityIdSourceBits = (int) I32.get(b, body + ORDER_SECURITY_ID_SOURCE);
        o.price = (long) I64.get(b, body + ORDER_PRICE);
        o.orderQty = (long) I64.get(b, body + ORDER_QTY);
        o.side = b[body + ORDER_SIDE];
        o.transactTime = (long) I64.get(b, body + ORDER_TRANSACT_TIME);
        o.ordType = b[body + ORDER_ORD_TYPE];
        messages++;
        handler.onOrder(o);
    }

    private static int u16(byte[] b, int off) {
        return (short) I16.get(b, off) & 0xffff;
    }

    private static int chars3(byte[] b, int off) {
        return ((b[off] & 0xff) << 16) | ((b[off + 1] & 0xff) << 8) | (b[off + 2] & 0xff);
    }

    private static String text(byte[] b, int off, int len) {
        int end = off + len;
        while (end > off && (b[end - 1] == ' ' || b[end - 1] == 0)) {
            end--;
        }
        return new String(b, off, end - off, StandardCharsets.US_ASCII);
    }
}
