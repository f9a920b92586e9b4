package com.quotebus.calculator;

import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.minute.MinutePoint;
import com.quotebus.core.pricevol.PriceLevel;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Records every push as (address, JSON body), in order. */
final class RecordingPushSink implements PushSink {
    record Push(String address, JsonObject body) {}

    final List<Push> pushes = new ArrayList<>();

    @Override
    public void quote(String address, long seq, Snapshot s) {
        pushes.add(new Push(address, JsonViews.quote(seq, s)));
    }

    @Override
    public void tick(String address, long seq, Trade t) {
        pushes.add(new Push(address, JsonViews.tick(seq, t)));
    }

    @Override
    public void minute(String address, long seq, String code, List<MinutePoint> points) {
        pushes.add(new Push(address, JsonViews.minute(seq, code, points)));
    }

    @Override
    public void kline(String address, long seq, Bar bar) {
        pushes.add(new Push(address, JsonViews.bar(seq, bar)));
    }

    @Override
    public void correctedKline(String address, long seq, Bar bar) {
        pushes.add(new Push(address, JsonViews.bar(seq, bar).put("corrected", true)));
    }

    @Override
    public void priceVolume(String address, long seq, String code, long time, List<PriceLevel> changed,
                            long dayVolume) {
        pushes.add(new Push(address, JsonViews.priceVolume(seq, code, time, changed, dayVolume)));
    }

    List<Push> to(String address) {
        return pushes.stream().filter(p -> p.address().equals(address)).toList();
    }
}
