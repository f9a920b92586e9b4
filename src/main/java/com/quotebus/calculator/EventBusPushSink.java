package com.quotebus.calculator;

import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.minute.MinutePoint;
import com.quotebus.core.pricevol.PriceLevel;
import io.vertx.core.eventbus.EventBus;
import java.util.List;

/** Publishes the engine's pushes on the (clustered) event bus as JSON bodies (docs/protocol.md). */
final class EventBusPushSink implements PushSink {
    private final EventBus bus;
    long published;

    EventBusPushSink(EventBus bus) {
        this.bus = bus;
    }

    @Override
    public void quote(String address, long seq, Snapshot s) {
        bus.publish(address, JsonViews.quote(seq, s));
        published++;
    }

    @Override
    public void tick(String address, long seq, Trade t) {
        bus.publish(address, JsonViews.tick(seq, t));
        published++;
    }

    @Override
    public void minute(String address, long seq, String code, List<MinutePoint> points) {
        bus.publish(address, JsonViews.minute(seq, code, points));
        published++;
    }

    @Override
    public void kline(String address, long seq, Bar bar) {
        bus.publish(address, JsonViews.bar(seq, bar));
        published++;
    }

    @Override
    public void correctedKline(String address, long seq, Bar bar) {
        bus.publish(address, JsonViews.bar(seq, bar).put("corrected", true));
        published++;
    }

    @Override
    public void priceVolume(String address, long seq, String code, long time, List<PriceLevel> changed,
                            long dayVolume) {
        bus.publish(address, JsonViews.priceVolume(seq, code, time, changed, dayVolume));
        published++;
    }
}
