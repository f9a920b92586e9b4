package com.quotebus.collector.verticle;

import com.quotebus.collector.pipeline.CollectorStatus;
import com.quotebus.collector.pipeline.PipelineOutput;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.MarketTime;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Publishes the pipeline's output on the event bus: events as {@code Snapshot}/{@code Trade} objects on their
 * shard address (a {@code MarketTime} on every shard address) (encoded by the binary default codecs of {@code com.quotebus.bus} when they cross the cluster,
 * shared as-is locally), status as JSON. Thread-safe ({@link EventBus#publish} is).
 */
final class EventBusOutput implements PipelineOutput {
    private final EventBus bus;
    private final String[] shardAddresses;

    EventBusOutput(EventBus bus, int shards) {
        this.bus = bus;
        this.shardAddresses = new String[shards];
        for (int i = 0; i < shards; i++) {
            shardAddresses[i] = CollectorAddresses.SHARD_PREFIX + i;
        }
    }

    @Override
    public void publish(MarketEvent event) {
        if (event instanceof MarketTime) {
            for (String address : shardAddresses) { // the market time is every shard's
                bus.publish(address, event);
            }
            return;
        }
        bus.publish(shardAddresses[CollectorAddresses.shardOf(event.code(), shardAddresses.length)], event);
    }

    @Override
    public void status(CollectorStatus s) {
        bus.publish(CollectorAddresses.STATUS, new JsonObject().put("kind", s.kind().name()).put("time", s.time())
                .put("source", s.source()).put("channel", s.channel()).put("fromSeq", s.fromSeq())
                .put("toSeq", s.toSeq()).put("codes", new JsonArray(s.codes())).put("reason", s.reason()));
    }
}
