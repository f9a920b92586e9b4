package com.quotebus.collector.szse;

import com.quotebus.collector.FeedSink;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import java.util.function.ToIntFunction;

/**
 * Decoded SZSE messages → a {@link FeedSink}: normalises snapshots and trades, counts orders and cancels,
 * passes channel heartbeats and malformed reports on. Session messages (logon, logout, heartbeat) are left to
 * the owner of the connection. Plain Java; used by the TCP source and by file replay alike, so a recorded
 * day replays exactly as it was received. Not thread-safe.
 */
public class SzseFeedAdapter implements SzseMessageHandler {
    private final String source;
    private final FeedSink sink;
    private final SzseNormaliser normaliser;

    public SzseFeedAdapter(String source, FeedSink sink, ToIntFunction<String> multiplierOf) {
        this.source = source;
        this.sink = sink;
        this.normaliser = new SzseNormaliser(multiplierOf);
    }

    public SzseNormaliser normaliser() {
        return normaliser;
    }

    @Override
    public void onSnapshot(SnapshotMessage snapshot) {
        Snapshot s = normaliser.snapshot(snapshot);
        if (s != null) {
            sink.onEvent(source, s);
        } else {
            sink.onMalformed(source, normaliser.rejectReason());
        }
    }

    @Override
    public void onTrade(TradeMessage trade) {
        Trade t = normaliser.trade(trade);
        if (t != null) {
            sink.onEvent(source, t);
        } else if (normaliser.rejectReason() != null) {
            sink.onMalformed(source, normaliser.rejectReason());
        }
    }

    @Override
    public void onOrder(OrderMessage order) {
        normaliser.countOrder(order);
        // orders are not events here, but they take channel sequence numbers that trades follow
        sink.onSequenceOnly(source, order.channelNo(), order.applSeqNum(), normaliser.lastExchangeTime());
    }

    @Override
    public void onChannelHeartbeat(int channelNo, long applLastSeqNum, boolean endOfChannel) {
        sink.onHeartbeat(source, channelNo, applLastSeqNum, normaliser.lastExchangeTime());
    }

    @Override
    public void onMalformed(String reason, boolean fatal) {
        sink.onMalformed(source, fatal ? reason + " (connection dropped)" : reason);
    }
}
