package com.quotebus.collector.szse;

/**
 * Byte layouts of the SZSE Binary messages we implement (spec Ver1.17; see {@code docs/feeds.md}). Every
 * message is {@code Header (MsgType uInt32, BodyLength uInt32) + Body + Trailer (Checksum uInt32)}, all
 * integers big-endian; {@code char(n)} fields are ASCII, left-aligned and padded with spaces. Offsets below
 * are from the start of the body.
 */
public final class SzseLayout {
    private SzseLayout() {}

    public static final int HEADER_LENGTH = 8;
    public static final int TRAILER_LENGTH = 4;

    /** Largest BodyLength the decoder accepts by default; a bigger one means the stream is corrupt. */
    public static final int DEFAULT_MAX_BODY_LENGTH = 64 * 1024;

    // Message types.
    public static final int LOGON = 1;
    public static final int LOGOUT = 2;
    public static final int HEARTBEAT = 3;
    public static final int BUSINESS_REJECT = 8;
    public static final int CHANNEL_HEARTBEAT = 390095;
    public static final int SNAPSHOT = 300111;
    public static final int TRADE = 300191;
    public static final int ORDER = 300192;

    /**
     * Spec message types we recognise but do not decode (announcements, resend, market/security status,
     * channel statistics, after-hours, index and statistics snapshots, other order/trade books). They are
     * skipped silently and counted, so a real gateway feed does not flood the malformed report.
     */
    public static boolean isKnownSkipped(int msgType) {
        return switch (msgType) {
            case 390012, 390094, 390019, 390013, 390090, 300611, 309011, 309111, 306311, 300592, 300792,
                    300591, 300791 -> true;
            default -> false;
        };
    }

    // Logon (1): SenderCompID char(20), TargetCompID char(20), HeartBtInt Int32, Password char(16),
    // DefaultApplVerID char(32).
    public static final int COMP_ID_LENGTH = 20;
    public static final int PASSWORD_LENGTH = 16;
    public static final int APPL_VER_ID_LENGTH = 32;
    public static final int LOGON_BODY = 20 + 20 + 4 + 16 + 32;
    /** DefaultApplVerID we send: the binary protocol version n.xy. */
    public static final String APPL_VER_ID = "1.00";

    // Logout (2): SessionStatus Int32, Text char(200).
    public static final int LOGOUT_TEXT_LENGTH = 200;
    public static final int LOGOUT_BODY = 4 + 200;
    /** SessionStatus 4: logout complete. */
    public static final int SESSION_STATUS_LOGOUT_COMPLETE = 4;
    /** SessionStatus 5: invalid user name or password. */
    public static final int SESSION_STATUS_INVALID_LOGON = 5;
    /** SessionStatus 101: other (we use it for slow-consumer disconnects). */
    public static final int SESSION_STATUS_OTHER = 101;
    /** SessionStatus 102: invalid message. */
    public static final int SESSION_STATUS_INVALID_MESSAGE = 102;

    // Channel heartbeat (390095): ChannelNo uInt16, ApplLastSeqNum Int64, EndOfChannel Boolean (uInt16).
    public static final int CHANNEL_HEARTBEAT_BODY = 2 + 8 + 2;

    // Snapshot common header (300111 and other snapshots).
    public static final int SNAP_ORIG_TIME = 0; // LocalTimeStamp Int64 YYYYMMDDHHMMSSsss
    public static final int SNAP_CHANNEL_NO = 8; // uInt16
    public static final int SNAP_MD_STREAM_ID = 10; // char(3)
    public static final int SNAP_SECURITY_ID = 13; // char(8)
    public static final int SNAP_SECURITY_ID_SOURCE = 21; // char(4)
    public static final int SNAP_TRADING_PHASE = 25; // char(8)
    public static final int SNAP_PREV_CLOSE_PX = 33; // Price Int64 N13(4)
    public static final int SNAP_NUM_TRADES = 41; // Int64
    public static final int SNAP_TOTAL_VOLUME = 49; // Qty Int64 N15(2)
    public static final int SNAP_TOTAL_VALUE = 57; // Amt Int64 N18(4)
    public static final int SNAP_HEADER_BODY = 65;
    /** 300111 extension: NoMDEntries uInt32, then the entries. */
    public static final int SNAP_NO_MD_ENTRIES = 65;
    public static final int SNAP_FIRST_ENTRY = 69;
    /**
     * One MD entry without its order quantities: MDEntryType char(2), MDEntryPx Int64 N18(6), MDEntrySize
     * Int64 N15(2), MDPriceLevel uInt16, NumberOfOrders Int64, NoOrders uInt32; then NoOrders × OrderQty
     * Int64 N15(2).
     */
    public static final int ENTRY_FIXED = 2 + 8 + 8 + 2 + 8 + 4;
    public static final int ORDER_QTY_LENGTH = 8;

