package com.quotebus.calculator;

import com.quotebus.core.event.Snapshot;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.minute.MinutePoint;
import com.quotebus.core.pricevol.PriceLevel;
import java.util.List;

/**
 * Where the engine's updates go (the verticle encodes and publishes them). Every call carries the
 * per-address sequence: 1, 2, 3 … per trading day, a deterministic function of the event stream, so a
 * calculator rebuilt from the journal continues the same numbering.
 */
public interface PushSink {
    PushSink NONE = new PushSink() {
        @Override
        public void quote(String address, long seq, Snapshot s) {}

        @Override
        public void tick(String address, long seq, com.quotebus.core.event.Trade t) {}

        @Override
        public void minute(String address, long seq, String code, List<MinutePoint> points) {}

        @Override
        public void kline(String address, long seq, Bar bar) {}

        @Override
        public void correctedKline(String address, long seq, Bar bar) {}

        @Override
        public void priceVolume(String address, long seq, String code, long time, List<PriceLevel> changed,
                                long dayVolume) {}
    };

    /** {@code quote.<code>}: a snapshot. */
    void quote(String address, long seq, Snapshot s);

    /** {@code tick.<code>}: one trade; seq is the code's trade number of the day. */
    void tick(String address, long seq, com.quotebus.core.event.Trade t);

    /** {@code minute.<code>}: the 分时 points finalised since the last push, then the point in progress. */
    void minute(String address, long seq, String code, List<MinutePoint> points);

    /** {@code kline.<period>.<code>}: the bar in progress ({@code closed=false}) or a bar that closed. */
    void kline(String address, long seq, Bar bar);

    /**
     * {@code kline.<period>.<code>}: a closed bar corrected by a late print ({@code closed=true, corrected=true});
     * it replaces the bar with the same {@code end}.
     */
    void correctedKline(String address, long seq, Bar bar);

    /** {@code pricevol.<code>}: the 分价 rows that changed since the last push. */
    void priceVolume(String address, long seq, String code, long time, List<PriceLevel> changed, long dayVolume);
}
