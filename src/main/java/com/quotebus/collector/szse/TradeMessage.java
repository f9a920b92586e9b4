package com.quotebus.collector.szse;

/**
 * A decoded 300191 tick-by-tick trade, in wire units. Mutable and reused by the decoder (valid only during
 * the handler call); {@link #securityIdBits} packs the 8 SecurityID bytes so the code can be looked up
 * without creating a String.
 */
public final class TradeMessage {
    int channelNo;
    long applSeqNum;
    int mdStreamId;
    long bidApplSeqNum;
    long offerApplSeqNum;
    long securityIdBits;
    int securityIdSourceBits;
    long lastPx;
    long lastQty;
    byte execType;
    long transactTime;

    public int channelNo() { return channelNo; }
    public long applSeqNum() { return applSeqNum; }
    public String mdStreamId() { return Ascii.text(mdStreamId, 3); }
    public long bidApplSeqNum() { return bidApplSeqNum; }
    public long offerApplSeqNum() { return offerApplSeqNum; }
    public long securityIdBits() { return securityIdBits; }
    public int securityIdSourceBits() { return securityIdSourceBits; }
    public String securityId() { return Ascii.text(securityIdBits); }
    public String securityIdSource() { return Ascii.text(securityIdSourceBits, 4); }
    /** LastPx, Price N13(4): 1/10000 yuan. */
    public long lastPx() { return lastPx; }
    /** LastQty, Qty N15(2): 1/100 share. */
    public long lastQty() { return lastQty; }
    /** ExecType: '4' cancel, 'F' fill. */
    public char execType() { return (char) (execType & 0xff); }
    /** TransactTime, YYYYMMDDHHMMSSsss. */
    public long transactTime() { return transactTime; }
}
