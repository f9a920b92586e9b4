package com.quotebus.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.quotebus.calculator.CalculatorEngine;
import com.quotebus.calculator.CalculatorLimits;
import com.quotebus.calculator.PushSink;
import com.quotebus.calculator.QueryService;
import com.quotebus.calculator.history.RocksHistoryStore;
import com.quotebus.cluster.InMemoryInstrumentDirectory;
import com.quotebus.collector.sim.DailyHistory;
import com.quotebus.collector.sim.SimSymbol;
import com.quotebus.collector.sim.SimUniverse;
import com.quotebus.collector.sim.SimulatorConfig;
import com.quotebus.core.adjust.CorporateAction;
import com.quotebus.core.instrument.Instrument;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import com.quotebus.core.market.BarSource;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingSchedules;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated market's seeded history with its corporate actions, served by {@code svc.kline} and
 * {@code svc.indicator} with the factor table the node loads from the store, against the adjustment recomputed
 * independently ({@link IndependentAdjustment}) from the raw stored bars and the announced actions.
 */
class AdjustedSimulatedHistoryServedTest {
    static final TradingCalendar CALENDAR = TradingCalendar.loadDefault();
    static final SimulatorConfig CONFIG = SimulatorConfig.DEFAULT.withStocks(40);
    static final LocalDate LIVE = LocalDate.parse("2026-03-02");

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

    @TempDir
    Path dir;
    RocksHistoryStore store;
    QueryService service;
    SimUniverse universe;
    DailyHistory daily;

    @BeforeEach
    void seedAndServe() {
        universe = new SimUniverse(CONFIG);
        daily = new DailyHistory(CONFIG.seed(), universe, CALENDAR, LIVE);
        store = RocksHistoryStore.open(dir);
        new SimulatedHistorySeeder(universe, daily, new TradingSchedules(CALENDAR), store, CONFIG.seed())
                .seed(LIVE, 0, m -> {});
        CalculatorEngine engine = new CalculatorEngine(new TradingSchedules(CALENDAR), BarSource.TRADES,
                CalculatorLimits.defaults(), PushSink.NONE);
        InMemoryInstrumentDirectory directory = new InMemoryInstrumentDirectory();
        List<Instrument> instruments = new ArrayList<>();
        for (SimSymbol s : universe.symbols()) {
            Instrument i = s.instrument(daily.day(s, LIVE).preClose());
            instruments.add(i);
            engine.addInstrument(i);
        }
        directory.putAll(instruments);
        // as the node does at start: the table from the store
        service = new QueryService(engine, directory, code -> QueryService.Serving.LIVE, store, INLINE,
                store.adjustFactorTable());
    }

    @AfterEach
    void close() {
        store.close();
    }

    private JsonObject ok(String svc, JsonObject req) {
        Future<JsonObject> f = service.handle(svc, req);
        assertThat(f.succeeded()).as(svc + " " + req + " failed: " + f.cause()).isTrue();
        return f.result();
    }

    private JsonArray kline(String code, Period period, String adjust) {
        JsonObject r = ok("kline", new JsonObject().put("code", code).put("period", period.wireName())
                .put("count", 1000).put("adjust", adjust));
        assertThat(r.getString("adjust")).isEqualTo(adjust);
        return r.getJsonArray("bars");
    }

    private static JsonArray rows(List<Bar> bars) {
        JsonArray rows = new JsonArray();
        for (Bar b : bars) {
            rows.add(new JsonArray().add(b.end()).add(b.open()).add(b.high()).add(b.low()).add(b.close())
                    .add(b.volume()).add(b.turnover()).add(b.start()).add(b.closed()));
        }
        return rows;
    }

    private SimSymbol symbolWithBonusShares() {
        for (SimSymbol s : universe.symbols()) {
            if (daily.corporateActions(s, LIVE).stream().anyMatch(a -> a.bonus().signum() > 0)) {
                return s;
            }
        }
        throw new AssertionError("no symbol with bonus shares in the seeded history");
    }

