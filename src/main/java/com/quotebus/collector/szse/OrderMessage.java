package com.quotebus.collector.szse;

/** A decoded 300192 tick-by-tick order, in wire units. Mutable and reused by the decoder. */
public final class OrderMessage {
    int channelNo;
    long applSeqNum;
    int mdStreamId;
    long securityIdBits;
    int securityIdSourceBits;
    long price;
    long orderQty;
    byte side;
    long transactTime;
    byte ordType;

    public int channelNo() { return channelNo; }
    public long applSeqNum() { return applSeqNum; }
    public String mdStreamId() { return Ascii.text(mdStreamId, 3); }
    public long securityIdBits() { return securityIdBits; }
    public int securityIdSourceBits() { return securityIdSourceBits; }
    public String securityId() { return Ascii.text(securityIdBits); }
    public String securityIdSource() { return Ascii.text(securityIdSourceBits, 4); }
    /** Price N13(4). */
    public long price() { return price; }
    /** OrderQty N15(2). */
    public long orderQty() { return orderQty; }
    /** Side: '1' buy, '2' sell. */
    public char side() { return (char) (side & 0xff); }
    public long transactTime() { return transactTime; }
    /** OrdType: '1' market, '2' limit, 'U' own-side best. */
    public char ordType() { return (char) (ordType & 0xff); }
}
