package com.quotebus.calculator;

import com.quotebus.calculator.history.TradeTape;
import com.quotebus.core.event.BookSide;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.minute.MinutePoint;
import com.quotebus.core.pricevol.PriceLevel;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The JSON shapes of pushes and replies (docs/protocol.md). Prices and turnover are integers in
 * 1/10000 yuan; times are epoch milliseconds of exchange time; volume in shares / contracts.
 */
public final class JsonViews {
    private JsonViews() {}

    static JsonArray book(BookSide side) {
        JsonArray a = new JsonArray();
        for (int i = 0; i < side.depth(); i++) {
            JsonArray level = new JsonArray().add(side.prices()[i]).add(side.volumes()[i]);
            if (side.hasOrderCounts()) {
                level.add(side.orders()[i]);
            }
            a.add(level);
        }
        return a;
    }

    public static JsonObject quote(long seq, Snapshot s) {
        JsonObject o = new JsonObject()
                .put("code", s.code()).put("seq", seq).put("time", s.exchangeTime())
                .put("phase", String.valueOf(s.phase().code()))
                .put("preClose", s.preClose()).put("open", s.open()).put("high", s.high()).put("low", s.low())
                .put("last", s.last()).put("volume", s.volume()).put("turnover", s.turnover())
                .put("trades", s.numTrades()).put("upper", s.upperLimit()).put("lower", s.lowerLimit())
                .put("bid", book(s.bid())).put("ask", book(s.ask()));
        if (s.openInterest() != 0 || s.preSettlement() != 0) {
            o.put("oi", s.openInterest()).put("settle", s.settlement()).put("preSettle", s.preSettlement());
        }
        o.put("source", s.source());
        return o;
    }

    public static JsonObject tick(long seq, Trade t) {
        return new JsonObject().put("code", t.code()).put("seq", seq).put("time", t.exchangeTime())
                .put("price", t.price()).put("qty", t.quantity()).put("amount", t.amount())
                .put("side", String.valueOf(t.side().flag())).put("chSeq", t.channelSeq());
    }

    public static JsonArray tickRow(TradeTape.Tick t) {
        return new JsonArray().add(t.seq()).add(t.time()).add(t.price()).add(t.quantity()).add(t.amount())
                .add(String.valueOf(t.side().flag()));
    }

    public static JsonObject bar(long seq, Bar b) {
        JsonObject o = barFields(b);
        o.put("seq", seq).put("time", b.end());
        return o;
    }

    static JsonObject barFields(Bar b) {
        return new JsonObject().put("code", b.code()).put("period", b.period().wireName())
                .put("day", b.tradingDay().toString()).put("start", b.start()).put("end", b.end())
                .put("open", b.open()).put("high", b.high()).put("low", b.low()).put("close", b.close())
                .put("volume", b.volume()).put("turnover", b.turnover()).put("oi", b.openInterest())
                .put("closed", b.closed());
    }

    /** A bar as a compact row: [end, open, high, low, close, volume, turnover, start, closed]. */
    public static JsonArray barRow(Bar b) {
        return new JsonArray().add(b.end()).add(b.open()).add(b.high()).add(b.low()).add(b.close()).add(b.volume())
                .add(b.turnover()).add(b.start()).add(b.closed());
    }

    /** A 分时 point as a row: [index, time, price, volume, turnover, avgPrice, blank]. */
    public static JsonArray minuteRow(MinutePoint p) {
        return new JsonArray().add(p.index()).add(p.time()).add(p.price()).add(p.volume()).add(p.turnover())
                .add(p.avgPrice()).add(p.blank());
    }

    public static JsonObject minute(long seq, String code, List<MinutePoint> points) {
        JsonArray rows = new JsonArray();
        points.forEach(p -> rows.add(minuteRow(p)));
        long time = points.isEmpty() ? 0 : points.get(points.size() - 1).time();
        return new JsonObject().put("code", code).put("seq", seq).put("time", time).put("points", rows);
    }

    /** A 分价 row: [price, volume, buyVolume (外盘), sellVolume (内盘), trades]. */
    public static JsonArray priceRow(PriceLevel l) {
        return new JsonArray().add(l.price()).add(l.volume()).add(l.buyVolume()).add(l.sellVolume()).add(l.trades());
    }

    public static JsonObject priceVolume(long seq, String code, long time, List<PriceLevel> rows, long dayVolume) {
        JsonArray a = new JsonArray();
        rows.forEach(l -> a.add(priceRow(l)));
        return new JsonObject().put("code", code).put("seq", seq).put("time", time).put("dayVolume", dayVolume)
                .put("rows", a);
    }
}
