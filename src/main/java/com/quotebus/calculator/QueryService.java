package com.quotebus.calculator;

import static com.quotebus.calculator.QueryError.BAD_PARAMETER;
import static com.quotebus.calculator.QueryError.BAD_PERIOD;
import static com.quotebus.calculator.QueryError.BAD_REQUEST;
import static com.quotebus.calculator.QueryError.COUNT_OUT_OF_RANGE;
import static com.quotebus.calculator.QueryError.UNKNOWN_CODE;

import com.quotebus.calculator.history.BarRing;
import com.quotebus.calculator.history.HistoryStore;
import com.quotebus.calculator.history.TradeTape;
import com.quotebus.cluster.InstrumentDirectory;
import com.quotebus.core.adjust.AdjustFactorTable;
import com.quotebus.core.adjust.AdjustFactors;
import com.quotebus.core.adjust.Adjustment;
import com.quotebus.core.indicator.Indicator;
import com.quotebus.core.indicator.IndicatorAnchor;
import com.quotebus.core.indicator.IndicatorSeries;
import com.quotebus.core.indicator.Indicators;
import com.quotebus.core.instrument.Instrument;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.BarAccumulator;
import com.quotebus.core.kline.Period;
import com.quotebus.core.market.SymbolState;
import com.quotebus.core.minute.MinuteLine;
import com.quotebus.core.minute.MinutePoint;
import com.quotebus.core.pricevol.PriceLevel;
import com.quotebus.core.pricevol.PriceVolumeTable;
import com.quotebus.core.time.ChinaTime;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Answers the {@code svc.*} queries from the engine's state, the in-memory rings and the history store.
 * Runs on the engine's event loop; store reads go through {@link BlockingReads} (a worker), never on
 * the loop. Every bad request fails with a {@link QueryError}; nothing here throws anything else.
 */
public final class QueryService {
    /** Services this class answers: the names after {@code svc.}. */
    public static final List<String> SERVICES =
            List.of("snapshot", "kline", "minute", "ticks", "pricevol", "indicator", "instruments", "last");
    public static final int MAX_CODES = 500;
    public static final int MAX_COUNT = 1000;


    /** Runs a blocking read off the event loop. */
    @FunctionalInterface
    public interface BlockingReads {
        <T> Future<T> run(Callable<T> read);
    }

    private final CalculatorEngine engine;
    private final InstrumentDirectory instruments;
    private final Ownership ownership;
    private final HistoryStore history;
    private final BlockingReads blocking;
    private final AdjustFactorTable factors;

    /** Whether this instance serves a code. */
    public enum Serving { LIVE, REBUILDING, NOT_OWNED }

    /** Which codes this instance serves (its shards). */
    @FunctionalInterface
    public interface Ownership {
        Serving of(String code);
    }

    /**
     * @param instruments every instrument of the market (not only this instance's shards)
     * @param ownership   whether this instance serves a code
     * @param history     the history store, or {@code null} (memory only)
     */
    public QueryService(CalculatorEngine engine, InstrumentDirectory instruments, Ownership ownership,
                        HistoryStore history, BlockingReads blocking, AdjustFactorTable factors) {
        this.engine = engine;
        this.instruments = instruments;
        this.ownership = ownership;
        this.history = history;
        this.blocking = blocking;
        this.factors = factors;
    }

    /** Answers one query; the future fails with a {@link QueryError.QueryException} for a bad request. */
    public Future<JsonObject> handle(String service, Object body) {
        try {
            JsonObject req = body instanceof JsonObject o ? o : body == null ? new JsonObject() : null;
            if (req == null) {
                throw BAD_REQUEST.exception("the body must be a JSON object, was " + body.getClass().getSimpleName());
            }
            return switch (service) {
                case "snapshot" -> Future.succeededFuture(snapshot(req));
                case "kline" -> kline(req);
                case "minute" -> minute(req);
                case "ticks" -> Future.succeededFuture(ticks(req));
                case "pricevol" -> Future.succeededFuture(pricevol(req));
                case "indicator" -> indicator(req);
                case "instruments" -> Future.succeededFuture(instruments(req));
                case "last" -> Future.succeededFuture(last(req));
                default -> throw BAD_REQUEST.exception("no service svc." + service + " (known: " + SERVICES + ")");
            };
        } catch (QueryError.QueryException e) {
            return Future.failedFuture(e);
        } catch (RuntimeException e) {
            return Future.failedFuture(QueryError.INTERNAL.exception(e.toString()));
        }
    }

    // ---- request parsing ----

