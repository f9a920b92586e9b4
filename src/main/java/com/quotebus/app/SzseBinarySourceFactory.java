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
    private final String simulatorHost;
    private final int simulatorPort;

    /**
     * @param exchangeTimes receives the exchange time of every event and heartbeat, or null
     * @param simulatorHost where a source with {@code simulator = true} connects (this deployment's simulator)
     * @param simulatorPort its port
     */
    SzseBinarySourceFactory(InstrumentDirectory directory, java.util.function.LongConsumer exchangeTimes,
                            String simulatorHost, int simulatorPort) {
        this.directory = directory;
        this.exchangeTimes = exchangeTimes;
        this.simulatorHost = simulatorHost;
        this.simulatorPort = simulatorPort;
    }

    @Override
    public String type() {
        return "szse-binary";
    }

    @Override
    public FeedSource create(SourceSpec spec, Vertx vertx, MarketClock clock) {
        java.util.Map<String, Object> options = new java.util.HashMap<>(spec.options().getMap());
        options.putIfAbsent("name", spec.name());
        if (Boolean.TRUE.equals(options.get("simulator")) || "true".equals(String.valueOf(options.get("simulator")))) {
            // the simulator of this deployment, wherever simulator.host/port put it
            options.put("host", "0.0.0.0".equals(simulatorHost) ? "127.0.0.1" : simulatorHost);
            options.put("port", simulatorPort);
        }
        options.remove("simulator");
        SzseFeedConfig config = SzseFeedConfig.from(new ConfigSection("collector.sources." + spec.name(), options));
        FeedSource source = new SzseBinaryFeedSource(vertx, config, code -> {
            Instrument i = directory.get(code);
            return i == null ? 1 : i.multiplier();
        });
        return exchangeTimes == null ? source : new ExchangeTimeObserver(source, exchangeTimes);
    }
}
