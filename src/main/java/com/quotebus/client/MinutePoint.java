package com.quotebus.client;

/**
 * One point of the 分时 line: {@code index} 0 is the open (auction), then one per trading minute;
 * {@code time} the minute's label; price and average price in minor units; {@code blank} when nothing
 * traded in the minute (price and average carried forward).
 */
public record MinutePoint(int index, long time, long price, long volume, long turnover, long avgPrice,
                          boolean blank) {
}
