package com.quotebus.client;

/**
 * An instrument of {@code svc.instruments}: price tick, previous close and limits in minor units;
 * {@code lot} shares per board lot; {@code multiplier} contract multiplier (1 for stocks).
 */
public record InstrumentInfo(String code, String name, String type, String market, long tick, int lot,
                             int multiplier, long preClose, long upper, long lower, String session) {
}
