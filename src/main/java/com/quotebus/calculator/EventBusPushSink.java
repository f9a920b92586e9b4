package com.quotebus.calculator;

import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.cluster.PushInterest;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.minute.MinutePoint;
import com.quotebus.core.pricevol.PriceLevel;
import io.vertx.core.eventbus.EventBus;
import java.util.List;

/**
 * Publishes the engine's pushes on the (clustered) event bus as JSON bodies (docs/protocol.md), to the addresses
 * someone consumes ({@link PushInterest}); the others are counted, not built or sent. Sequence numbers are the
 * engine's either way, so a subscriber that joins later sees the same numbering as everyone else.
 */
final class EventBusPushSink implements PushSink {
    private final EventBus bus;
    private final PushInterest interest;
    long published;
    /** Pushes not sent because nobody in the cluster consumes their address. */
    long unwanted;

    EventBusPushSink(EventBus bus, PushInterest interest) {
        this.bus = bus;
        this.interest = interest;
    }

    /** Whether to build and send a push to {@code address}: only where some consumer listens. */
    private boolean wanted(String address) {
        if (interest.wanted(address)) {
            published++;
            return true;
        }
        unwanted++;
        return false;
    }

    @Override
    public void quote(String address, long seq, Snapshot s) {
        if (wanted(address)) {
            bus.publish(address, JsonViews.quote(seq, s));
        }
    }

    @Override
    public void tick(String address, long seq, Trade t) {
        if (wanted(address)) {
            bus.publish(address, JsonViews.tick(seq, t));
        }
    }

    @Override
    public void minute(String address, long seq, String code, List<MinutePoint> points) {
        if (wanted(address)) {
            bus.publish(address, JsonViews.minute(seq, code, points));
        }
    }

    @Override
    public void kline(String address, long seq, Bar bar) {
        if (wanted(address)) {
            bus.publish(address, JsonViews.bar(seq, bar));
        }
    }

    @Override
    public void correctedKline(String address, long seq, Bar bar) {
        if (wanted(address)) {
            bus.publish(address, JsonViews.bar(seq, bar).put("corrected", true));
        }
    }

    @Override
    public void priceVolume(String address, long seq, String code, long time, List<PriceLevel> changed,
                            long dayVolume) {
        if (wanted(address)) {
            bus.publish(address, JsonViews.priceVolume(seq, code, time, changed, dayVolume));
        }
    }
}
