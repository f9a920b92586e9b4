package com.quotebus.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.calculator.history.RocksHistoryStore;
import com.quotebus.cluster.InMemoryInstrumentDirectory;
import com.quotebus.core.adjust.AdjustFactor;
import com.quotebus.core.adjust.AdjustFactorTable;
import com.quotebus.core.adjust.AdjustFactors;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.testkit.TestInstruments;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QueryServiceTest {
    @TempDir
    Path dir;
    RocksHistoryStore store;
    CalculatorEngine engine;
    QueryService service;
    final List<Bar> written = new ArrayList<>();

    static final QueryService.BlockingReads INLINE = new QueryService.BlockingReads() {
        @Override
        public <T> Future<T> run(Callable<T> read) {
            try {
                return Future.succeededFuture(read.call());
            } catch (Exception e) {
                return Future.failedFuture(e);
            }
        }
    };

    @BeforeEach
    void setUp() {
        store = RocksHistoryStore.open(dir);
        engine = CalculatorEngineTest.engine(PushSink.NONE);
        engine.onClosedBar(written::add);
        // 30 older day bars in the store only
        List<Bar> older = new ArrayList<>();
        LocalDate d = LocalDate.parse("2025-01-10"); // 30 trading days end on 2025-02-28
        for (int i = 0; i < 30; i++) {
            long end = ChinaTime.epochMillis(d, 15 * 60);
            older.add(new Bar("600000.SH", Period.DAY, d, end - 5 * 3_600_000L, end, 100_000 + i, 101_000 + i,
                    99_000 + i, 100_500 + i, 1_000_000, 100_000_000_000L, 0, true));
            d = CalculatorEngineTest.CALENDAR.nextTradingDay(d);
        }
        store.putBars(older);
        List<MarketEvent> day = CalculatorEngineTest.recordedDay();
        CalculatorEngineTest.feed(engine, day.subList(0, day.size() * 3 / 4));
        AdjustFactorTable factors = AdjustFactorTable.of(List.of(AdjustFactors.of("600000.SH",
                List.of(AdjustFactor.of(LocalDate.parse("2020-01-01"), "1.0"),
                        AdjustFactor.of(LocalDate.parse("2025-02-10"), "1.25")))));
        InMemoryInstrumentDirectory directory = new InMemoryInstrumentDirectory();
        directory.putAll(List.of(TestInstruments.PUFA, TestInstruments.PINGAN, TestInstruments.REBAR));
        service = new QueryService(engine, directory, code -> code.equals("rb2505.SHF") ? QueryService.Serving.NOT_OWNED
                : QueryService.Serving.LIVE, store, INLINE, factors);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    private JsonObject ok(String svc, JsonObject req) {
        Future<JsonObject> f = service.handle(svc, req);
        assertThat(f.succeeded()).as(svc + " " + req + " failed: " + f.cause()).isTrue();
        return f.result();
    }

    private String error(String svc, Object req) {
        Future<JsonObject> f = service.handle(svc, req);
        assertThat(f.failed()).as(svc + " " + req + " should fail").isTrue();
        QueryError.QueryException e = (QueryError.QueryException) f.cause();
        assertThat(e.getMessage()).startsWith(e.error().wireName() + ": ");
        return e.error().wireName() + "/" + e.error().code();
    }

    @Test
    void everyBadRequestGetsItsDocumentedErrorCode() {
        assertThat(error("kline", new JsonArray())).isEqualTo("bad_request/400");
        assertThat(error("kline", new JsonObject().put("period", "1m"))).isEqualTo("bad_request/400");
        assertThat(error("kline", new JsonObject().put("code", 600000).put("period", "1m"))).isEqualTo("bad_request/400");
        assertThat(error("kline", new JsonObject().put("code", "999999.SH").put("period", "1m")))
                .isEqualTo("unknown_code/404");
        assertThat(error("kline", new JsonObject().put("code", "600000.SH").put("period", "2m")))
                .isEqualTo("bad_period/410");
        assertThat(error("kline", new JsonObject().put("code", "600000.SH").put("period", "1m").put("count", 0)))
                .isEqualTo("count_out_of_range/411");
        assertThat(error("kline", new JsonObject().put("code", "600000.SH").put("period", "1m").put("count", 1.5)))
                .isEqualTo("bad_request/400");
        assertThat(error("kline", new JsonObject().put("code", "600000.SH").put("period", "1m").put("adjust", "x")))
                .isEqualTo("bad_parameter/413");
        assertThat(error("kline", new JsonObject().put("code", "rb2505.SHF").put("period", "1m")))
                .isEqualTo("unavailable/503");
        assertThat(error("indicator", new JsonObject().put("code", "600000.SH").put("period", "day")
                .put("name", "FOO"))).isEqualTo("unknown_indicator/412");
        assertThat(error("indicator", new JsonObject().put("code", "600000.SH").put("period", "day")
                .put("name", "MACD").put("params", new JsonArray().add(26).add(12).add(9))))
                .isEqualTo("bad_parameter/413");
        assertThat(error("indicator", new JsonObject().put("code", "600000.SH").put("period", "day")
                .put("name", "MA").put("params", "5"))).isEqualTo("bad_request/400");
        assertThat(error("snapshot", new JsonObject().put("codes", "600000.SH"))).isEqualTo("bad_request/400");
        assertThat(error("snapshot", new JsonObject().put("codes", new JsonArray()))).isEqualTo("count_out_of_range/411");
        assertThat(error("snapshot", new JsonObject().put("codes", new JsonArray().add("600000.SH").add("1.XX"))))
                .isEqualTo("unknown_code/404");
        assertThat(error("minute", new JsonObject().put("code", "600000.SH").put("date", "2025-13-01")))
                .isEqualTo("bad_parameter/413");
        assertThat(error("ticks", new JsonObject().put("code", "600000.SH").put("count", 5000)))
                .isEqualTo("count_out_of_range/411");
        assertThat(error("instruments", new JsonObject().put("market", "XX"))).isEqualTo("bad_parameter/413");
        assertThat(error("nosuch", new JsonObject())).isEqualTo("bad_request/400");
    }

    @Test
    void klineQueryJoinsStoreRingAndTheBarInProgressOldestFirst() {
        JsonObject r = ok("kline", new JsonObject().put("code", "600000.SH").put("period", "day").put("count", 10));
        JsonArray bars = r.getJsonArray("bars");
        assertThat(bars).hasSize(10);
        JsonArray last = bars.getJsonArray(9);
        assertThat(last.getBoolean(8)).as("the bar in progress is last").isFalse();
        assertThat(bars.getJsonArray(8).getBoolean(8)).isTrue();
        for (int i = 1; i < bars.size(); i++) {
            assertThat(bars.getJsonArray(i).getLong(0)).isGreaterThan(bars.getJsonArray(i - 1).getLong(0));
        }
        JsonObject oneMinute = ok("kline", new JsonObject().put("code", "600000.SH").put("period", "1m")
                .put("count", 5));
        List<Bar> closed1m = written.stream().filter(b -> b.code().equals("600000.SH") && b.period() == Period.M1)
                .toList();
        JsonArray rows = oneMinute.getJsonArray("bars");
        assertThat(rows).hasSize(5);
        assertThat(rows.getJsonArray(3)).isEqualTo(JsonViews.barRow(closed1m.get(closed1m.size() - 1)));
    }

    @Test
    void forwardAdjustmentScalesHistoryBeforeTheLatestFactor() {
        JsonObject none = ok("kline", new JsonObject().put("code", "600000.SH").put("period", "day").put("count", 40));
        JsonObject fwd = ok("kline", new JsonObject().put("code", "600000.SH").put("period", "day").put("count", 40)
                .put("adjust", "forward"));
        assertThat(fwd.getString("adjust")).isEqualTo("forward");
        // 2025-01-10 is before the 1.25 factor: forward-adjusted close = close × 1.0 / 1.25
        long raw = none.getJsonArray("bars").getJsonArray(0).getLong(4);
        assertThat(fwd.getJsonArray("bars").getJsonArray(0).getLong(4)).isEqualTo(Math.round(raw / 1.25));
        // today's bar is after the last factor: unchanged
        assertThat(fwd.getJsonArray("bars").getJsonArray(30).getLong(4))
                .isEqualTo(none.getJsonArray("bars").getJsonArray(30).getLong(4));
    }

    @Test
    void minuteTicksPriceVolumeSnapshotAndIndicatorAnswerFromLiveState() {
        JsonObject minute = ok("minute", new JsonObject().put("code", "600000.SH"));
        assertThat(minute.getInteger("size")).isEqualTo(241);
        assertThat(minute.getJsonArray("points").size()).isBetween(100, 241);

        JsonObject ticks = ok("ticks", new JsonObject().put("code", "600000.SH").put("count", 10));
        JsonArray t = ticks.getJsonArray("ticks");
        assertThat(t).hasSize(10);
        long lastSeq = t.getJsonArray(9).getLong(0);
        assertThat(lastSeq).isEqualTo(ticks.getLong("seq"));
        JsonObject page = ok("ticks", new JsonObject().put("code", "600000.SH").put("count", 10)
                .put("beforeSeq", t.getJsonArray(0).getLong(0)));
        assertThat(page.getJsonArray("ticks").getJsonArray(9).getLong(0)).isEqualTo(t.getJsonArray(0).getLong(0) - 1);

        JsonObject pv = ok("pricevol", new JsonObject().put("code", "600000.SH"));
        long sum = 0;
        for (int i = 0; i < pv.getJsonArray("rows").size(); i++) {
            sum += pv.getJsonArray("rows").getJsonArray(i).getLong(1);
        }
        assertThat(sum).isEqualTo(pv.getLong("dayVolume"));
        assertThat(sum).isEqualTo(engine.symbol("600000.SH").bar(Period.DAY).volume());

        JsonObject snap = ok("snapshot", new JsonObject().put("codes", new JsonArray().add("600000.SH")
                .add("000001.SZ").add("rb2505.SHF")));
        assertThat(snap.getJsonArray("quotes")).hasSize(2); // rb2505.SHF is another instance's

        JsonObject macd = ok("indicator", new JsonObject().put("code", "600000.SH").put("period", "1m")
                .put("name", "macd").put("count", 20));
        assertThat(macd.getString("spec")).isEqualTo("MACD(12,26,9)");
        assertThat(macd.getString("convention")).isNotBlank();
        assertThat(macd.getJsonObject("values").getJsonArray("DIF")).hasSize(20);
        assertThat(macd.getJsonArray("ends")).hasSize(20);

        JsonObject list = ok("instruments", new JsonObject().put("market", "SZ"));
        assertThat(list.getJsonArray("instruments")).hasSize(1);
    }

    @Test
    void lastGivesTheCurrentValueOfALastValueAddressWithItsSeq() {
        JsonObject minute = ok("last", new JsonObject().put("address", "minute.600000.SH"));
        assertThat(minute.getLong("seq")).isEqualTo(engine.minuteSeq("600000.SH"));
        assertThat(minute.getJsonArray("points")).hasSize(engine.symbol("600000.SH").minuteLine().points().size());
        JsonObject bar = ok("last", new JsonObject().put("address", "kline.5m.600000.SH"));
        assertThat(bar.getBoolean("closed")).isFalse();
        assertThat(bar.getLong("seq")).isEqualTo(engine.klineSeq("600000.SH", Period.M5));
        JsonObject pv = ok("last", new JsonObject().put("address", "pricevol.600000.SH"));
        assertThat(pv.getJsonArray("rows")).hasSize(engine.symbol("600000.SH").priceVolume().levels().size());
        assertThat(error("last", new JsonObject().put("address", "tick.600000.SH"))).isEqualTo("bad_request/400");
        assertThat(error("last", new JsonObject().put("address", "kline.2m.600000.SH"))).isEqualTo("bad_period/410");
        assertThat(error("last", new JsonObject().put("address", "quote.999999.SH"))).isEqualTo("unknown_code/404");
    }

    @Test
    void snapshotLeavesOutACodeNotTradedYetToday() {
        CalculatorEngine fresh = CalculatorEngineTest.engine(PushSink.NONE);
        List<MarketEvent> day = CalculatorEngineTest.recordedDay();
        MarketEvent first = day.get(0);
        // a pre-open snapshot of 000001.SZ: book and preClose, no trade (last 0, volume 0)
        fresh.apply(com.quotebus.collector.TestEvents.snapshot("000001.SZ", first.exchangeTime(), 0, 0));
        CalculatorEngineTest.feed(fresh, day.stream().filter(e -> e.code().equals("600000.SH")).toList());
        InMemoryInstrumentDirectory directory = new InMemoryInstrumentDirectory();
        directory.putAll(List.of(TestInstruments.PUFA, TestInstruments.PINGAN));
        QueryService q = new QueryService(fresh, directory, code -> QueryService.Serving.LIVE, store, INLINE,
                AdjustFactorTable.of(List.of()));
        Future<JsonObject> f = q.handle("snapshot", new JsonObject().put("codes", new JsonArray().add("600000.SH")
                .add("000001.SZ")));
        assertThat(f.succeeded()).as("snapshot failed: " + f.cause()).isTrue();
        JsonArray quotes = f.result().getJsonArray("quotes");
        assertThat(quotes).hasSize(1);
        assertThat(quotes.getJsonObject(0).getString("code")).isEqualTo("600000.SH");
        assertThat(quotes.getJsonObject(0).getLong("last")).isPositive();
    }
}
