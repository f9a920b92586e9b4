package com.quotebus.collector.sim;

import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import java.util.ArrayList;
import java.util.List;

/** Collects generator output: everything in order, and the market events alone. */
public final class CollectingListener implements SimListener {
    public final List<Object> all = new ArrayList<>();
    public final List<MarketEvent> events = new ArrayList<>();
    public final List<SimOrder> orders = new ArrayList<>();

    @Override
    public void onOrder(SimOrder order) {
        all.add(order);
        orders.add(order);
    }

    @Override
    public void onTrade(Trade trade) {
        all.add(trade);
        events.add(trade);
    }

    @Override
    public void onSnapshot(Snapshot snapshot) {
        all.add(snapshot);
        events.add(snapshot);
    }
}
