package com.quotebus.core.minute;

/**
 * One point of the 分时 line.
 *
 * @param index    point index (A-shares: 0 = 09:30 holding the opening auction, 240 = 15:00)
 * @param time     label time (end of the minute), epoch ms
 * @param price    last price in the minute; for a blank minute the price carried forward
 * @param volume   volume traded in the minute
 * @param turnover turnover in the minute, minor units
 * @param avgPrice average price since the open = cumulative turnover / cumulative volume (/ multiplier),
 *                 minor units rounded half-up; 0 before the first trade
 * @param cumVolume   cumulative day volume at the end of the minute
 * @param cumTurnover cumulative day turnover at the end of the minute
 * @param blank    true when nothing traded in the minute (price and average carried forward)
 */
public record MinutePoint(int index, long time, long price, long volume, long turnover, long avgPrice,
                          long cumVolume, long cumTurnover, boolean blank) {}
