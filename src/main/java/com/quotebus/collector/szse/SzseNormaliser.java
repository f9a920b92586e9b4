package com.quotebus.collector.szse;

import static com.quotebus.collector.szse.SzseLayout.*;

import com.quotebus.core.event.BookSide;
import com.quotebus.core.event.Side;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.event.TradingPhase;
import com.quotebus.core.time.ChinaTime;
import java.util.function.ToIntFunction;

/**
 * Turns decoded SZSE messages into Quotebus events: prices to minor units (1/10000 yuan: Price N13(4) as is,
 * MDEntryPx N18(6) ÷ 100), quantities N15(2) ÷ 100 to shares or contracts, LocalTimeStamp to epoch ms, and
 * {@code SecurityID + SecurityIDSource} to a cached code such as {@code 000001.SZ}.
 *
 * <p>Trade side: SZSE does not send one; the aggressor is the later order, so
 * {@code BidApplSeqNum > OfferApplSeqNum} ⇒ active buy, the reverse ⇒ active sell; a missing order
 * reference (0) or a call-auction print ⇒ {@link Side#NONE}. Call-auction prints are recognised by their
 * time: stocks 09:25:00.000 and 15:00:00.000; futures (private sources) 08:59:00.000, 09:29:00.000 and
 * 20:59:00.000. Cancels (ExecType 4) are not trades.
 *
 * <p>A message that cannot be normalised returns null and leaves the reason in {@link #rejectReason()}.
 * Not thread-safe: one per decoder.
 */
public final class SzseNormaliser {
    private static final int MAX_LEVELS = 50;
    private static final long[] STOCK_AUCTION_PRINTS = {hm(9, 25), hm(15, 0)};
    private static final long[] FUTURE_AUCTION_PRINTS = {hm(8, 59), hm(9, 29), hm(20, 59)};

    private final SecurityCodeCache codes;
    private final SzseTime time = new SzseTime();
    private String rejectReason;
    private long cancels;
    private long orders;
    private long lastExchangeTime;

    // Scratch book levels, reused per snapshot.
    private final long[] bidPx = new long[MAX_LEVELS];
    private final long[] bidQty = new long[MAX_LEVELS];
    private final int[] bidOrders = new int[MAX_LEVELS];
    private final long[] askPx = new long[MAX_LEVELS];
    private final long[] askQty = new long[MAX_LEVELS];
    private final int[] askOrders = new int[MAX_LEVELS];

    /** A normaliser for stocks only (every multiplier 1). */
    public SzseNormaliser() {
        this(code -> 1);
    }

    /**
     * @param multiplierOf contract multiplier per code (futures turnover = price × qty × multiplier); asked once
     *                     per code, the answer is cached with the code
     */
    public SzseNormaliser(ToIntFunction<String> multiplierOf) {
        this.codes = new SecurityCodeCache(multiplierOf);
    }

    private static long hm(int h, int m) {
        return (h * 60L + m) * 60_000L;
    }

    public String rejectReason() {
        return rejectReason;
    }

    /** Cancels (300191 with ExecType 4) seen. */
    public long cancels() {
        return cancels;
    }

    /** Orders (300192) seen. */
    public long orders() {
        return orders;
    }

    /** The latest exchange time seen on any message, epoch ms (0 before the first). */
    public long lastExchangeTime() {
        return lastExchangeTime;
    }

    /** Counts an order; orders are not normalised further. */
    public void countOrder(OrderMessage order) {
        orders++;
        long t = time.toEpochMillis(order.transactTime);
        if (t > lastExchangeTime) {
            lastExchangeTime = t;
        }
    }

