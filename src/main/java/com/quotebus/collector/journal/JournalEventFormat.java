package com.quotebus.collector.journal;

import com.quotebus.core.event.BookSide;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Side;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.event.TradingPhase;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The journal's event encoding, version 1. Big-endian, fixed fields, no compression: the journal favours
 * a cheap, obviously-correct append over size. Layout (see docs/collector.md "Journal format"):
 *
 * <pre>
 * u8 type (1 = snapshot, 2 = trade)
 * str code, i64 exchangeTime, i32 channel, i64 channelSeq, i64 seq, str source
 * trade:    i64 price, i64 quantity, i64 amount, u8 side flag, i64 buyOrderNo, i64 sellOrderNo
 * snapshot: u8 phase code, 12 × i64 (preClose open high low last volume turnover numTrades
 *           upperLimit lowerLimit openInterest settlement preSettlement), book bid, book ask
 * book:     u8 depth, u8 hasOrders, depth × (i64 price, i64 volume [, i32 orders])
 * str:      u16 length, UTF-8 bytes
 * </pre>
 *
 * Stateless and thread-safe.
 */
public final class JournalEventFormat implements EventSerializer {
    public static final JournalEventFormat INSTANCE = new JournalEventFormat();

    static final byte SNAPSHOT = 1;
    static final byte TRADE = 2;
    private static final int MAX_DEPTH = 50;

    @Override
    public void write(MarketEvent event, ByteBuffer out) {
        if (event instanceof Snapshot s) {
            writeSnapshot(s, out);
        } else {
            writeTrade((Trade) event, out);
        }
    }

    private static void writeCommon(byte type, MarketEvent e, ByteBuffer out) {
        out.put(type);
        putString(e.code(), out);
        out.putLong(e.exchangeTime());
        out.putInt(e.channel());
        out.putLong(e.channelSeq());
        out.putLong(e.seq());
        putString(e.source(), out);
    }

    private static void writeTrade(Trade t, ByteBuffer out) {
        writeCommon(TRADE, t, out);
        out.putLong(t.price());
        out.putLong(t.quantity());
        out.putLong(t.amount());
        out.put((byte) t.side().flag());
        out.putLong(t.buyOrderNo());
        out.putLong(t.sellOrderNo());
    }

    private static void writeSnapshot(Snapshot s, ByteBuffer out) {
        writeCommon(SNAPSHOT, s, out);
        out.put((byte) s.phase().code());
        out.putLong(s.preClose());
        out.putLong(s.open());
        out.putLong(s.high());
        out.putLong(s.low());
        out.putLong(s.last());
        out.putLong(s.volume());
        out.putLong(s.turnover());
        out.putLong(s.numTrades());
        out.putLong(s.upperLimit());
        out.putLong(s.lowerLimit());
        out.putLong(s.openInterest());
        out.putLong(s.settlement());
        out.putLong(s.preSettlement());
        putBook(s.bid(), out);
        putBook(s.ask(), out);
    }

    private static void putBook(BookSide side, ByteBuffer out) {
        int depth = side.depth();
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("book depth " + depth + " exceeds " + MAX_DEPTH);
        }
        out.put((byte) depth);
        out.put((byte) (side.hasOrderCounts() ? 1 : 0));
        for (int i = 0; i < depth; i++) {
            out.putLong(side.prices()[i]);
            out.putLong(side.volumes()[i]);
            if (side.hasOrderCounts()) {
                out.putInt(side.orders()[i]);
            }
        }
    }

    private static void putString(String s, ByteBuffer out) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0xFFFF) {
            throw new IllegalArgumentException("string of " + bytes.length + " bytes is too long");
        }
        out.putShort((short) bytes.length);
        out.put(bytes);
    }

    @Override
    public MarketEvent read(ByteBuffer in) {
        try {
            byte type = in.get();
            String code = getString(in);
            long time = in.getLong();
            int channel = in.getInt();
            long channelSeq = in.getLong();
            long seq = in.getLong();
            String source = getString(in);
            return switch (type) {
                case TRADE -> new Trade(code, time, in.getLong(), in.getLong(), in.getLong(),
                        Side.ofFlag((char) in.get()), channel, channelSeq, in.getLong(), in.getLong(), seq, source);
                case SNAPSHOT -> readSnapshot(in, code, time, channel, channelSeq, seq, source);
                default -> throw new IllegalArgumentException("unknown event type " + type);
            };
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("event truncated", e);
        }
    }

    private static Snapshot readSnapshot(ByteBuffer in, String code, long time, int channel, long channelSeq,
            long seq, String source) {
        TradingPhase phase = TradingPhase.ofCode((char) in.get());
        long[] f = new long[13];
        for (int i = 0; i < f.length; i++) {
            f[i] = in.getLong();
        }
        BookSide bid = getBook(in);
        BookSide ask = getBook(in);
        return new Snapshot(code, time, phase, f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10],
                f[11], f[12], bid, ask, channel, channelSeq, seq, source);
    }

    private static BookSide getBook(ByteBuffer in) {
        int depth = in.get() & 0xFF;
        boolean hasOrders = in.get() != 0;
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("book depth " + depth + " exceeds " + MAX_DEPTH);
        }
        if (depth == 0 && !hasOrders) {
            return BookSide.EMPTY;
        }
        long[] prices = new long[depth];
        long[] volumes = new long[depth];
        int[] orders = hasOrders ? new int[depth] : null;
        for (int i = 0; i < depth; i++) {
            prices[i] = in.getLong();
            volumes[i] = in.getLong();
            if (hasOrders) {
                orders[i] = in.getInt();
            }
        }
        return new BookSide(prices, volumes, orders);
    }

    private static String getString(ByteBuffer in) {
        int len = in.getShort() & 0xFFFF;
        if (len > in.remaining()) {
            throw new IllegalArgumentException("string length " + len + " exceeds the " + in.remaining()
                    + " bytes left");
        }
        byte[] bytes = new byte[len];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
