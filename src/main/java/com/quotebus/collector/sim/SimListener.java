package com.quotebus.collector.sim;

import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;

/** Receives the generator's events in time order (within one ms: in generation order). */
public interface SimListener {
    SimListener NONE = new SimListener() {};

    default void onOrder(SimOrder order) {}

    default void onTrade(Trade trade) {}

    default void onSnapshot(Snapshot snapshot) {}
}
