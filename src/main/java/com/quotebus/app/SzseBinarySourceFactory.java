package com.quotebus.app;

import com.quotebus.cluster.InstrumentDirectory;
import com.quotebus.collector.FeedSource;
import com.quotebus.collector.szse.SzseBinaryFeedSource;
import com.quotebus.collector.szse.SzseFeedConfig;
import com.quotebus.collector.verticle.FeedSourceFactory;
import com.quotebus.collector.verticle.SourceSpec;
import com.quotebus.config.Settings;
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
    public void check(SourceSpec spec) {
        config(spec);
    }

    /**
     * One feed line's settings from the source's section; a source with {@code simulator = true} connects to this
     * deployment's simulator, wherever {@code simulator.host/port} put it.
     */
    private SzseFeedConfig config(SourceSpec spec) {
        Settings o = spec.options();
        if (o.bool("simulator", false)) {
            return SzseFeedConfig.from(o, spec.name(), "0.0.0.0".equals(simulatorHost) ? "127.0.0.1" : simulatorHost,
                    simulatorPort);
        }
        return SzseFeedConfig.from(o, spec.name(), null, 0);
    }

    @Override
    public FeedSource create(SourceSpec spec, Vertx vertx, MarketClock clock) {
        SzseFeedConfig config = config(spec);
        FeedSource source = new SzseBinaryFeedSource(vertx, config, code -> {
            Instrument i = directory.get(code);
            return i == null ? 1 : i.multiplier();
        });
        return exchangeTimes == null ? source : new ExchangeTimeObserver(source, exchangeTimes);
    }
}
