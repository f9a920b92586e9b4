package com.quotebus.wire;

import com.quotebus.core.event.BookSide;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.MarketTime;
import com.quotebus.core.event.Side;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.event.TradingPhase;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Compact binary encoding of {@link Snapshot}, {@link Trade} and {@link Bar}: a type byte, a
 * format-version byte, then the fields as zigzag varints, length-prefixed UTF-8 strings and
 * one-byte enum codes. Layouts are in {@code docs/wire-formats.md}. Every field round-trips
 * exactly.
 *
 * <p>An encoded event is self-delimiting: {@code decode} consumes exactly the bytes
 * {@code encode} wrote, so events can be written back to back (journal, network frame) without a
 * length prefix. All lengths are bounded ({@link #MAX_CODE_BYTES}, {@link #MAX_SOURCE_BYTES},
 * {@link #MAX_DEPTH}), so no encoded event exceeds {@link #MAX_ENCODED_LENGTH} bytes and a reader
 * never allocates more than that for corrupt input.
 *
 * <p>Stateless and thread-safe; works on heap, direct and mapped buffers. Uses the buffer's
 * position only (not mark or limit).
 */
public final class EventCodec {
    /** Type byte of a {@link Snapshot}. */
    public static final byte TYPE_SNAPSHOT = 1;
    /** Type byte of a {@link Trade}. */
    public static final byte TYPE_TRADE = 2;
    /** Type byte of a {@link Bar}. */
    public static final byte TYPE_BAR = 3;
    /** Type byte of a {@link MarketTime}. */
    public static final byte TYPE_MARKET_TIME = 4;
    /** Format version written by this build, and the only one it reads. */
    public static final byte VERSION = 1;

    /** Longest code in UTF-8 bytes ({@code SYMBOL.MARKET} is at most 20). */
    public static final int MAX_CODE_BYTES = 32;
    /** Longest source name in UTF-8 bytes. */
    public static final int MAX_SOURCE_BYTES = 32;
    /** Most levels per book side (level-2 feeds give 10). */
    public static final int MAX_DEPTH = 20;

    /** Upper bound of the encoded length of any event, for sizing scratch buffers. */
    public static final int MAX_ENCODED_LENGTH = 2 // type, version
            + 1 + MAX_CODE_BYTES + 1 + 1 // code, flags, phase
            + 14 * Varint.MAX_LONG_BYTES // time, prices, totals, limits, futures fields
            + 2 * (1 + MAX_DEPTH * (2 * Varint.MAX_LONG_BYTES + Varint.MAX_INT_BYTES)) // book
            + Varint.MAX_INT_BYTES + 2 * Varint.MAX_LONG_BYTES // channel, channelSeq, seq
            + 1 + MAX_SOURCE_BYTES; // source

    private static final int SNAP_FUTURES = 1;
    private static final int SNAP_BID_ORDERS = 2;
    private static final int SNAP_ASK_ORDERS = 4;
    private static final int SNAP_KNOWN_FLAGS = 7;
    private static final int BAR_CLOSED = 1;
    private static final int BAR_HAS_DAY = 2;
    private static final int BAR_KNOWN_FLAGS = 3;
    private static final Period[] PERIOD_BY_ID = {null, Period.M1, Period.M3, Period.M5, Period.M15, Period.M30,
        Period.M60, Period.DAY, Period.WEEK, Period.MONTH, Period.QUARTER, Period.YEAR};

    /** Field names for error messages, built once: decoding must not concatenate strings per level. */
    private record SideFields(String depth, String price, String volume, String orders) {
        SideFields(String side) {
            this(side + " depth", side + " price", side + " volume", side + " orders");
        }
    }

    private static final SideFields BID_FIELDS = new SideFields("bid");
    private static final SideFields ASK_FIELDS = new SideFields("ask");

    private EventCodec() {}

    // ---------------------------------------------------------------- encode

    /**
     * Encodes a snapshot or trade at the buffer's position.
     *
     * @return bytes written
     * @throws BufferOverflowException  when the buffer is too small; its position is left unchanged
     * @throws IllegalArgumentException when a string or book exceeds the documented bounds
     */
    public static int encode(MarketEvent event, ByteBuffer out) {
        if (event instanceof Snapshot s) {
            return encode(s, out);
        } else if (event instanceof MarketTime m) {
            return encode(m, out);
        }
        return encode((Trade) event, out);
    }

    /** Encodes a market time (type, version, exchange time); see {@link #encode(MarketEvent, ByteBuffer)}. */
    public static int encode(MarketTime m, ByteBuffer out) {
        int start = out.position();
        try {
            out.put(TYPE_MARKET_TIME).put(VERSION);
            Varint.putSigned(out, m.exchangeTime());
        } catch (BufferOverflowException e) {
            out.position(start);
            throw e;
        }
        return out.position() - start;
    }

    /** Encodes a snapshot, trade or bar; see {@link #encode(MarketEvent, ByteBuffer)}. */
    public static int encodeAny(Object event, ByteBuffer out) {
        if (event instanceof Snapshot s) {
            return encode(s, out);
        } else if (event instanceof Trade t) {
            return encode(t, out);
        } else if (event instanceof Bar b) {
            return encode(b, out);
        } else if (event instanceof MarketTime m) {
            return encode(m, out);
        }
        throw new IllegalArgumentException("not an encodable event: "
                + (event == null ? "null" : event.getClass().getName()));
    }

    /** Encodes a snapshot; see {@link #encode(MarketEvent, ByteBuffer)}. */
    public static int encode(Snapshot s, ByteBuffer out) {
        int start = out.position();
        try {
            out.put(TYPE_SNAPSHOT).put(VERSION);
            writeSnapshotBody(s, out);
        } catch (BufferOverflowException | IllegalArgumentException e) {
            out.position(start);
            throw e;
        }
        return out.position() - start;
    }

    /** Encodes a trade; see {@link #encode(MarketEvent, ByteBuffer)}. */
    public static int encode(Trade t, ByteBuffer out) {
        int start = out.position();
        try {
            out.put(TYPE_TRADE).put(VERSION);
            ShortUtf8.put(out, t.code(), MAX_CODE_BYTES, "code");
            out.put((byte) t.side().flag());
            Varint.putSigned(out, t.exchangeTime());
            Varint.putSigned(out, t.price());
            Varint.putSigned(out, t.quantity());
            Varint.putSigned(out, t.amount());
            Varint.putSigned(out, t.channel());
            Varint.putSigned(out, t.channelSeq());
            Varint.putSigned(out, t.buyOrderNo());
            Varint.putSigned(out, t.sellOrderNo());
            Varint.putSigned(out, t.seq());
            ShortUtf8.put(out, t.source(), MAX_SOURCE_BYTES, "source");
        } catch (BufferOverflowException | IllegalArgumentException e) {
            out.position(start);
            throw e;
        }
        return out.position() - start;
    }

    /**
     * Encodes a bar; see {@link #encode(MarketEvent, ByteBuffer)}. A {@code null} trading day is
     * kept as absent; code and period are required.
     */
    public static int encode(Bar b, ByteBuffer out) {
        Objects.requireNonNull(b.code(), "bar code");
        Objects.requireNonNull(b.period(), "bar period");
        int start = out.position();
        try {
            out.put(TYPE_BAR).put(VERSION);
            ShortUtf8.put(out, b.code(), MAX_CODE_BYTES, "code");
            out.put((byte) periodId(b.period()));
            int flags = (b.closed() ? BAR_CLOSED : 0) | (b.tradingDay() != null ? BAR_HAS_DAY : 0);
            out.put((byte) flags);
            if (b.tradingDay() != null) {
                Varint.putSigned(out, b.tradingDay().toEpochDay());
            }
            Varint.putSigned(out, b.start());
            Varint.putSigned(out, b.end() - b.start());
            Varint.putSigned(out, b.open());
            Varint.putSigned(out, b.high());
            Varint.putSigned(out, b.low());
            Varint.putSigned(out, b.close());
            Varint.putSigned(out, b.volume());
            Varint.putSigned(out, b.turnover());
            Varint.putSigned(out, b.openInterest());
        } catch (BufferOverflowException | IllegalArgumentException e) {
            out.position(start);
            throw e;
        }
        return out.position() - start;
    }

    /** The encoding as a new array (convenience; the buffer forms avoid the copy). */
    public static byte[] toBytes(Object event) {
        ByteBuffer buf = ByteBuffer.allocate(MAX_ENCODED_LENGTH);
        int n = encodeAny(event, buf);
        byte[] bytes = new byte[n];
        buf.flip().get(bytes);
        return bytes;
    }

    /**
     * Writes a snapshot's fields without type and version bytes. For formats that embed a
     * snapshot under their own header (delta keyframes); bounds as for {@link #encode(Snapshot, ByteBuffer)}.
     */
    public static void writeSnapshotBody(Snapshot s, ByteBuffer out) {
        checkDepth(s.code(), "bid", s.bid());
        checkDepth(s.code(), "ask", s.ask());
        ShortUtf8.put(out, s.code(), MAX_CODE_BYTES, "code");
        boolean futures = s.openInterest() != 0 || s.settlement() != 0 || s.preSettlement() != 0;
        int flags = (futures ? SNAP_FUTURES : 0)
                | (s.bid().hasOrderCounts() ? SNAP_BID_ORDERS : 0)
                | (s.ask().hasOrderCounts() ? SNAP_ASK_ORDERS : 0);
        out.put((byte) flags);
        out.put((byte) s.phase().code());
        Varint.putSigned(out, s.exchangeTime());
        // Day prices sit within ~10-20% of the previous close: relative to it they are a byte shorter.
        long base = s.preClose();
        Varint.putSigned(out, base);
        Varint.putSigned(out, s.open() - base);
        Varint.putSigned(out, s.high() - base);
        Varint.putSigned(out, s.low() - base);
        Varint.putSigned(out, s.last() - base);
        Varint.putSigned(out, s.volume());
        Varint.putSigned(out, s.turnover());
        Varint.putSigned(out, s.numTrades());
        Varint.putSigned(out, s.upperLimit() - base);
        Varint.putSigned(out, s.lowerLimit() - base);
        if (futures) {
            Varint.putSigned(out, s.openInterest());
            Varint.putSigned(out, s.settlement());
            Varint.putSigned(out, s.preSettlement());
        }
        writeSide(s.bid(), s.last(), out);
        writeSide(s.ask(), s.last(), out);
        Varint.putSigned(out, s.channel());
        Varint.putSigned(out, s.channelSeq());
        Varint.putSigned(out, s.seq());
        ShortUtf8.put(out, s.source(), MAX_SOURCE_BYTES, "source");
    }

    private static void writeSide(BookSide side, long last, ByteBuffer out) {
        int depth = side.depth();
        long[] prices = side.prices();
        long[] volumes = side.volumes();
        int[] orders = side.orders();
        out.put((byte) depth);
        long prev = last;
        for (int i = 0; i < depth; i++) {
            // The book is a ladder around the last price: level 0 relative to it, the rest to the level above.
            Varint.putSigned(out, prices[i] - prev);
            prev = prices[i];
            Varint.putSigned(out, volumes[i]);
            if (orders != null) {
                Varint.putSigned(out, orders[i]);
            }
        }
    }

    private static void checkDepth(String code, String name, BookSide side) {
        if (side.depth() > MAX_DEPTH) {
            throw new IllegalArgumentException(code + ": " + name + " depth " + side.depth() + " exceeds the limit of "
                    + MAX_DEPTH);
        }
    }

    // ---------------------------------------------------------------- decode

    /**
     * Type byte of the event at the buffer's position, without consuming it.
     *
     * @throws MalformedEventException when the buffer is empty
     */
    public static byte peekType(ByteBuffer in) {
        if (!in.hasRemaining()) {
            throw MalformedEventException.truncated("type byte", in.position());
        }
        return in.get(in.position());
    }

    /**
     * Decodes the event at the buffer's position and advances past it.
     *
     * @return a {@link Snapshot}, {@link Trade} or {@link Bar}
     * @throws MalformedEventException when the bytes are not a valid event; the position is then
     *                                 left where the event began
     */
    public static Object decode(ByteBuffer in) {
        byte type = peekType(in);
        return switch (type) {
            case TYPE_SNAPSHOT -> decodeSnapshot(in);
            case TYPE_TRADE -> decodeTrade(in);
            case TYPE_BAR -> decodeBar(in);
            case TYPE_MARKET_TIME -> decodeMarketTime(in);
            default -> throw unknownType(type, in.position());
        };
    }

    /** Decodes an event that must be a snapshot, trade or market time; see {@link #decode(ByteBuffer)}. */
    public static MarketEvent decodeMarketEvent(ByteBuffer in) {
        byte type = peekType(in);
        return switch (type) {
            case TYPE_SNAPSHOT -> decodeSnapshot(in);
            case TYPE_TRADE -> decodeTrade(in);
            case TYPE_MARKET_TIME -> decodeMarketTime(in);
            default -> throw new MalformedEventException("expected a snapshot, trade or market time, found type "
                    + type, in.position());
        };
    }

    /** Decodes an event that must be a market time; see {@link #decode(ByteBuffer)}. */
    public static MarketTime decodeMarketTime(ByteBuffer in) {
        int start = in.position();
        try {
            readHeader(in, TYPE_MARKET_TIME, "market time");
            return new MarketTime(Varint.getSigned(in, "exchangeTime"));
        } catch (RuntimeException e) {
            in.position(start);
            throw asMalformed(e, "market time", start);
        }
    }

    /** Decodes an event that must be a snapshot; see {@link #decode(ByteBuffer)}. */
    public static Snapshot decodeSnapshot(ByteBuffer in) {
        int start = in.position();
        try {
            readHeader(in, TYPE_SNAPSHOT, "snapshot");
            return readSnapshotBody(in);
        } catch (RuntimeException e) {
            in.position(start);
            throw asMalformed(e, "snapshot", start);
        }
    }

    /**
     * Reads the fields {@link #writeSnapshotBody} wrote. On failure the position is unspecified;
     * callers reset it.
     */
    public static Snapshot readSnapshotBody(ByteBuffer in) {
        String code = ShortUtf8.get(in, MAX_CODE_BYTES, "code");
        int flagsAt = in.position();
        int flags = readByte(in, "flags");
        if ((flags & ~SNAP_KNOWN_FLAGS) != 0) {
            throw new MalformedEventException("snapshot flags 0x" + Integer.toHexString(flags)
                    + " has unknown bits", flagsAt);
        }
        TradingPhase phase = readPhase(in);
        long exchangeTime = Varint.getSigned(in, "exchangeTime");
        long preClose = Varint.getSigned(in, "preClose");
        long open = preClose + Varint.getSigned(in, "open");
        long high = preClose + Varint.getSigned(in, "high");
        long low = preClose + Varint.getSigned(in, "low");
        long last = preClose + Varint.getSigned(in, "last");
        long volume = Varint.getSigned(in, "volume");
        long turnover = Varint.getSigned(in, "turnover");
        long numTrades = Varint.getSigned(in, "numTrades");
        long upperLimit = preClose + Varint.getSigned(in, "upperLimit");
        long lowerLimit = preClose + Varint.getSigned(in, "lowerLimit");
        long openInterest = 0;
        long settlement = 0;
        long preSettlement = 0;
        if ((flags & SNAP_FUTURES) != 0) {
            openInterest = Varint.getSigned(in, "openInterest");
            settlement = Varint.getSigned(in, "settlement");
            preSettlement = Varint.getSigned(in, "preSettlement");
        }
        BookSide bid = readSide(in, (flags & SNAP_BID_ORDERS) != 0, last, BID_FIELDS);
        BookSide ask = readSide(in, (flags & SNAP_ASK_ORDERS) != 0, last, ASK_FIELDS);
        int channel = Varint.getSignedInt(in, "channel");
        long channelSeq = Varint.getSigned(in, "channelSeq");
        long seq = Varint.getSigned(in, "seq");
        String source = ShortUtf8.get(in, MAX_SOURCE_BYTES, "source");
        return new Snapshot(code, exchangeTime, phase, preClose, open, high, low, last, volume, turnover, numTrades,
                upperLimit, lowerLimit, openInterest, settlement, preSettlement, bid, ask, channel, channelSeq, seq,
                source);
    }

    private static BookSide readSide(ByteBuffer in, boolean withOrders, long last, SideFields names) {
        int depth = Varint.getBounded(in, MAX_DEPTH, names.depth());
        if (depth == 0 && !withOrders) {
            return BookSide.EMPTY;
        }
        long[] prices = new long[depth];
        long[] volumes = new long[depth];
        int[] orders = withOrders ? new int[depth] : null;
        long prev = last;
        for (int i = 0; i < depth; i++) {
            prev += Varint.getSigned(in, names.price());
            prices[i] = prev;
            volumes[i] = Varint.getSigned(in, names.volume());
            if (orders != null) {
                orders[i] = Varint.getSignedInt(in, names.orders());
            }
        }
        return new BookSide(prices, volumes, orders);
    }

    /** Decodes an event that must be a trade; see {@link #decode(ByteBuffer)}. */
    public static Trade decodeTrade(ByteBuffer in) {
        int start = in.position();
        try {
            readHeader(in, TYPE_TRADE, "trade");
            String code = ShortUtf8.get(in, MAX_CODE_BYTES, "code");
            int sideAt = in.position();
            int flag = readByte(in, "side");
            Side side = Side.ofFlag((char) flag);
            if (side.flag() != flag) {
                throw new MalformedEventException("side flag " + flag + " is not B, S or N", sideAt);
            }
            long exchangeTime = Varint.getSigned(in, "exchangeTime");
            long price = Varint.getSigned(in, "price");
            long quantity = Varint.getSigned(in, "quantity");
            long amount = Varint.getSigned(in, "amount");
            int channel = Varint.getSignedInt(in, "channel");
            long channelSeq = Varint.getSigned(in, "channelSeq");
            long buyOrderNo = Varint.getSigned(in, "buyOrderNo");
            long sellOrderNo = Varint.getSigned(in, "sellOrderNo");
            long seq = Varint.getSigned(in, "seq");
            String source = ShortUtf8.get(in, MAX_SOURCE_BYTES, "source");
            return new Trade(code, exchangeTime, price, quantity, amount, side, channel, channelSeq, buyOrderNo,
                    sellOrderNo, seq, source);
        } catch (RuntimeException e) {
            in.position(start);
            throw asMalformed(e, "trade", start);
        }
    }

    /** Decodes an event that must be a bar; see {@link #decode(ByteBuffer)}. */
    public static Bar decodeBar(ByteBuffer in) {
        int start = in.position();
        try {
            readHeader(in, TYPE_BAR, "bar");
            String code = ShortUtf8.get(in, MAX_CODE_BYTES, "code");
            int periodAt = in.position();
            int periodId = readByte(in, "period");
            if (periodId < 1 || periodId >= PERIOD_BY_ID.length) {
                throw new MalformedEventException("unknown period id " + periodId, periodAt);
            }
            int flagsAt = in.position();
            int flags = readByte(in, "flags");
            if ((flags & ~BAR_KNOWN_FLAGS) != 0) {
                throw new MalformedEventException("bar flags 0x" + Integer.toHexString(flags) + " has unknown bits",
                        flagsAt);
            }
            LocalDate day = null;
            if ((flags & BAR_HAS_DAY) != 0) {
                int dayAt = in.position();
                long epochDay = Varint.getSigned(in, "tradingDay");
                if (epochDay < LocalDate.MIN.toEpochDay() || epochDay > LocalDate.MAX.toEpochDay()) {
                    throw new MalformedEventException("tradingDay " + epochDay + " is out of range", dayAt);
                }
                day = LocalDate.ofEpochDay(epochDay);
            }
            long barStart = Varint.getSigned(in, "start");
            long end = barStart + Varint.getSigned(in, "end");
            long open = Varint.getSigned(in, "open");
            long high = Varint.getSigned(in, "high");
            long low = Varint.getSigned(in, "low");
            long close = Varint.getSigned(in, "close");
            long volume = Varint.getSigned(in, "volume");
            long turnover = Varint.getSigned(in, "turnover");
            long openInterest = Varint.getSigned(in, "openInterest");
            return new Bar(code, PERIOD_BY_ID[periodId], day, barStart, end, open, high, low, close, volume, turnover,
                    openInterest, (flags & BAR_CLOSED) != 0);
        } catch (RuntimeException e) {
            in.position(start);
            throw asMalformed(e, "bar", start);
        }
    }

    /** Decodes one event from an array holding exactly that event. */
    public static Object fromBytes(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        Object event = decode(buf);
        if (buf.hasRemaining()) {
            throw new MalformedEventException(buf.remaining() + " bytes left over after the event", buf.position());
        }
        return event;
    }

    /** Period id on the wire: a fixed table, independent of enum order. */
    static int periodId(Period period) {
        for (int i = 1; i < PERIOD_BY_ID.length; i++) {
            if (PERIOD_BY_ID[i] == period) {
                return i;
            }
        }
        throw new IllegalArgumentException("no wire id for period " + period);
    }

    private static void readHeader(ByteBuffer in, byte expectedType, String name) {
        int at = in.position();
        int type = readByte(in, "type byte");
        if (type != expectedType) {
            if (type == TYPE_SNAPSHOT || type == TYPE_TRADE || type == TYPE_BAR) {
                throw new MalformedEventException("expected a " + name + " (type " + expectedType + "), found type "
                        + type, at);
            }
            throw unknownType(type, at);
        }
        int version = readByte(in, "version byte");
        if (version != VERSION) {
            throw new MalformedEventException("unsupported " + name + " format version " + version
                    + " (this build reads " + VERSION + ")", at + 1);
        }
    }

    private static TradingPhase readPhase(ByteBuffer in) {
        int at = in.position();
        int c = readByte(in, "phase");
        TradingPhase phase = TradingPhase.ofCode((char) c);
        if (phase.code() != c) {
            throw new MalformedEventException("unknown trading phase code " + c, at);
        }
        return phase;
    }

    private static int readByte(ByteBuffer in, String field) {
        if (!in.hasRemaining()) {
            throw MalformedEventException.truncated(field, in.position());
        }
        return in.get() & 0xFF;
    }

    private static MalformedEventException unknownType(int type, int at) {
        return new MalformedEventException("unknown event type " + (type & 0xFF) + " (known: " + TYPE_SNAPSHOT
                + " snapshot, " + TYPE_TRADE + " trade, " + TYPE_BAR + " bar)", at);
    }

    private static MalformedEventException asMalformed(RuntimeException e, String name, int start) {
        if (e instanceof MalformedEventException m) {
            return m;
        }
        // The event constructors reject values (e.g. a trade quantity of 0): bad data, reported as such.
        return new MalformedEventException(name + " rejected: " + e.getMessage(), start, e);
    }
}
