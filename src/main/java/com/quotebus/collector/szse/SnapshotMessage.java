package com.quotebus.collector.szse;

/**
 * A decoded 300111 snapshot, in wire units. Mutable and reused by the decoder (valid only during the handler
 * call). Entries are held in parallel arrays; the order quantities of entry {@code i} are
 * {@code orderQty[orderQtyStart(i) .. orderQtyStart(i) + noOrders(i))}.
 */
public final class SnapshotMessage {
    /** Most MD entries one snapshot may carry; more is reported as malformed. */
    public static final int MAX_ENTRIES = 128;
    /** Most order quantities (summed over entries) one snapshot may carry. */
    public static final int MAX_ORDER_QTYS = 1024;

    long origTime;
    int channelNo;
    int mdStreamId;
    long securityIdBits;
    int securityIdSourceBits;
    long tradingPhaseBits;
    long prevClosePx;
    long numTrades;
    long totalVolumeTrade;
    long totalValueTrade;
    int entryCount;
    final int[] entryType = new int[MAX_ENTRIES];
    final long[] entryPx = new long[MAX_ENTRIES];
    final long[] entrySize = new long[MAX_ENTRIES];
    final int[] priceLevel = new int[MAX_ENTRIES];
    final long[] numberOfOrders = new long[MAX_ENTRIES];
    final int[] noOrders = new int[MAX_ENTRIES];
    final int[] orderQtyStart = new int[MAX_ENTRIES];
    final long[] orderQty = new long[MAX_ORDER_QTYS];

    /** OrigTime, YYYYMMDDHHMMSSsss. */
    public long origTime() { return origTime; }
    public int channelNo() { return channelNo; }
    public String mdStreamId() { return Ascii.text(mdStreamId, 3); }
    public long securityIdBits() { return securityIdBits; }
    public int securityIdSourceBits() { return securityIdSourceBits; }
    public String securityId() { return Ascii.text(securityIdBits); }
    public String securityIdSource() { return Ascii.text(securityIdSourceBits, 4); }
    /** TradingPhaseCode char(8), padding trimmed. */
    public String tradingPhaseCode() { return Ascii.text(tradingPhaseBits); }
    /** First character of TradingPhaseCode (S O T B C E H A V). */
    public char phaseChar() { return (char) ((tradingPhaseBits >>> 56) & 0xff); }
    /** Second character of TradingPhaseCode: '1' = suspended all day. */
    public char suspensionChar() { return (char) ((tradingPhaseBits >>> 48) & 0xff); }
    /** PrevClosePx N13(4). */
    public long prevClosePx() { return prevClosePx; }
    public long numTrades() { return numTrades; }
    /** TotalVolumeTrade N15(2). */
    public long totalVolumeTrade() { return totalVolumeTrade; }
    /** TotalValueTrade N18(4). */
    public long totalValueTrade() { return totalValueTrade; }
    public int entryCount() { return entryCount; }
    /** Packed MDEntryType, compare with {@code SzseLayout.MD_*}. */
    public int entryType(int i) { return entryType[i]; }
    public String entryTypeText(int i) { return Ascii.text(entryType[i], 2); }
    /** MDEntryPx N18(6). */
    public long entryPx(int i) { return entryPx[i]; }
    /** MDEntrySize N15(2). */
    public long entrySize(int i) { return entrySize[i]; }
    public int priceLevel(int i) { return priceLevel[i]; }
    public long numberOfOrders(int i) { return numberOfOrders[i]; }
    public int noOrders(int i) { return noOrders[i]; }
    /** The {@code k}-th order quantity (N15(2)) of entry {@code i}. */
    public long orderQty(int i, int k) {
        if (k < 0 || k >= noOrders[i]) {
            throw new IndexOutOfBoundsException("entry " + i + " has " + noOrders[i] + " order quantities");
        }
        return orderQty[orderQtyStart[i] + k];
    }
}