    /** The snapshot as a Quotebus event, or null (see {@link #rejectReason()}). */
    public Snapshot snapshot(SnapshotMessage m) {
        String code = codes.code(m.securityIdBits, m.securityIdSourceBits);
        if (code == null) {
            return reject("300111 has an unknown SecurityIDSource '" + m.securityIdSource() + "' or SecurityID '"
                    + m.securityId() + "'");
        }
        long t = time.toEpochMillis(m.origTime);
        if (t < 0) {
            return reject("300111 " + code + " has an invalid OrigTime " + m.origTime);
        }
        long last = 0;
        long open = 0;
        long high = 0;
        long low = 0;
        long upper = 0;
        long lower = 0;
        long openInterest = 0;
        long settlement = 0;
        long preSettlement = 0;
        int bids = 0;
        int asks = 0;
        for (int i = 0; i < m.entryCount; i++) {
            int type = m.entryType[i];
            long px = px6(m.entryPx[i]);
            if (type == MD_BID || type == MD_OFFER) {
                int level = m.priceLevel[i];
                if (level < 1 || level > MAX_LEVELS) {
                    return reject("300111 " + code + " has MDPriceLevel " + level + " outside 1.." + MAX_LEVELS);
                }
                long qty = m.entrySize[i] / QTY_PER_UNIT;
                int count = (int) Math.min(Integer.MAX_VALUE, Math.max(0, m.numberOfOrders[i]));
                if (type == MD_BID) {
                    while (bids < level) {
                        bidPx[bids] = 0;
                        bidQty[bids] = 0;
                        bidOrders[bids++] = 0;
                    }
                    bidPx[level - 1] = px;
                    bidQty[level - 1] = qty;
                    bidOrders[level - 1] = count;
                } else {
                    while (asks < level) {
                        askPx[asks] = 0;
                        askQty[asks] = 0;
                        askOrders[asks++] = 0;
                    }
                    askPx[level - 1] = px;
                    askQty[level - 1] = qty;
                    askOrders[level - 1] = count;
                }
            } else if (type == MD_LAST) {
                last = px;
            } else if (type == MD_OPEN) {
                open = px;
            } else if (type == MD_HIGH) {
                high = px;
            } else if (type == MD_LOW) {
                low = px;
            } else if (type == MD_UPPER_LIMIT) {
                upper = px;
            } else if (type == MD_LOWER_LIMIT) {
                lower = px;
            } else if (type == MD_OPEN_INTEREST) {
                openInterest = m.entrySize[i] / QTY_PER_UNIT;
            } else if (type == MD_PRIVATE_SETTLEMENT) {
                settlement = px;
            } else if (type == MD_PRIVATE_PRE_SETTLEMENT) {
                preSettlement = px;
            }
            // Other spec entry types (x1..x9: changes, summaries, P/E, NAV, IOPV) are not part of Snapshot.
        }
        if (t > lastExchangeTime) {
            lastExchangeTime = t;
        }
        rejectReason = null;
        return new Snapshot(code, t, phase(m), m.prevClosePx, open, high, low, last,
                m.totalVolumeTrade / QTY_PER_UNIT, m.totalValueTrade, m.numTrades, upper, lower, openInterest,
                settlement, preSettlement, side(bidPx, bidQty, bidOrders, bids), side(askPx, askQty, askOrders, asks),
                m.channelNo, 0, 0, "");
    }

    /** The trade as a Quotebus event; null for a cancel (not a trade, reason null) or a reject (reason set). */
    public Trade trade(TradeMessage m) {
        if (m.execType == '4') {
            cancels++;
            rejectReason = null;
            return null;
        }
        String code = codes.code(m.securityIdBits, m.securityIdSourceBits);
        if (code == null) {
            return reject("300191 seq " + m.applSeqNum + " has an unknown SecurityIDSource '" + m.securityIdSource()
                    + "' or SecurityID '" + m.securityId() + "'");
        }
        if (m.execType != 'F') {
            return reject("300191 " + code + " seq " + m.applSeqNum + " has unknown ExecType '" + m.execType() + "'");
        }
        long t = time.toEpochMillis(m.transactTime);
        if (t < 0) {
            return reject("300191 " + code + " seq " + m.applSeqNum + " has an invalid TransactTime " + m.transactTime);
        }
        long qty = m.lastQty / QTY_PER_UNIT;
        if (m.lastPx <= 0 || qty <= 0) {
            return reject("300191 " + code + " seq " + m.applSeqNum + " has LastPx " + m.lastPx + " LastQty "
                    + m.lastQty + "; both must be > 0");
        }
        if (t > lastExchangeTime) {
            lastExchangeTime = t;
        }
        rejectReason = null;
        Side side = side(m, code, t);
        long amount = m.lastPx * qty * codes.lastMultiplier();
        return new Trade(code, t, m.lastPx, qty, amount, side, m.channelNo, m.applSeqNum, m.bidApplSeqNum,
                m.offerApplSeqNum, 0, "");
    }

    private static Side side(TradeMessage m, String code, long t) {
        if (m.bidApplSeqNum == 0 || m.offerApplSeqNum == 0 || m.bidApplSeqNum == m.offerApplSeqNum) {
            return Side.NONE;
        }
        long tod = ChinaTime.millisOfDay(t);
        SecurityIdSource source = SecurityIdSource.ofBits(m.securityIdSourceBits);
        long[] prints = source != null && source.isPrivate() ? FUTURE_AUCTION_PRINTS : STOCK_AUCTION_PRINTS;
        for (long p : prints) {
            if (tod == p) {
                return Side.NONE;
            }
        }
        return m.bidApplSeqNum > m.offerApplSeqNum ? Side.BUY : Side.SELL;
    }

    private static TradingPhase phase(SnapshotMessage m) {
        if (m.suspensionChar() == '1') {
            return TradingPhase.HALTED;
        }
        char c = m.phaseChar();
        return c == 'V' ? TradingPhase.HALTED : TradingPhase.ofCode(c);
    }

    private static BookSide side(long[] px, long[] qty, int[] orders, int depth) {
        if (depth == 0) {
            return BookSide.EMPTY;
        }
        boolean counts = false;
        for (int i = 0; i < depth; i++) {
            counts |= orders[i] != 0;
        }
        return new BookSide(java.util.Arrays.copyOf(px, depth), java.util.Arrays.copyOf(qty, depth),
                counts ? java.util.Arrays.copyOf(orders, depth) : null);
    }

    /** N18(6) to minor units (N(4)), rounding half up any precision beyond 1/10000. */
    private static long px6(long px) {
        return Math.floorDiv(px + ENTRY_PX_PER_MINOR / 2, ENTRY_PX_PER_MINOR);
    }

    private <T> T reject(String reason) {
        rejectReason = reason;
        return null;
    }
}
