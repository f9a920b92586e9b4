package com.quotebus.client;

/** One 分价 row: at {@code price}, the day's volume, 外盘 (active buy), 内盘 (active sell) and trade count. */
public record PriceLevel(long price, long volume, long buyVolume, long sellVolume, long trades) {
}
