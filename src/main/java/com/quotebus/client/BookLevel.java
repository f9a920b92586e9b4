package com.quotebus.client;

/** One level of the order book: price (minor units), volume, and the number of orders (0 when not sent). */
public record BookLevel(long price, long volume, long orders) {
}