    static String string(JsonObject req, String key, boolean required) {
        Object v = req.getValue(key);
        if (v == null) {
            if (required) {
                throw BAD_REQUEST.exception("'" + key + "' is required");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            throw BAD_REQUEST.exception("'" + key + "' must be a string, was " + v);
        }
        return s;
    }

    static int integer(JsonObject req, String key, int dflt, int min, int max) {
        Object v = req.getValue(key);
        if (v == null) {
            return dflt;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw BAD_REQUEST.exception("'" + key + "' must be an integer, was " + v);
        }
        long value = n.longValue();
        if (value < min || value > max) {
            throw COUNT_OUT_OF_RANGE.exception("'" + key + "' must be " + min + ".." + max + ", was " + value);
        }
        return (int) value;
    }

    static Long optionalLong(JsonObject req, String key) {
        Object v = req.getValue(key);
        if (v == null) {
            return null;
        }
        if (!(v instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw BAD_REQUEST.exception("'" + key + "' must be an integer, was " + v);
        }
        return n.longValue();
    }

    /** The code of the request: present, known, and owned by this instance. */
    String ownedCode(JsonObject req) {
        String code = string(req, "code", true);
        if (instruments.get(code) == null) {
            throw UNKNOWN_CODE.exception("'" + code + "' is not a known instrument");
        }
        Serving serving = ownership.of(code);
        if (serving == Serving.REBUILDING) {
            throw QueryError.UNAVAILABLE.exception("'" + code + "' is being rebuilt from the journal; retry shortly");
        }
        if (serving != Serving.LIVE || engine.symbol(code) == null) {
            // the gateway routes by the shard map and asks another replica; a client never sees this one
            throw QueryError.UNAVAILABLE.exception("'" + code + "' is not served by this calculator instance");
        }
        return code;
    }

    static Period period(JsonObject req) {
        String p = string(req, "period", true);
        Period period = Period.ofWireName(p);
        if (period == null) {
            throw BAD_PERIOD.exception("'" + p + "' is not a period (known: " + Period.wireNames() + ")");
        }
        return period;
    }

    // ---- services ----

    JsonObject snapshot(JsonObject req) {
        Object v = req.getValue("codes");
        if (!(v instanceof JsonArray codes)) {
            throw BAD_REQUEST.exception("'codes' must be an array of codes");
        }
        if (codes.isEmpty() || codes.size() > MAX_CODES) {
            throw COUNT_OUT_OF_RANGE.exception("'codes' must hold 1.." + MAX_CODES + " codes, held " + codes.size());
        }
        List<String> unknown = new ArrayList<>();
        JsonArray quotes = new JsonArray();
        for (Object c : codes) {
            if (!(c instanceof String code)) {
                throw BAD_REQUEST.exception("'codes' must hold strings, held " + c);
            }
            if (instruments.get(code) == null) {
                unknown.add(code);
                continue;
            }
            SymbolState s = ownership.of(code) == Serving.LIVE ? engine.symbol(code) : null;
            // Not traded yet today (no volume; last would read 0): absent, as documented (docs/protocol.md).
            if (s != null && s.snapshot() != null && s.snapshot().volume() > 0 && s.snapshot().last() > 0) {
                JsonObject q = JsonViews.quote(engine.quoteSeq(code), s.snapshot());
                if (s.phase() != null) {
                    q.put("dayPhase", s.phase().name()).put("tradingDay", s.tradingDay().toString());
                }
                quotes.add(q);
            }
        }
        if (!unknown.isEmpty()) {
            throw UNKNOWN_CODE.exception("not known instruments: " + String.join(", ", unknown));
        }
        return new JsonObject().put("quotes", quotes);
    }

    Future<JsonObject> kline(JsonObject req) {
        String code = ownedCode(req);
        Period period = period(req);
        int count = integer(req, "count", 100, 1, MAX_COUNT);
        Long end = optionalLong(req, "end");
        Adjustment mode = adjustment(req);
        return bars(code, period, count, end).compose(bars -> adjusted(code, bars, mode)).map(adjusted -> {
            JsonArray rows = new JsonArray();
            adjusted.forEach(b -> rows.add(JsonViews.barRow(b)));
            return new JsonObject().put("code", code).put("period", period.wireName())
                    .put("adjust", mode.wireName()).put("seq", engine.klineSeq(code, period))
                    .put("columns", new JsonArray(List.of("end", "open", "high", "low", "close", "volume", "turnover",
                            "start", "closed")))
                    .put("bars", rows);
        });
    }

    /**
     * The newest {@code count} bars ending at or before {@code end} (null: now, with the bar in progress),
     * oldest first: the bar in progress, then the in-memory ring, then the history store for the rest.
     */
    Future<List<Bar>> bars(String code, Period period, int count, Long end) {
        SymbolState s = engine.symbol(code);
        BarAccumulator current = s.bar(period);
        long until = end == null ? Long.MAX_VALUE : end;
        List<Bar> newest = new ArrayList<>();
        if (current.hasData() && !current.isClosed() && current.end() <= until) {
            newest.add(current.toBar());
        }
        BarRing ring = engine.ring(code, period);
        List<Bar> fromRing = ring.latest(count - newest.size(), until);
        List<Bar> result = new ArrayList<>(fromRing);
        result.addAll(newest);
        int missing = count - result.size();
        if (missing <= 0 || history == null) {
            return Future.succeededFuture(result);
        }
        long olderThan = result.isEmpty() ? until : result.get(0).end() - 1;
        return blocking.run(() -> history.bars(code, period, olderThan, missing)).map(older -> {
            List<Bar> all = new ArrayList<>(older);
            all.addAll(result);
            return all;
        });
    }

    Future<JsonObject> minute(JsonObject req) {
        String code = ownedCode(req);
        String date = string(req, "date", false);
        SymbolState s = engine.symbol(code);
        MinuteLine line = s.minuteLine();
        LocalDate day;
        try {
            day = date == null ? (line == null ? null : line.tradingDay()) : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw BAD_PARAMETER.exception("'date' must be YYYY-MM-DD, was " + date);
        }
        if (line != null && line.tradingDay().equals(day)) {
            return Future.succeededFuture(minuteReply(code, day, line.size(), line.points(), engine.minuteSeq(code)));
        }
        if (history == null || day == null) {
            return Future.succeededFuture(minuteReply(code, day, 0, List.of(), 0));
        }
        LocalDate d = day;
        return blocking.run(() -> history.minuteLine(code, d))
                .map(points -> minuteReply(code, d, points.size(), points, 0));
    }

    private static JsonObject minuteReply(String code, LocalDate day, int size, List<MinutePoint> points, long seq) {
        JsonArray rows = new JsonArray();
        points.forEach(p -> rows.add(JsonViews.minuteRow(p)));
        return new JsonObject().put("code", code).put("day", day == null ? null : day.toString()).put("size", size)
                .put("seq", seq)
                .put("columns", new JsonArray(List.of("index", "time", "price", "volume", "turnover", "avg", "blank")))
                .put("points", rows);
    }

    JsonObject ticks(JsonObject req) {
        String code = ownedCode(req);
        int count = integer(req, "count", 100, 1, MAX_COUNT);
        Long before = optionalLong(req, "beforeSeq");
        TradeTape tape = engine.tape(code);
        List<TradeTape.Tick> page = tape.page(count, before == null ? Long.MAX_VALUE : before);
        JsonArray rows = new JsonArray();
        page.forEach(t -> rows.add(JsonViews.tickRow(t)));
        return new JsonObject().put("code", code).put("seq", engine.tickSeq(code))
                .put("oldestInMemory", tape.oldestSeq())
                .put("columns", new JsonArray(List.of("seq", "time", "price", "qty", "amount", "side")))
                .put("ticks", rows);
    }

    JsonObject pricevol(JsonObject req) {
        String code = ownedCode(req);
        PriceVolumeTable pv = engine.symbol(code).priceVolume();
        JsonArray rows = new JsonArray();
        long dayVolume = 0;
        long buy = 0;
        long sell = 0;
        if (pv != null) {
            for (PriceLevel l : pv.levels()) {
                rows.add(JsonViews.priceRow(l));
            }
            dayVolume = pv.dayVolume();
            buy = pv.buyVolume();
            sell = pv.sellVolume();
        }
        return new JsonObject().put("code", code).put("seq", engine.pricevolSeq(code)).put("dayVolume", dayVolume)
                .put("buyVolume", buy).put("sellVolume", sell)
                .put("columns", new JsonArray(List.of("price", "volume", "buy", "sell", "trades")))
                .put("rows", rows);
    }

    JsonObject instruments(JsonObject req) {
        String market = string(req, "market", false);
        JsonArray list = new JsonArray();
        instruments.all().values().stream()
                .filter(i -> market == null || i.code().market().name().equals(market))
                .sorted((a, b) -> a.codeText().compareTo(b.codeText()))
                .forEach(i -> list.add(com.quotebus.cluster.InstrumentJson.toJson(i)));
        if (market != null && list.isEmpty() && com.quotebus.core.instrument.Market.ofSuffix(market) == null) {
            throw BAD_PARAMETER.exception("'" + market + "' is not a market (known: SH SZ SHF INE DCE CZC CFX GFE)");
        }
        return new JsonObject().put("instruments", list);
    }

    /**
     * {@code svc.last {address}}: the current value of a last-value push address, in the push's own body
     * shape and with its current {@code seq} — what a gateway gives a first subscriber before updates.
     * Empty object when the address has no value yet today.
     */
    JsonObject last(JsonObject req) {
        String address = string(req, "address", true);
        String[] parts = address.split("\\.", 3);
        String kind = parts[0];
        String code = kind.equals("kline") && parts.length == 3 ? parts[2]
                : address.substring(Math.min(address.length(), kind.length() + 1));
        if (!List.of("quote", "kline", "minute", "pricevol").contains(kind) || code.isEmpty()) {
            throw BAD_REQUEST.exception("'" + address + "' is not a last-value address (quote.<code>, "
                    + "kline.<period>.<code>, minute.<code>, pricevol.<code>)");
        }
        ownedCode(new JsonObject().put("code", code));
        SymbolState s = engine.symbol(code);
        switch (kind) {
            case "quote" -> {
                return s.snapshot() == null ? new JsonObject() : JsonViews.quote(engine.quoteSeq(code), s.snapshot());
            }
            case "kline" -> {
                Period period = Period.ofWireName(parts[1]);
                if (period == null) {
                    throw BAD_PERIOD.exception("'" + parts[1] + "' is not a period (known: " + Period.wireNames() + ")");
                }
                BarAccumulator b = s.bar(period);
                if (!b.hasData()) {
                    return new JsonObject();
                }
                return JsonViews.bar(engine.klineSeq(code, period), b.toBar());
            }
            case "minute" -> {
                MinuteLine line = s.minuteLine();
                return line == null || line.currentIndex() < 0 ? new JsonObject()
                        : JsonViews.minute(engine.minuteSeq(code), code, line.points());
            }
            default -> {
                PriceVolumeTable pv = s.priceVolume();
                if (pv == null || pv.dayVolume() == 0) {
                    return new JsonObject();
                }
                long time = s.snapshot() != null ? s.snapshot().exchangeTime() : 0;
                return JsonViews.priceVolume(engine.pricevolSeq(code), code, time, pv.levels(), pv.dayVolume());
            }
        }
    }

    /**
     * {@code bars} (oldest first) adjusted with the code's factors. A week-or-longer bar with an ex-date inside
     * has no single factor: it is rebuilt from its day bars, read for the span of such bars (one more read).
     */
    Future<List<Bar>> adjusted(String code, List<Bar> bars, Adjustment mode) {
        AdjustFactors f = factors.factorsOf(code);
        if (mode == Adjustment.NONE || f.size() < 2) {
            return Future.succeededFuture(f.adjust(bars, mode));
        }
        List<Bar> spanning = bars.stream().filter(f::needsDayBars).toList();
        if (spanning.isEmpty()) {
            return Future.succeededFuture(f.adjust(bars, mode));
        }
        Bar first = spanning.get(0);
        Bar last = spanning.get(spanning.size() - 1);
        // trading days ≤ calendar days: enough day bars to reach back to the first spanning bar's start
        long days = ChronoUnit.DAYS.between(ChinaTime.date(first.start()), last.tradingDay()) + 2;
        return bars(code, Period.DAY, (int) Math.min(days, MAX_ADJUST_DAYS), last.end())
                .map(dayBars -> f.adjust(bars, dayBars, mode));
    }

    /** Most day bars read to rebuild adjusted week-or-longer bars (about 40 years of trading days). */
    static final int MAX_ADJUST_DAYS = 10_000;

    static Adjustment adjustment(JsonObject req) {
        String adjust = string(req, "adjust", false);
        try {
            return adjust == null ? Adjustment.NONE : Adjustment.parse(adjust);
        } catch (IllegalArgumentException e) {
            throw BAD_PARAMETER.exception(e.getMessage());
        }
    }

    /**
     * {@code svc.indicator}: the indicator over the newest {@code count} bars, computed from a fixed anchor
     * that does not depend on {@code count} ({@link #INDICATOR_ANCHOR}; docs/indicators.md), so a bar's
     * value is the same whatever was asked for. The reply gives the anchor bar's end ({@code anchor}) and
     * how many bars were computed before the first one returned ({@code warmupBars}). The series is
     * computed on a worker: it may be a few thousand bars.
     */
    Future<JsonObject> indicator(JsonObject req) {
        String code = ownedCode(req);
        Period period = period(req);
        String name = string(req, "name", true);
        int count = integer(req, "count", 100, 1, MAX_COUNT);
        Adjustment mode = adjustment(req);
        int[] params = null;
        Object p = req.getValue("params");
        if (p != null) {
            if (!(p instanceof JsonArray arr)) {
                throw BAD_REQUEST.exception("'params' must be an array of integers");
            }
            params = new int[arr.size()];
            for (int i = 0; i < params.length; i++) {
                if (!(arr.getValue(i) instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                    throw BAD_REQUEST.exception("'params' must be an array of integers, held " + arr.getValue(i));
                }
                params[i] = n.intValue();
            }
        }
        if (!Indicators.names().contains(name.toUpperCase(java.util.Locale.ROOT))) {
            throw QueryError.UNKNOWN_INDICATOR.exception("'" + name + "' is not an indicator (known: "
                    + String.join(" ", Indicators.names()) + ")");
        }
        Indicator indicator;
        try {
            indicator = Indicators.create(name, params);
        } catch (IllegalArgumentException e) {
            throw BAD_PARAMETER.exception(e.getMessage());
        }
        return anchoredBars(code, period).compose(bars -> adjusted(code, bars, mode))
                .compose(adjusted -> blocking.run(() -> {
            IndicatorSeries series = IndicatorSeries.compute(indicator, adjusted);
            int from = Math.max(0, adjusted.size() - count);
            JsonArray ends = new JsonArray();
            for (int i = from; i < series.ends().length; i++) {
                ends.add(series.ends()[i]);
            }
            JsonObject values = new JsonObject();
            for (int o = 0; o < series.outputs().length; o++) {
                JsonArray col = new JsonArray();
                for (int i = from; i < series.ends().length; i++) {
                    double v = series.values()[o][i];
                    col.add(Double.isNaN(v) ? null : v);
                }
                values.put(series.outputs()[o], col);
            }
            return new JsonObject().put("code", code).put("period", period.wireName()).put("spec", series.spec())
                    .put("convention", series.convention()).put("adjust", mode.wireName())
                    .put("anchor", adjusted.isEmpty() ? null : adjusted.get(0).end())
                    .put("warmupBars", from).put("ends", ends).put("values", values);
        }));
    }

    /**
     * Warm-up: bars an indicator series holds before the oldest bar a reply can return ({@value #MAX_COUNT}
     * back), when the history has them.
     */
    public static final int INDICATOR_WARMUP = 250;

    /**
     * Where every {@code svc.indicator} series starts: the first bar of the calendar block (week for
     * intraday periods, year for longer ones) holding the {@value #MAX_COUNT} + {@value #INDICATOR_WARMUP}-th
     * newest bar, or the first bar held when there are fewer.
     */
    public static final IndicatorAnchor INDICATOR_ANCHOR = new IndicatorAnchor(MAX_COUNT + INDICATOR_WARMUP);

    /** Bars read per step when reading back to an indicator anchor. */
    private static final int ANCHOR_PAGE = 500;

    /** The bars of an indicator series, oldest first: from {@link #INDICATOR_ANCHOR} to the bar in progress. */
    Future<List<Bar>> anchoredBars(String code, Period period) {
        return bars(code, period, INDICATOR_ANCHOR.reach(), null).compose(newest -> {
            LocalDate from = INDICATOR_ANCHOR.holdFrom(newest);
            return from == null ? Future.succeededFuture(newest)
                    : withOlder(code, period, from, newest, IndicatorAnchor.maxBarsInBlock(period));
        }).map(all -> all.subList(INDICATOR_ANCHOR.anchorIndex(all), all.size()));
    }

    /**
     * {@code held} preceded by the older bars back past {@code from} (or to the first bar there is), read a
     * page at a time (each through {@link #bars}: the store on a worker); at most {@code budget} more bars.
     */
    private Future<List<Bar>> withOlder(String code, Period period, LocalDate from, List<Bar> held, int budget) {
        if (held.get(0).tradingDay().isBefore(from) || budget <= 0) {
            return Future.succeededFuture(held);
        }
        int page = Math.min(ANCHOR_PAGE, budget);
        return bars(code, period, page, held.get(0).end() - 1).compose(older -> {
            List<Bar> all = new ArrayList<>(older.size() + held.size());
            all.addAll(older);
            all.addAll(held);
            return older.size() < page ? Future.succeededFuture(all)
                    : withOlder(code, period, from, all, budget - older.size());
        });
    }
}
