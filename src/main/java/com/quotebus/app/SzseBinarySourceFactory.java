package com.quotebus.app;

import com.quotebus.cluster.InstrumentDirectory;
import com.quotebus.collector.FeedSource;
import com.quotebus.collector.sim.ConfigSection;
import com.quotebus.collector.szse.SzseBinaryFeedSource;
import com.quotebus.collector.szse.SzseFeedConfig;
import com.quotebus.collector.verticle.FeedSourceFactory;
import com.quotebus.collector.verticle.SourceSpec;
import com.quotebus.core.instrument.Instrument;
import com.quotebus.core.time.MarketClock;
import io.vertx.core.Vertx;

/**
 * Source type {@code szse-binary}: a TCP line of the SZSE binary feed (or the simulator serving it).
 * Futures turnover needs the contract multiplier, taken from the instrument directory.
 */
final class SzseBinarySourceFactory implements FeedSourceFactory {
    private final InstrumentDirectory directory;
    private final java.util.function.LongConsumer exchangeTimes;

    /** @param exchangeTimes receives the exchange time of every event and heartbeat, or null */
    SzseBinarySourceFactory(InstrumentDirectory directory, java.util.function.LongConsumer exchangeTimes) {
        this.directory = directory;
        this.exchangeTimes = exchangeTimes;
    }

    @Override
    public String type() {
        return "szse-binary";
    }

    @Override
    public FeedSource create(SourceSpec spec, Vertx vertx, MarketClock clock) {
        java.util.Map<String, Object> options = new java.util.HashMap<>(spec.options().getMap());
        options.putIfAbsent("name", spec.name());
        SzseFeedConfig config = SzseFeedConfig.from(new ConfigSection("collector.sources." + spec.name(), options));
        FeedSource source = new SzseBinaryFeedSource(vertx, config, code -> {
            Instrument i = directory.get(code);
            return i == null ? 1 : i.multiplier();
        });
        return exchangeTimes == null ? source : new ExchangeTimeObserver(source, exchangeTimes);
    }
}
