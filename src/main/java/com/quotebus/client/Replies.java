package com.quotebus.client;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the JSON of pushes and replies (the calculator's shapes, docs/clients.md) into records. A body
 * of another shape gives {@link ErrorCode#BAD_REPLY} naming the address.
 */
final class Replies {
    private Replies() {
    }

    /** A parsing step that may hit a missing field or a wrong type. */
    @FunctionalInterface
    interface Parse<T> {
        T apply(JsonObject body);
    }

    static <T> T parse(String address, Object body, Parse<T> parse) {
        if (!(body instanceof JsonObject o)) {
            throw new QuotebusException(ErrorCode.BAD_REPLY, address, "expected a JSON object, got " + body);
        }
        try {
            return parse.apply(o);
        } catch (RuntimeException e) {
            throw new QuotebusException(ErrorCode.BAD_REPLY, address,
                    "unexpected reply shape (" + e + "): " + abbreviate(o.encode()));
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    private static long num(JsonObject o, String key) {
        Number n = (Number) o.getValue(key);
        if (n == null) {
            throw new IllegalArgumentException("'" + key + "' missing");
        }
        return n.longValue();
    }

    private static long num(JsonObject o, String key, long dflt) {
        Number n = (Number) o.getValue(key);
        return n == null ? dflt : n.longValue();
    }

    private static long num(JsonArray a, int i) {
        return ((Number) a.getValue(i)).longValue();
    }

    static List<BookLevel> book(JsonArray side) {
        List<BookLevel> levels = new ArrayList<>();
        if (side != null) {
            for (Object l : side) {
                JsonArray level = (JsonArray) l;
                levels.add(new BookLevel(num(level, 0), num(level, 1), level.size() > 2 ? num(level, 2) : 0));
            }
        }
        return levels;
    }

    static Quote quote(JsonObject o) {
        return new Quote(o.getString("code"), num(o, "seq", 0), num(o, "time", 0), o.getString("phase"),
                num(o, "preClose", 0), num(o, "open", 0), num(o, "high", 0), num(o, "low", 0), num(o, "last"),
                num(o, "volume", 0), num(o, "turnover", 0), num(o, "trades", 0), num(o, "upper", 0),
                num(o, "lower", 0), book(o.getJsonArray("bid")), book(o.getJsonArray("ask")));
    }

    static List<Quote> snapshot(JsonObject o) {
        List<Quote> quotes = new ArrayList<>();
        for (Object q : o.getJsonArray("quotes")) {
            quotes.add(quote((JsonObject) q));
        }
        return List.copyOf(quotes);
    }

    static Tick tick(JsonObject o) {
        return new Tick(o.getString("code"), num(o, "seq"), num(o, "time", 0), num(o, "price"), num(o, "qty"),
                num(o, "amount", 0), o.getString("side", " "));
    }

    static Tick tickRow(String code, JsonArray r) {
        return new Tick(code, num(r, 0), num(r, 1), num(r, 2), num(r, 3), num(r, 4), String.valueOf(r.getValue(5)));
    }

    static TickPage ticks(JsonObject o) {
        String code = o.getString("code");
        List<Tick> ticks = new ArrayList<>();
        for (Object r : o.getJsonArray("ticks")) {
            ticks.add(tickRow(code, (JsonArray) r));
        }
        return new TickPage(code, num(o, "seq", 0), num(o, "oldestInMemory", 0), ticks);
    }

    static KlineBar bar(JsonObject o) {
        return new KlineBar(o.getString("code"), o.getString("period"), num(o, "seq", 0), num(o, "start"),
                num(o, "end"), num(o, "open"), num(o, "high"), num(o, "low"), num(o, "close"), num(o, "volume"),
                num(o, "turnover", 0), o.getBoolean("closed", false));
    }

    static Kline kline(JsonObject o) {
        String code = o.getString("code");
        String period = o.getString("period");
        List<KlineBar> bars = new ArrayList<>();
        for (Object b : o.getJsonArray("bars")) {
            JsonArray r = (JsonArray) b;
            // [end, open, high, low, close, volume, turnover, start, closed]
            bars.add(new KlineBar(code, period, 0, num(r, 7), num(r, 0), num(r, 1), num(r, 2), num(r, 3), num(r, 4),
                    num(r, 5), num(r, 6), r.getBoolean(8)));
        }
        return new Kline(code, period, o.getString("adjust"), num(o, "seq", 0), bars);
    }

    static List<MinutePoint> minutePoints(JsonArray rows) {
        List<MinutePoint> points = new ArrayList<>();
        for (Object p : rows) {
            JsonArray r = (JsonArray) p;
            // [index, time, price, volume, turnover, avgPrice, blank]
            points.add(new MinutePoint((int) num(r, 0), num(r, 1), num(r, 2), num(r, 3), num(r, 4), num(r, 5),
                    r.getBoolean(6)));
        }
        return points;
    }

    static MinuteLine minuteLine(JsonObject o) {
        List<MinutePoint> points = minutePoints(o.getJsonArray("points"));
        return new MinuteLine(o.getString("code"), o.getString("day"), (int) num(o, "size", points.size()),
                num(o, "seq", 0), points);
    }

    static MinuteUpdate minuteUpdate(JsonObject o) {
        return new MinuteUpdate(o.getString("code"), num(o, "seq"), num(o, "time", 0),
                minutePoints(o.getJsonArray("points")));
    }

    static List<PriceLevel> priceRows(JsonArray rows) {
        List<PriceLevel> levels = new ArrayList<>();
        for (Object p : rows) {
            JsonArray r = (JsonArray) p;
            levels.add(new PriceLevel(num(r, 0), num(r, 1), num(r, 2), num(r, 3), num(r, 4)));
        }
        return levels;
    }

    static PriceVolume priceVolume(JsonObject o) {
        return new PriceVolume(o.getString("code"), num(o, "seq", 0), num(o, "dayVolume", 0),
                num(o, "buyVolume", 0), num(o, "sellVolume", 0), priceRows(o.getJsonArray("rows")));
    }

    static PriceVolumeUpdate priceVolumeUpdate(JsonObject o) {
        return new PriceVolumeUpdate(o.getString("code"), num(o, "seq"), num(o, "time", 0), num(o, "dayVolume", 0),
                priceRows(o.getJsonArray("rows")));
    }

    static IndicatorValues indicator(JsonObject o) {
        List<Long> ends = new ArrayList<>();
        for (Object e : o.getJsonArray("ends")) {
            ends.add(((Number) e).longValue());
        }
        Map<String, List<Double>> values = new LinkedHashMap<>();
        JsonObject v = o.getJsonObject("values");
        for (String name : v.fieldNames()) {
            List<Double> column = new ArrayList<>();
            for (Object x : v.getJsonArray(name)) {
                column.add(x == null ? null : ((Number) x).doubleValue());
            }
            values.put(name, column);
        }
        return new IndicatorValues(o.getString("code"), o.getString("period"), o.getString("spec"),
                o.getString("convention"), o.getString("adjust"), (int) num(o, "warmupBars", 0), ends, values);
    }

    static InstrumentInfo instrument(JsonObject o) {
        return new InstrumentInfo(o.getString("code"), o.getString("name"), o.getString("type"),
                o.getString("market"), num(o, "tick", 0), (int) num(o, "lot", 0), (int) num(o, "multiplier", 1),
                num(o, "preClose", 0), num(o, "upper", 0), num(o, "lower", 0), o.getString("session"));
    }

    static List<InstrumentInfo> instruments(JsonObject o) {
        List<InstrumentInfo> list = new ArrayList<>();
        for (Object i : o.getJsonArray("instruments")) {
            list.add(instrument((JsonObject) i));
        }
        return List.copyOf(list);
    }
}
