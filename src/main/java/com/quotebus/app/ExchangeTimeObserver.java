package com.quotebus.app;

import com.quotebus.collector.FeedSink;
import com.quotebus.collector.FeedSource;
import com.quotebus.core.event.MarketEvent;
import java.util.concurrent.CompletionStage;
import java.util.function.LongConsumer;

/**
 * A feed source whose events and heartbeats also report their exchange time (to the market clock of a
 * collector that reads a feed instead of running the simulator), then go on unchanged.
 */
final class ExchangeTimeObserver implements FeedSource {
    private final FeedSource source;
    private final LongConsumer exchangeTimes;

    ExchangeTimeObserver(FeedSource source, LongConsumer exchangeTimes) {
        this.source = source;
        this.exchangeTimes = exchangeTimes;
    }

    @Override
    public String name() {
        return source.name();
    }

    @Override
    public CompletionStage<Void> start(FeedSink sink) {
        return source.start(new FeedSink() {
            @Override
            public void onEvent(String name, MarketEvent event) {
                exchangeTimes.accept(event.exchangeTime());
                sink.onEvent(name, event);
            }

            @Override
            public void onHeartbeat(String name, int channel, long lastSeq, long exchangeTime) {
                if (exchangeTime > 0) {
                    exchangeTimes.accept(exchangeTime);
                }
                sink.onHeartbeat(name, channel, lastSeq, exchangeTime);
            }

            @Override
            public void onMalformed(String name, String reason) {
                sink.onMalformed(name, reason);
            }

            @Override
            public void onDisconnected(String name, String reason) {
                sink.onDisconnected(name, reason);
            }

            @Override
            public void onConnected(String name) {
                sink.onConnected(name);
            }
        });
    }

    @Override
    public CompletionStage<Void> stop() {
        return source.stop();
    }
}
