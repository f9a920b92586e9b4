package com.quotebus.client;

/**
 * One trade ({@code tick.<code>} push or a {@code svc.ticks} row). {@code side} is the trade flag:
 * {@code B} active buy (外盘), {@code S} active sell (内盘), other values neutral (auction, unknown).
 */
public record Tick(String code, long seq, long time, long price, long qty, long amount, String side) {
}