    @Test
    void servedDayAndWeekBarsEqualTheIndependentAdjustmentOfTheRawHistory() {
        int checked = 0;
        for (SimSymbol s : universe.symbols()) {
            List<CorporateAction> actions = daily.corporateActions(s, LIVE);
            if (actions.isEmpty()) {
                continue;
            }
            checked++;
            String code = s.codeText();
            List<Bar> rawDays = store.bars(code, Period.DAY, Long.MAX_VALUE, 1000);
            List<Bar> rawWeeks = store.bars(code, Period.WEEK, Long.MAX_VALUE, 1000);
            assertThat(rawDays).hasSizeGreaterThan(500);
            TreeMap<LocalDate, BigDecimal> factors = IndependentAdjustment.factors(daily.anchor(), rawDays, actions,
                    s.tick());
            List<Bar> forwardDays = IndependentAdjustment.days(rawDays, factors, true);
            List<Bar> backwardDays = IndependentAdjustment.days(rawDays, factors, false);

            assertThat(kline(code, Period.DAY, "none")).isEqualTo(rows(rawDays));
            assertThat(kline(code, Period.DAY, "forward")).as(code).isEqualTo(rows(forwardDays));
            assertThat(kline(code, Period.DAY, "backward")).as(code).isEqualTo(rows(backwardDays));
            assertThat(kline(code, Period.WEEK, "forward")).as(code).isEqualTo(rows(rawWeeks.stream()
                    .map(w -> IndependentAdjustment.aggregate(w, forwardDays)).toList()));
            assertThat(kline(code, Period.WEEK, "backward")).as(code).isEqualTo(rows(rawWeeks.stream()
                    .map(w -> IndependentAdjustment.aggregate(w, backwardDays)).toList()));

            // the conventions: forward leaves the latest prices as traded, backward the first ones
            assertThat(forwardDays.get(forwardDays.size() - 1)).isEqualTo(rawDays.get(rawDays.size() - 1));
            assertThat(backwardDays.get(0)).isEqualTo(rawDays.get(0));
        }
        assertThat(checked).isEqualTo(3);
    }

    @Test
    void forwardAdjustmentRemovesTheJumpOfBonusShares() {
        SimSymbol s = symbolWithBonusShares();
        CorporateAction bonus = daily.corporateActions(s, LIVE).stream().filter(a -> a.bonus().signum() > 0)
                .findFirst().orElseThrow();
        JsonArray raw = kline(s.codeText(), Period.DAY, "none");
        JsonArray fwd = kline(s.codeText(), Period.DAY, "forward");
        List<Bar> rawDays = store.bars(s.codeText(), Period.DAY, Long.MAX_VALUE, 1000);
        assertThat(raw).hasSameSizeAs(rawDays);
        int ex = 0;
        while (!rawDays.get(ex).tradingDay().equals(bonus.exDate())) {
            ex++;
        }
        assertThat(ex).isPositive();
        double rawRatio = raw.getJsonArray(ex).getLong(4) / (double) raw.getJsonArray(ex - 1).getLong(4);
        double fwdRatio = fwd.getJsonArray(ex).getLong(4) / (double) fwd.getJsonArray(ex - 1).getLong(4);
        assertThat(rawRatio).as("raw: the price jumps down on the ex-date").isLessThan(0.8);
        assertThat(fwdRatio).as("forward-adjusted: an ordinary day's move").isBetween(0.8, 1.25);
    }

    @Test
    void indicatorsAreComputedOverTheAdjustedBars() {
        SimSymbol s = symbolWithBonusShares();
        String code = s.codeText();
        List<Bar> rawDays = store.bars(code, Period.DAY, Long.MAX_VALUE, 1000);
        TreeMap<LocalDate, BigDecimal> factors = IndependentAdjustment.factors(daily.anchor(), rawDays,
                daily.corporateActions(s, LIVE), s.tick());
        for (String adjust : List.of("forward", "backward")) {
            List<Bar> adjusted = IndependentAdjustment.days(rawDays, factors, adjust.equals("forward"));
            JsonObject r = ok("indicator", new JsonObject().put("code", code).put("period", "day").put("name", "MA")
                    .put("params", new JsonArray().add(5)).put("count", 300).put("adjust", adjust));
            assertThat(r.getString("adjust")).isEqualTo(adjust);
            JsonArray ma5 = r.getJsonObject("values").getJsonArray("MA5");
            JsonArray ends = r.getJsonArray("ends");
            assertThat(ma5).hasSize(300);
            for (int i = 0; i < 300; i++) {
                int bar = adjusted.size() - 300 + i;
                assertThat(ends.getLong(i)).isEqualTo(adjusted.get(bar).end());
                double mean = 0;
                for (int k = bar - 4; k <= bar; k++) {
                    mean += adjusted.get(k).close() / 10_000.0 / 5;
                }
                assertThat(ma5.getDouble(i)).as("%s MA5 at %d", adjust, bar).isCloseTo(mean, within(1e-9));
            }
        }
    }
}
