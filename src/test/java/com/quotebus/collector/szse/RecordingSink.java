package com.quotebus.collector.szse;

import com.quotebus.collector.FeedSink;
import com.quotebus.core.event.MarketEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A FeedSink that records everything, thread-safe (TCP tests deliver on an event loop). */
public final class RecordingSink implements FeedSink {
    public final List<MarketEvent> events = Collections.synchronizedList(new ArrayList<>());
    public final List<String> heartbeats = Collections.synchronizedList(new ArrayList<>());
    public final List<String> malformed = Collections.synchronizedList(new ArrayList<>());
    public final List<String> connections = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void onEvent(String source, MarketEvent event) {
        events.add(event);
    }

    @Override
    public void onHeartbeat(String source, int channel, long lastSeq, long exchangeTime) {
        heartbeats.add(channel + ":" + lastSeq);
    }

    @Override
    public void onMalformed(String source, String reason) {
        malformed.add(reason);
    }

    @Override
    public void onDisconnected(String source, String reason) {
        connections.add("disconnected: " + reason);
    }

    @Override
    public void onConnected(String source) {
        connections.add("connected");
    }

    public List<MarketEvent> eventsCopy() {
        synchronized (events) {
            return new ArrayList<>(events);
        }
    }
}
