package com.quotebus.collector.szse;

/**
 * Logon (MsgType 1) fields, trimmed of padding.
 *
 * @param senderCompId     sender's id, char(20)
 * @param targetCompId     target's id, char(20)
 * @param heartBtIntSeconds heartbeat interval the sender asks for, seconds
 * @param password         char(16)
 * @param defaultApplVerId protocol version, char(32), e.g. {@code 1.00}
 */
public record LogonMessage(String senderCompId, String targetCompId, int heartBtIntSeconds, String password,
        String defaultApplVerId) {}
