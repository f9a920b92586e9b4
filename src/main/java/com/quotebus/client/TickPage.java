package com.quotebus.client;

import java.util.List;

/**
 * A page of the day's trades ({@code svc.ticks}), oldest first. {@code seq} is the code's newest trade
 * number; {@code oldestInMemory} the oldest the service still holds (older ones cannot be fetched).
 */
public record TickPage(String code, long seq, long oldestInMemory, List<Tick> ticks) {
    public TickPage {
        ticks = List.copyOf(ticks);
    }
}
