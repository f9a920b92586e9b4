package com.quotebus.bus;

import com.quotebus.core.event.MarketTime;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.kline.Bar;
import io.vertx.core.eventbus.EventBus;
import java.util.List;

/**
 * Registers the Quotebus event codecs as default codecs, so {@code Snapshot}, {@code Trade},
 * {@code Bar} and {@code MarketTime} can be sent on the event bus as they are. Call once per {@link io.vertx.core.Vertx}
 * instance at start-up, before any verticle sends; on every node of a cluster.
 */
public final class EventCodecs {
    private EventCodecs() {}

    /** One instance of each codec (they are stateless and thread-safe). */
    public static List<EventMessageCodec<?>> all() {
        return List.of(new SnapshotMessageCodec(), new TradeMessageCodec(), new BarMessageCodec(),
                new MarketTimeMessageCodec());
    }

    /**
     * Registers the snapshot, trade, bar and market-time codecs as default codecs for their classes.
     *
     * @throws IllegalStateException when a default codec for one of the classes is already registered
     */
    public static EventBus registerAll(EventBus eventBus) {
        eventBus.registerDefaultCodec(Snapshot.class, new SnapshotMessageCodec());
        eventBus.registerDefaultCodec(Trade.class, new TradeMessageCodec());
        eventBus.registerDefaultCodec(Bar.class, new BarMessageCodec());
        eventBus.registerDefaultCodec(MarketTime.class, new MarketTimeMessageCodec());
        return eventBus;
    }

    /** Removes what {@link #registerAll} registered (e.g. before a test re-registers). */
    public static EventBus unregisterAll(EventBus eventBus) {
        eventBus.unregisterDefaultCodec(Snapshot.class);
        eventBus.unregisterDefaultCodec(Trade.class);
        eventBus.unregisterDefaultCodec(Bar.class);
        eventBus.unregisterDefaultCodec(MarketTime.class);
        return eventBus;
    }
}
