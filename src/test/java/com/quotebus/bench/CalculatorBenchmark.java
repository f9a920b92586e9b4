package com.quotebus.bench;

import com.quotebus.bus.EventCodecs;
import com.quotebus.calculator.CalculatorEngine;
import com.quotebus.calculator.CalculatorLimits;
import com.quotebus.calculator.CalculatorOptions;
import com.quotebus.calculator.CalculatorVerticle;
import com.quotebus.calculator.PushSink;
import com.quotebus.calculator.QueryService;
import com.quotebus.cluster.registry.InMemoryServiceRegistry;
import com.quotebus.cluster.registry.RegistryConfig;
import com.quotebus.cluster.InMemoryInstrumentDirectory;
import com.quotebus.cluster.Shards;
import com.quotebus.core.adjust.AdjustFactorTable;
import com.quotebus.core.event.BookSide;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Side;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.event.TradingPhase;
import com.quotebus.core.instrument.Code;
import com.quotebus.core.instrument.Instrument;
import com.quotebus.core.instrument.InstrumentType;
import com.quotebus.core.market.BarSource;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.ManualClock;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingSchedules;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The calculator service (issue 4): queries per second per core answered from live state —
 * {@code svc.kline} for 100 1m bars and {@code svc.snapshot} for 50 codes, including building the JSON
 * reply — and ticks per second end to end: events published on the shard addresses of a (local) event
 * bus → the calculator verticle applies them → pushes published ({@code tick.*} every trade, derived
 * views at the push cadence). Run: {@code loadtest/bench.sh CalculatorBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms3g", "-Xmx3g"})
public class CalculatorBenchmark {
    static final TradingCalendar CALENDAR = TradingCalendar.loadDefault();
    static final LocalDate DAY = LocalDate.parse("2025-03-10");

    static List<Instrument> instruments(int n) {
        List<Instrument> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new Instrument(Code.parse(String.format("%06d.SZ", i)), null, InstrumentType.STOCK, 100, 100, 1,
                    100_000, 110_000, 90_000, "CN_STOCK"));
        }
        return out;
    }

    /** A day of trades (one per symbol per 2 s) and a snapshot per symbol per 3 s, in time order. */
    static List<MarketEvent> day(List<Instrument> list, int minutes) {
        List<MarketEvent> out = new ArrayList<>();
        Random rnd = new Random(7);
        long start = ChinaTime.epochMillis(DAY, 9 * 60 + 30);
        long[] seq = new long[list.size()];
        long[] vol = new long[list.size()];
        long[] price = new long[list.size()];
        for (int i = 0; i < list.size(); i++) {
            price[i] = 100_000;
        }
        for (long t = start + 100; t < start + minutes * 60_000L; t += 1000) {
            for (int i = 0; i < list.size(); i++) {
                String code = list.get(i).codeText();
                if ((t / 1000 + i) % 2 == 0) {
                    price[i] = Math.max(90_000, Math.min(110_000, price[i] + (rnd.nextInt(5) - 2) * 100));
                    long q = (1 + rnd.nextInt(10)) * 100L;
                    vol[i] += q;
                    out.add(new Trade(code, t, price[i], q, price[i] * q, Side.BUY, 1, 0, 0, 0, ++seq[i], "b"));
                }
                if ((t / 1000 + i) % 3 == 0) {
                    BookSide bid = new BookSide(new long[] {price[i] - 100}, new long[] {500}, null);
                    BookSide ask = new BookSide(new long[] {price[i] + 100}, new long[] {500}, null);
                    out.add(new Snapshot(code, t, TradingPhase.CONTINUOUS, 100_000, 100_000, 110_000, 90_000,
                            price[i], vol[i], vol[i] * price[i], 1, 110_000, 90_000, 0, 0, 0, bid, ask, 1, 0,
                            ++seq[i], "b"));
                }
            }
        }
        return out;
    }

    /** Queries against an engine holding 40 minutes of 500 symbols. */
    @State(Scope.Thread)
    public static class Queries {
        QueryService service;
        JsonObject kline;
        JsonObject snapshot;

        @Setup
        public void setup() {
            List<Instrument> list = instruments(500);
            CalculatorEngine engine = new CalculatorEngine(new TradingSchedules(CALENDAR), BarSource.TRADES,
                    CalculatorLimits.defaults(), PushSink.NONE);
            InMemoryInstrumentDirectory dir = new InMemoryInstrumentDirectory();
            dir.putAll(list);
            list.forEach(engine::addInstrument);
            for (MarketEvent e : day(list, 150)) {
                engine.apply(e);
                engine.advanceTo(e.exchangeTime());
            }
            service = new QueryService(engine, dir, c -> QueryService.Serving.LIVE, null, null,
                    AdjustFactorTable.of(List.of()));
            kline = new JsonObject().put("code", "000007.SZ").put("period", "1m").put("count", 100);
            JsonArray codes = new JsonArray();
            for (int i = 0; i < 50; i++) {
                codes.add(list.get(i * 7).codeText());
            }
            snapshot = new JsonObject().put("codes", codes);
        }
    }

    @Benchmark
    public String kline100Bars(Queries q) {
        // encode as the reply would be on the wire
        return q.service.handle("kline", q.kline).result().encode();
    }

    @Benchmark
    public String snapshot50Codes(Queries q) {
        return q.service.handle("snapshot", q.snapshot).result().encode();
    }

    /** A calculator verticle on a local event bus, fed on its shard addresses. */
    @State(Scope.Benchmark)
    public static class EndToEnd {
        Vertx vertx;
        List<MarketEvent> events;
        int pos;
        final AtomicLong ticks = new AtomicLong();
        volatile CountDownLatch batch;

        @Setup(Level.Trial)
        public void setup() throws Exception {
            vertx = Vertx.vertx();
            EventCodecs.registerAll(vertx.eventBus());
            Shards.configure(16);
            List<Instrument> list = instruments(500);
            InMemoryInstrumentDirectory dir = new InMemoryInstrumentDirectory();
            dir.putAll(list);
            events = day(list, 90);
            ManualClock clock = new ManualClock(0);
            // a collector whose journal of the day is empty: the shards go live on the stream that follows
            vertx.eventBus().<io.vertx.core.json.JsonObject>consumer(com.quotebus.cluster.Shards.JOURNAL_REPLAY_ADDRESS,
                    m -> m.reply(io.vertx.core.buffer.Buffer.buffer(), new io.vertx.core.eventbus.DeliveryOptions()
                            .addHeader("nextPosition", "0").addHeader("endPosition", "0").addHeader("complete", "true")));
            com.quotebus.core.event.MarketTime preOpen = new com.quotebus.core.event.MarketTime(
                    ChinaTime.epochMillis(DAY, 9 * 60));
            long marketTimes = vertx.setPeriodic(20, t -> { // the collector's market time on every shard
                for (int shard = 0; shard < 16; shard++) {
                    vertx.eventBus().publish(Shards.streamAddress(shard), preOpen);
                }
            });
            CalculatorVerticle v = new CalculatorVerticle(CalculatorOptions.defaults(), "calc-bench", "n", 16, 1,
                    new com.quotebus.cluster.InMemoryShardMap(), new InMemoryServiceRegistry(RegistryConfig.DEFAULT, Clock.systemUTC()), null, dir,
                    new TradingSchedules(CALENDAR), clock, AdjustFactorTable.of(List.of()));
            await(vertx.deployVerticle(v));
            Thread.sleep(500);
            vertx.cancelTimer(marketTimes);
            // count tick pushes as a subscriber would see them
            for (Instrument i : list) {
                vertx.eventBus().localConsumer("tick." + i.codeText(), m -> {
                    ticks.incrementAndGet();
                    CountDownLatch l = batch;
                    if (l != null) {
                        l.countDown();
                    }
                });
            }
            Thread.sleep(200);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws Exception {
            await(vertx.close());
        }
    }

    static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** 10,000 events (≈ 60% trades) per invocation; waits until every trade's tick push arrived. */
    @Benchmark
    @OperationsPerInvocation(10_000)
    public long endToEndEvents(EndToEnd s) throws Exception {
        int trades = 0;
        int from = s.pos;
        if (from + 10_000 > s.events.size()) {
            throw new IllegalStateException("event tape exhausted: lengthen day()");
        }
        for (int i = from; i < from + 10_000; i++) {
            if (s.events.get(i) instanceof Trade) {
                trades++;
            }
        }
        CountDownLatch latch = new CountDownLatch(trades);
        s.batch = latch;
        for (int i = from; i < from + 10_000; i++) {
            MarketEvent e = s.events.get(i);
            s.vertx.eventBus().publish(Shards.streamAddress(Shards.shardOf(e.code(), 16)), e);
        }
        s.pos += 10_000;
        if (!latch.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("pushes missing: " + latch.getCount());
        }
        return s.ticks.get();
    }
}
