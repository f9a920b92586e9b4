package com.quotebus.collector.szse;

import static com.quotebus.collector.szse.SzseLayout.*;

import com.quotebus.core.event.BookSide;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.instrument.Code;
import com.quotebus.core.instrument.Market;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes SZSE Binary frames (header, body, checksum trailer) into an internal buffer; the simulator and the
 * tests use it. Encodes Quotebus events back into the wire units the {@link SzseNormaliser} reads, so
 * {@code normalise(decode(encode(event))) == event}. Append messages, take {@link #toByteArray()} or
 * {@link #array()}/{@link #length()}, then {@link #clear()}. Not thread-safe.
 */
public final class SzseEncoder {
    private byte[] buf;
    private int len;
    private int frameStart;
    private final Map<String, long[]> ids = new HashMap<>();

    public SzseEncoder() {
        this(4096);
    }

    public SzseEncoder(int initialCapacity) {
        buf = new byte[Math.max(64, initialCapacity)];
    }

    public byte[] array() {
        return buf;
    }

    public int length() {
        return len;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    public SzseEncoder clear() {
        len = 0;
        return this;
    }

    // ---- session messages

    public SzseEncoder logon(String senderCompId, String targetCompId, int heartBtIntSeconds, String password) {
        begin(LOGON);
        chars(senderCompId, COMP_ID_LENGTH);
        chars(targetCompId, COMP_ID_LENGTH);
        i32(heartBtIntSeconds);
        chars(password, PASSWORD_LENGTH);
        chars(APPL_VER_ID, APPL_VER_ID_LENGTH);
        return end();
    }

    public SzseEncoder logout(int sessionStatus, String text) {
        begin(LOGOUT);
        i32(sessionStatus);
        chars(text.length() > LOGOUT_TEXT_LENGTH ? text.substring(0, LOGOUT_TEXT_LENGTH) : text, LOGOUT_TEXT_LENGTH);
        return end();
    }

    public SzseEncoder heartbeat() {
        begin(HEARTBEAT);
        return end();
    }

    public SzseEncoder channelHeartbeat(int channelNo, long applLastSeqNum, boolean endOfChannel) {
        begin(CHANNEL_HEARTBEAT);
        u16(channelNo);
        i64(applLastSeqNum);
        u16(endOfChannel ? 1 : 0);
        return end();
    }

    // ---- market data

    /**
     * A 300111 snapshot of a Quotebus snapshot: book levels as entries 0/1 with NumberOfOrders and no order
     * queue (NoOrders 0); last/open/high/low (2/4/7/8) and limits (xe/xf) when non-zero; for futures also
     * open interest (xg) and the private settlement entries (y1/y2).
     */
    public SzseEncoder snapshot(Snapshot s) {
        long[] id = ids(s.code());
        begin(SNAPSHOT);
        i64(SzseTime.fromEpochMillis(s.exchangeTime()));
        u16(s.channel());
        chars(STREAM_SNAPSHOT, 3);
        i64(id[0]);
        i32((int) id[1]);
        char phase = s.phase().code();
        chars(String.valueOf(phase == '?' ? ' ' : phase) + "0", 8);
        i64(s.preClose());
        i64(s.numTrades());
        i64(s.volume() * QTY_PER_UNIT);
        i64(s.turnover());
        int countAt = len;
        i32(0);
        int n = 0;
        n += levels(MD_BID, s.bid());
        n += levels(MD_OFFER, s.ask());
        n += priceEntry(MD_LAST, s.last());
        n += priceEntry(MD_OPEN, s.open());
        n += priceEntry(MD_HIGH, s.high());
        n += priceEntry(MD_LOW, s.low());
        n += priceEntry(MD_UPPER_LIMIT, s.upperLimit());
        n += priceEntry(MD_LOWER_LIMIT, s.lowerLimit());
        if (Code.parse(s.code()).market().assetClass() == Market.AssetClass.FUTURE) {
            if (s.openInterest() != 0) {
                entry(MD_OPEN_INTEREST, 0, s.openInterest() * QTY_PER_UNIT, 0, 0);
                n++;
            }
            n += priceEntry(MD_PRIVATE_SETTLEMENT, s.settlement());
            n += priceEntry(MD_PRIVATE_PRE_SETTLEMENT, s.preSettlement());
        }
        putI32(countAt, n);
        return end();
    }

    /** A 300191 fill (ExecType F) of a Quotebus trade; order numbers become Bid/OfferApplSeqNum. */
    public SzseEncoder trade(Trade t) {
        return trade(t.channel(), t.channelSeq(), t.buyOrderNo(), t.sellOrderNo(), t.code(), t.price(),
                t.quantity() * QTY_PER_UNIT, 'F', SzseTime.fromEpochMillis(t.exchangeTime()));
    }

    /** A 300191 in wire units: price N13(4), qty N15(2), execType '4' or 'F', time YYYYMMDDHHMMSSsss. */
    public SzseEncoder trade(int channelNo, long applSeqNum, long bidApplSeqNum, long offerApplSeqNum, String code,
            long lastPx, long lastQty, char execType, long transactTime) {
        long[] id = ids(code);
        begin(TRADE);
        u16(channelNo);
        i64(applSeqNum);
        chars(STREAM_TICKS, 3);
        i64(bidApplSeqNum);
        i64(offerApplSeqNum);
        i64(id[0]);
        i32((int) id[1]);
        i64(lastPx);
        i64(lastQty);
        u8(execType);
        i64(transactTime);
        return end();
    }

    /** A 300192 in wire units: side '1' buy / '2' sell, ordType '1' market / '2' limit / 'U' own best. */
    public SzseEncoder order(int channelNo, long applSeqNum, String code, long price, long orderQty, char side,
            long transactTime, char ordType) {
        long[] id = ids(code);
        begin(ORDER);
        u16(channelNo);
        i64(applSeqNum);
        chars(STREAM_TICKS, 3);
        i64(id[0]);
        i32((int) id[1]);
        i64(price);
        i64(orderQty);
        u8(side);
        i64(transactTime);
        u8(ordType);
        return end();
    }

    /** Any frame with a given body (tests: unknown types, bad layouts). */
    public SzseEncoder frame(int msgType, byte[] body) {
        begin(msgType);
        ensure(body.length);
        System.arraycopy(body, 0, buf, len, body.length);
        len += body.length;
        return end();
    }

    // ---- internals

    private int levels(int type, BookSide side) {
        for (int i = 0; i < side.depth(); i++) {
            entry(type, side.price(i) * ENTRY_PX_PER_MINOR, side.volume(i) * QTY_PER_UNIT, i + 1,
                    side.hasOrderCounts() ? side.orders()[i] : 0);
        }
        return side.depth();
    }

    private int priceEntry(int type, long price) {
        if (price == 0) {
            return 0;
        }
        entry(type, price * ENTRY_PX_PER_MINOR, 0, 0, 0);
        return 1;
    }

    private void entry(int type, long px, long size, int level, long numberOfOrders) {
        u8((char) (type >>> 8));
        u8((char) (type & 0xff));
        i64(px);
        i64(size);
        u16(level);
        i64(numberOfOrders);
        i32(0); // NoOrders: we do not publish order queues
    }

    private long[] ids(String code) {
        return ids.computeIfAbsent(code, c -> {
            Code parsed = Code.parse(c);
            if (parsed.symbol().length() > 8) {
                throw new IllegalArgumentException(c + ": SecurityID is char(8), symbol too long");
            }
            return new long[] {Ascii.pack8(parsed.symbol()), SecurityIdSource.of(parsed.market()).bits()};
        });
    }

    private void begin(int type) {
        frameStart = len;
        i32(type);
        i32(0);
    }

    private SzseEncoder end() {
        int bodyLength = len - frameStart - HEADER_LENGTH;
        putI32(frameStart + 4, bodyLength);
        i32(SzseDecoder.checksum(buf, frameStart, len - frameStart));
        return this;
    }

    private void ensure(int n) {
        if (len + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
        }
    }

    private void u8(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    private void u16(int v) {
        ensure(2);
        buf[len++] = (byte) (v >>> 8);
        buf[len++] = (byte) v;
    }

    private void i32(int v) {
        ensure(4);
        putI32(len, v);
        len += 4;
    }

    private void putI32(int at, int v) {
        buf[at] = (byte) (v >>> 24);
        buf[at + 1] = (byte) (v >>> 16);
        buf[at + 2] = (byte) (v >>> 8);
        buf[at + 3] = (byte) v;
    }

    private void i64(long v) {
        i32((int) (v >>> 32));
        i32((int) v);
    }

    private void chars(String s, int width) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        if (b.length > width) {
            throw new IllegalArgumentException("'" + s + "' does not fit char(" + width + ")");
        }
        ensure(width);
        System.arraycopy(b, 0, buf, len, b.length);
        Arrays.fill(buf, len + b.length, len + width, (byte) ' ');
        len += width;
    }
}
