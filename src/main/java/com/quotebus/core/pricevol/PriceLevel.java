package com.quotebus.core.pricevol;

/**
 * One row of the 分价 table.
 *
 * @param price      minor units
 * @param volume     total volume traded at the price today
 * @param buyVolume  volume of active buys (外盘, at the ask)
 * @param sellVolume volume of active sells (内盘, at the bid)
 * @param trades     number of trades at the price
 */
public record PriceLevel(long price, long volume, long buyVolume, long sellVolume, long trades) {
    /** Volume with no known aggressor (auction prints). */
    public long neutralVolume() {
        return volume - buyVolume - sellVolume;
    }

    /** Share of the day's volume, 0..1. */
    public double share(long dayVolume) {
        return dayVolume == 0 ? 0 : volume / (double) dayVolume;
    }
}
