package com.quotebus.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.quotebus.calculator.history.RocksHistoryStore;
import com.quotebus.cluster.InMemoryInstrumentDirectory;
import com.quotebus.core.adjust.AdjustFactor;
import com.quotebus.core.adjust.AdjustFactorTable;
import com.quotebus.core.adjust.AdjustFactors;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.indicator.Indicators;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.BarAccumulator;
import com.quotebus.core.kline.Period;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.testkit.TestInstruments;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code svc.indicator} serves the same value for a bar whatever {@code count} was asked for: every
 * indicator, default and extreme parameters, day bars (longer history than the anchor's reach), 1m bars
 * (store + in-memory ring + bar in progress) and 5m bars (shorter than the reach: the whole history),
 * with and without adjustment. OBV and CCI are also recomputed here from the stored bars, without the
 * indicator classes, from the documented anchor.
 */
class IndicatorQueryCountIndependenceTest {
    private static final String CODE = "600000.SH";
    private static final int[] COUNTS = {5, 50, 300, 1000};
    private static final int REACH = 1_250; // QueryService.MAX_COUNT + QueryService.INDICATOR_WARMUP
    /** Day bars in the store: more than the reach, so the anchor is a year's first bar. */
    private static final int STORED_DAYS = 1_700;
    /** Weekdays of stored 1m bars before the recorded day (240 a day). */
    private static final int MINUTE_DAYS = 14;
    /** Stored 5m bars: with the recorded day's, fewer than the reach, so the whole history is computed. */
    private static final int STORED_5M = 1_150;

    /** Name and parameters ({@code null}: the defaults); long windows, tiny ones, and every indicator. */
    private static final List<Object[]> SPECS = new ArrayList<>();

    static {
        for (String name : Indicators.names()) {
            SPECS.add(new Object[] {name, null});
        }
        SPECS.add(new Object[] {"MA", new int[] {5, 250, 1000}});
        SPECS.add(new Object[] {"EMA", new int[] {3, 500}});
        SPECS.add(new Object[] {"MACD", new int[] {5, 35, 5}});
        SPECS.add(new Object[] {"KDJ", new int[] {50, 5, 7}});
        SPECS.add(new Object[] {"RSI", new int[] {2, 100}});
        SPECS.add(new Object[] {"BOLL", new int[] {300, 3}});
        SPECS.add(new Object[] {"VOL", new int[] {1, 700}});
        SPECS.add(new Object[] {"BIAS", new int[] {3, 999}});
        SPECS.add(new Object[] {"WR", new int[] {1, 400}});
        SPECS.add(new Object[] {"CCI", new int[] {2}});
        SPECS.add(new Object[] {"CCI", new int[] {500}});
        SPECS.add(new Object[] {"ATR", new int[] {900}});
        SPECS.add(new Object[] {"OBV", new int[] {1}});
        SPECS.add(new Object[] {"OBV", new int[] {600}});
        SPECS.add(new Object[] {"DMI", new int[] {3, 3}});
        SPECS.add(new Object[] {"DMI", new int[] {200, 100}});
        SPECS.add(new Object[] {"SAR", new int[] {1, 3}});
        SPECS.add(new Object[] {"SAR", new int[] {20, 100}});
    }

    @TempDir
    Path dir;
    RocksHistoryStore store;
    CalculatorEngine engine;
    QueryService service;
    List<MarketEvent> day;
    final List<Bar> closedInMemory = new ArrayList<>();

    @BeforeEach
    void setUp() {
        store = RocksHistoryStore.open(dir);
        SplittableRandom random = new SplittableRandom(20261207);
        LocalDate live = CalculatorEngineTest.DAY; // 2025-03-10, a Monday
        store.putBars(dayBars(random, weekdaysBefore(live, STORED_DAYS)));
        store.putBars(intradayBars(random, Period.M1, weekdaysBefore(live, MINUTE_DAYS), Integer.MAX_VALUE));
        store.putBars(intradayBars(random, Period.M5, weekdaysBefore(live, 25), STORED_5M));
        engine = CalculatorEngineTest.engine(PushSink.NONE);
        engine.onClosedBar(b -> {
            if (b.code().equals(CODE)) {
                closedInMemory.add(b);
            }
        });
        day = CalculatorEngineTest.recordedDay();
        CalculatorEngineTest.feed(engine, day.subList(0, day.size() * 3 / 4));
        AdjustFactorTable factors = AdjustFactorTable.of(List.of(AdjustFactors.of(CODE,
                List.of(AdjustFactor.of(LocalDate.parse("2019-01-01"), "1.0"),
                        AdjustFactor.of(LocalDate.parse("2022-06-15"), "1.1"),
                        AdjustFactor.of(LocalDate.parse("2025-02-10"), "1.25")))));
        InMemoryInstrumentDirectory directory = new InMemoryInstrumentDirectory();
        directory.putAll(List.of(TestInstruments.PUFA, TestInstruments.PINGAN));
        service = new QueryService(engine, directory, code -> QueryService.Serving.LIVE, store,
                QueryServiceTest.INLINE, factors);
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    // ---- seeded history ----

    /** The {@code n} weekdays before {@code day}, oldest first. */
    private static List<LocalDate> weekdaysBefore(LocalDate day, int n) {
        List<LocalDate> days = new ArrayList<>();
        LocalDate d = day.minusDays(1);
        while (days.size() < n) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(0, d);
            }
            d = d.minusDays(1);
        }
        return days;
    }

    /**
     * A random walk on the 0.01 yuan grid near 10 yuan: unchanged closes now and then, and every 150 bars
     * a flat stretch of 20 bars with H = L = C (OBV adds nothing, CCI's window goes flat).
     */
    private static long[] nextOhlcv(SplittableRandom random, long prevClose, int index) {
        if (index % 150 >= 130) {
            return new long[] {prevClose, prevClose, prevClose, prevClose, 100 * (1 + random.nextLong(500))};
        }
        long open = prevClose + (random.nextLong(7) - 3) * 100;
        long close = random.nextInt(8) == 0 ? prevClose : Math.max(5_000, open + (random.nextLong(41) - 20) * 100);
        long high = Math.max(open, close) + random.nextLong(10) * 100;
        long low = Math.max(100, Math.min(open, close) - random.nextLong(10) * 100);
        return new long[] {open, high, low, close, 100 * (1 + random.nextLong(100_000))};
    }

    private static List<Bar> dayBars(SplittableRandom random, List<LocalDate> days) {
        List<Bar> bars = new ArrayList<>();
        long close = 100_000;
        for (int i = 0; i < days.size(); i++) {
            LocalDate d = days.get(i);
            long[] x = nextOhlcv(random, close, i);
            long end = ChinaTime.epochMillis(d, 15 * 60);
            bars.add(new Bar(CODE, Period.DAY, d, ChinaTime.epochMillis(d, 9 * 60 + 30), end, x[0], x[1], x[2], x[3],
                    x[4], x[3] * x[4] / 10_000, 0, true));
            close = x[3];
        }
        return bars;
    }

    /** A-share intraday bars (09:30–11:30, 13:00–15:00) of {@code period} on {@code days}; the newest {@code max}. */
    private static List<Bar> intradayBars(SplittableRandom random, Period period, List<LocalDate> days, int max) {
        List<Bar> bars = new ArrayList<>();
        long close = 100_000;
        int m = period.minutes();
        for (LocalDate d : days) {
            for (int session : new int[] {9 * 60 + 30, 13 * 60}) {
                for (int start = session; start < session + 120; start += m) {
                    long[] x = nextOhlcv(random, close, bars.size());
                    bars.add(new Bar(CODE, period, d, ChinaTime.epochMillis(d, start),
                            ChinaTime.epochMillis(d, start + m), x[0], x[1], x[2], x[3], x[4], x[3] * x[4] / 10_000, 0,
                            true));
                    close = x[3];
                }
            }
        }
        return bars.subList(Math.max(0, bars.size() - max), bars.size());
    }

    // ---- queries ----

    private JsonObject query(String period, Object[] spec, int count, String adjust) {
        JsonObject req = new JsonObject().put("code", CODE).put("period", period).put("name", spec[0])
                .put("count", count);
        if (spec[1] != null) {
            JsonArray params = new JsonArray();
            for (int p : (int[]) spec[1]) {
                params.add(p);
            }
            req.put("params", params);
        }
        if (adjust != null) {
            req.put("adjust", adjust);
        }
        Future<JsonObject> f = service.handle("indicator", req);
        assertThat(f.succeeded()).as(req + " failed: " + f.cause()).isTrue();
        return f.result();
    }

    /** {@code full} cut to its newest {@code count} bars: what a request for {@code count} must return. */
    private static JsonObject newest(JsonObject full, int count) {
        JsonArray ends = full.getJsonArray("ends");
        int from = ends.size() - count;
        JsonObject values = new JsonObject();
        full.getJsonObject("values").forEach(e -> values.put(e.getKey(), slice((JsonArray) e.getValue(), from)));
        return full.copy().put("ends", slice(ends, from)).put("values", values)
                .put("warmupBars", full.getInteger("warmupBars") + from);
    }

    private static JsonArray slice(JsonArray a, int from) {
        return new JsonArray(new ArrayList<>(a.getList().subList(from, a.size())));
    }

    private void assertIndependentOfCount(String period, String adjust) {
        int compared = 0;
        for (Object[] spec : SPECS) {
            JsonObject full = query(period, spec, 1000, adjust);
            assertThat(full.getJsonArray("ends")).as(period + " has 1000 bars to serve").hasSize(1000);
            for (int count : COUNTS) {
                JsonObject reply = query(period, spec, count, adjust);
                assertThat(reply).as("%s %s %s count %d", period, full.getString("spec"), adjust, count)
                        .isEqualTo(newest(full, count));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(SPECS.size() * COUNTS.length);
    }

    @Test
    void dayBarValuesDoNotDependOnCount() {
        assertIndependentOfCount("day", null);
    }

    @Test
    void forwardAdjustedDayBarValuesDoNotDependOnCount() {
        assertIndependentOfCount("day", "forward");
    }

    @Test
    void oneMinuteValuesFromStoreRingAndBarInProgressDoNotDependOnCount() {
        assertIndependentOfCount("1m", null);
    }

    @Test
    void fiveMinuteValuesOverAHistoryShorterThanTheReachDoNotDependOnCount() {
        JsonObject obv = query("5m", new Object[] {"OBV", null}, 1000, null);
        List<Bar> stored = store.bars(CODE, Period.M5, Long.MAX_VALUE, 1_000_000);
        assertThat(stored).hasSize(STORED_5M);
        assertThat(obv.getLong("anchor")).as("5m: the whole history is computed").isEqualTo(stored.get(0).end());
        assertThat(obv.getInteger("warmupBars")).isBetween(STORED_5M - 1000, REACH - 1000);
        assertIndependentOfCount("5m", null);
    }

    /** A bar's value stays put as new bars arrive, while the anchor does not move (here: within its week). */
    @Test
    void servedValuesOfClosedBarsStayPutAsTheDayGoesOn() {
        List<JsonObject> before = new ArrayList<>();
        for (Object[] spec : SPECS) {
            before.add(query("1m", spec, 1000, null));
        }
        BarAccumulator current = engine.symbol(CODE).bar(Period.M1);
        int inProgress = current.hasData() && !current.isClosed() ? 1 : 0;
        CalculatorEngineTest.feed(engine, day.subList(day.size() * 3 / 4, day.size()));
        for (int s = 0; s < SPECS.size(); s++) {
            JsonObject earlier = before.get(s);
            JsonObject later = query("1m", SPECS.get(s), 1000, null);
            assertThat(later.getLong("anchor")).isEqualTo(earlier.getLong("anchor"));
            JsonArray earlierEnds = earlier.getJsonArray("ends");
            int lastClosed = earlierEnds.size() - 1 - inProgress;
            // Index i earlier is index i - shift later: newer bars came, the oldest returned ones fell off.
            int shift = lastClosed - later.getJsonArray("ends").getList().indexOf(earlierEnds.getLong(lastClosed));
            assertThat(shift).as("the day went on").isBetween(30, lastClosed);
            for (String output : earlier.getJsonObject("values").fieldNames()) {
                JsonArray a = earlier.getJsonObject("values").getJsonArray(output);
                JsonArray b = later.getJsonObject("values").getJsonArray(output);
                for (int i = shift; i <= lastClosed; i++) {
                    assertThat(b.getValue(i - shift)).as("%s %s end %d", earlier.getString("spec"), output,
                            earlierEnds.getLong(i)).isEqualTo(a.getValue(i));
                }
            }
        }
    }

    // ---- independent recomputation (no indicator classes) ----

    /** Every bar of the series the service sees, oldest first: store, closed in memory, in progress. */
    private List<Bar> allBars(Period period) {
        List<Bar> all = new ArrayList<>(store.bars(CODE, period, Long.MAX_VALUE, 1_000_000));
        long storedUntil = all.isEmpty() ? Long.MIN_VALUE : all.get(all.size() - 1).end();
        closedInMemory.stream().filter(b -> b.period() == period && b.end() > storedUntil).forEach(all::add);
        BarAccumulator current = engine.symbol(CODE).bar(period);
        if (current.hasData() && !current.isClosed()) {
            all.add(current.toBar());
        }
        all.sort(Comparator.comparingLong(Bar::end));
        return all;
    }

    /** The documented anchor, worked out here: the first bar of the block (week / year) of the reach-th newest. */
    private static int anchorOf(List<Bar> all, Period period) {
        if (all.size() <= REACH) {
            return 0;
        }
        LocalDate reachDay = all.get(all.size() - REACH).tradingDay();
        LocalDate from = period.isIntraday() ? reachDay.minusDays(reachDay.getDayOfWeek().getValue() - 1)
                : LocalDate.of(reachDay.getYear(), 1, 1);
        int i = 0;
        while (all.get(i).tradingDay().isBefore(from)) {
            i++;
        }
        return i;
    }

    @Test
    void obvAndMaobvEqualARunningSumFromTheDocumentedAnchor() {
        for (Period period : new Period[] {Period.DAY, Period.M1, Period.M5}) {
            List<Bar> all = allBars(period);
            int anchor = anchorOf(all, period);
            List<Bar> series = all.subList(anchor, all.size());
            for (int m : new int[] {30, 1, 600}) {
                JsonObject reply = query(period.wireName(), new Object[] {"OBV", new int[] {m}}, 1000, null);
                assertThat(reply.getLong("anchor")).as(period + " anchor").isEqualTo(series.get(0).end());
                long[] obv = new long[series.size()];
                for (int i = 1; i < series.size(); i++) {
                    long c = series.get(i).close();
                    long prev = series.get(i - 1).close();
                    obv[i] = obv[i - 1] + (c > prev ? series.get(i).volume() : c < prev ? -series.get(i).volume() : 0);
                }
                JsonArray served = reply.getJsonObject("values").getJsonArray("OBV");
                JsonArray servedMa = reply.getJsonObject("values").getJsonArray("MAOBV");
                int offset = series.size() - served.size();
                for (int k = 0; k < served.size(); k++) {
                    int i = offset + k;
                    assertThat(served.getDouble(k)).as("%s OBV bar %d", period, i).isEqualTo((double) obv[i]);
                    if (i + 1 < m) {
                        assertThat(servedMa.getValue(k)).as("%s MAOBV(%d) bar %d", period, m, i).isNull();
                    } else {
                        long sum = 0;
                        for (int j = i - m + 1; j <= i; j++) {
                            sum += obv[j];
                        }
                        assertThat(servedMa.getDouble(k)).as("%s MAOBV(%d) bar %d", period, m, i)
                                .isCloseTo(sum / (double) m, within(1e-9 * Math.max(1, Math.abs(sum / (double) m))));
                    }
                }
            }
        }
    }

    @Test
    void cciEqualsAnExactDecimalComputationAndIsZeroOnEveryFlatWindow() {
        MathContext mc = MathContext.DECIMAL128;
        BigDecimal k = new BigDecimal("0.015");
        for (Period period : new Period[] {Period.DAY, Period.M1}) {
            List<Bar> all = allBars(period);
            List<Bar> series = all.subList(anchorOf(all, period), all.size());
            for (int n : new int[] {14, 5, 2}) {
                JsonArray served = query(period.wireName(), new Object[] {"CCI", new int[] {n}}, 1000, null)
                        .getJsonObject("values").getJsonArray("CCI");
                int offset = series.size() - served.size();
                int flat = 0;
                for (int kIdx = 0; kIdx < served.size(); kIdx++) {
                    int i = offset + kIdx;
                    if (i + 1 < n) {
                        assertThat(served.getValue(kIdx)).isNull();
                        continue;
                    }
                    // TYP·3 = H+L+C; the factor 3 cancels between the deviation and the mean deviation.
                    BigDecimal sum = BigDecimal.ZERO;
                    for (int j = i - n + 1; j <= i; j++) {
                        sum = sum.add(typ3(series.get(j)));
                    }
                    BigDecimal mean = sum.divide(BigDecimal.valueOf(n), mc);
                    BigDecimal dev = BigDecimal.ZERO;
                    for (int j = i - n + 1; j <= i; j++) {
                        dev = dev.add(typ3(series.get(j)).subtract(mean).abs());
                    }
                    BigDecimal meanDev = dev.divide(BigDecimal.valueOf(n), mc);
                    String at = period + " CCI(" + n + ") bar " + i;
                    if (meanDev.signum() == 0) {
                        flat++;
                        assertThat(served.getDouble(kIdx)).as(at + " (flat window)").isEqualTo(0.0);
                    } else {
                        double expected = typ3(series.get(i)).subtract(mean).divide(k.multiply(meanDev), mc)
                                .doubleValue();
                        assertThat(served.getDouble(kIdx)).as(at)
                                .isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
                    }
                }
                assertThat(flat).as(period + " CCI(" + n + ") flat windows among the served bars").isPositive();
            }
        }
    }

    private static BigDecimal typ3(Bar b) {
        return BigDecimal.valueOf(b.high() + b.low() + b.close());
    }
}
