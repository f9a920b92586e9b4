package com.quotebus.collector.szse;

/**
 * What {@link SzseDecoder} reports, one call per message, in stream order. The message objects passed to
 * {@link #onSnapshot}, {@link #onTrade} and {@link #onOrder} are reused by the decoder: they are valid only
 * during the call. Default methods ignore the message, so a handler implements what it needs.
 */
public interface SzseMessageHandler {
    /** Logon (1), from either side of the session. */
    default void onLogon(LogonMessage logon) {}

    /** Logout (2) with SessionStatus and the reason text. */
    default void onLogout(int sessionStatus, String text) {}

    /** Session heartbeat (3). */
    default void onHeartbeat() {}

    /** Channel heartbeat (390095). */
    default void onChannelHeartbeat(int channelNo, long applLastSeqNum, boolean endOfChannel) {}

    /** Snapshot (300111), valid only during the call. */
    default void onSnapshot(SnapshotMessage snapshot) {}

    /** Tick-by-tick trade or cancel (300191), valid only during the call. */
    default void onTrade(TradeMessage trade) {}

    /** Tick-by-tick order (300192), valid only during the call. */
    default void onOrder(OrderMessage order) {}

    /**
     * A frame that could not be used: bad checksum, unknown type, a body that does not match its type's
     * layout, or an absurd BodyLength. {@code fatal} means the stream cannot be resynchronised (framing is
     * lost) and the decoder refuses further input; the connection must be dropped.
     */
    default void onMalformed(String reason, boolean fatal) {}
}
