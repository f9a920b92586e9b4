package com.quotebus.it.checker;

/**
 * One trade of the tape as a client sees it on {@code tick.<code>} (or {@code svc.ticks}).
 *
 * @param seq    the trade's number of the day
 * @param time   exchange time, epoch ms
 * @param price  1/10000 yuan
 * @param qty    shares or contracts
 * @param amount price × qty × multiplier, 1/10000 yuan
 * @param side   'B' active buy, 'S' active sell, 'N' neither (auction prints)
 */
public record Tick(long seq, long time, long price, long qty, long amount, char side) {}