    // Trade (300191).
    public static final int TRADE_CHANNEL_NO = 0; // uInt16
    public static final int TRADE_APPL_SEQ_NUM = 2; // Int64
    public static final int TRADE_MD_STREAM_ID = 10; // char(3)
    public static final int TRADE_BID_APPL_SEQ_NUM = 13; // Int64
    public static final int TRADE_OFFER_APPL_SEQ_NUM = 21; // Int64
    public static final int TRADE_SECURITY_ID = 29; // char(8)
    public static final int TRADE_SECURITY_ID_SOURCE = 37; // char(4)
    public static final int TRADE_LAST_PX = 41; // Price Int64 N13(4)
    public static final int TRADE_LAST_QTY = 49; // Qty Int64 N15(2)
    public static final int TRADE_EXEC_TYPE = 57; // char(1): '4' cancel, 'F' fill
    public static final int TRADE_TRANSACT_TIME = 58; // LocalTimeStamp Int64
    public static final int TRADE_BODY = 66;

    // Order (300192).
    public static final int ORDER_CHANNEL_NO = 0; // uInt16
    public static final int ORDER_APPL_SEQ_NUM = 2; // Int64
    public static final int ORDER_MD_STREAM_ID = 10; // char(3)
    public static final int ORDER_SECURITY_ID = 13; // char(8)
    public static final int ORDER_SECURITY_ID_SOURCE = 21; // char(4)
    public static final int ORDER_PRICE = 25; // Price Int64 N13(4)
    public static final int ORDER_QTY = 33; // Qty Int64 N15(2)
    public static final int ORDER_SIDE = 41; // char(1): '1' buy, '2' sell, 'G' borrow, 'F' lend
    public static final int ORDER_TRANSACT_TIME = 42; // LocalTimeStamp Int64
    public static final int ORDER_ORD_TYPE = 50; // char(1): '1' market, '2' limit, 'U' own-side best
    public static final int ORDER_BODY = 51;

    /** MDStreamID of cash-market continuous-auction snapshots. */
    public static final String STREAM_SNAPSHOT = "010";
    /** MDStreamID of cash-market tick-by-tick orders and trades. */
    public static final String STREAM_TICKS = "011";

    /** 2-character MDEntryType packed into an int: {@code (c0 << 8) | c1}, space-padded. */
    public static int entryType(String text) {
        char c0 = text.charAt(0);
        char c1 = text.length() > 1 ? text.charAt(1) : ' ';
        return (c0 << 8) | c1;
    }

    public static final int MD_BID = entryType("0");
    public static final int MD_OFFER = entryType("1");
    public static final int MD_LAST = entryType("2");
    public static final int MD_OPEN = entryType("4");
    public static final int MD_HIGH = entryType("7");
    public static final int MD_LOW = entryType("8");
    public static final int MD_UPPER_LIMIT = entryType("xe");
    public static final int MD_LOWER_LIMIT = entryType("xf");
    /** Spec: 合约持仓量 (contract open interest, options); carried in MDEntrySize. */
    public static final int MD_OPEN_INTEREST = entryType("xg");
    /** PRIVATE Quotebus extension, not SZSE: futures settlement price in MDEntryPx. */
    public static final int MD_PRIVATE_SETTLEMENT = entryType("y1");
    /** PRIVATE Quotebus extension, not SZSE: futures previous settlement price in MDEntryPx. */
    public static final int MD_PRIVATE_PRE_SETTLEMENT = entryType("y2");

    /** Spec scale conversions: N18(6) entry prices to minor units (1/10000 yuan). */
    public static final long ENTRY_PX_PER_MINOR = 100L;
    /** Spec N15(2) quantities: wire value per share or contract. */
    public static final long QTY_PER_UNIT = 100L;
}
