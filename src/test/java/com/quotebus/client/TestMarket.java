package com.quotebus.client;

import com.quotebus.calculator.CalculatorEngine;
import com.quotebus.calculator.CalculatorLimits;
import com.quotebus.calculator.JsonViews;
import com.quotebus.calculator.PushSink;
import com.quotebus.calculator.QueryError;
import com.quotebus.calculator.QueryService;
import com.quotebus.cluster.InMemoryInstrumentDirectory;
import com.quotebus.core.adjust.AdjustFactorTable;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.market.BarSource;
import com.quotebus.core.minute.MinutePoint;
import com.quotebus.core.pricevol.PriceLevel;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingSchedules;
import com.quotebus.testkit.RecordedDay;
import com.quotebus.testkit.TestInstruments;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;

/**
 * The real calculator engine and query service on a local event bus, fed a seeded synthetic day of
 * 600000.SH and 000001.SZ: answers every {@code svc.*} query and publishes every push with its seq, as
 * the calculator verticle does. Tests feed events step by step; ticks can be "lost in transit" (not
 * published, still on the tape) to make gaps.
 */
public final class TestMarket {
    static final TradingCalendar CALENDAR = TradingCalendar.loadDefault();
    static final LocalDate DAY = LocalDate.parse("2025-03-10");
    public static final String PUFA = "600000.SH";

    final Vertx vertx;
    final Context context;
    public final CalculatorEngine engine;
    final QueryService service;
    private final List<MarketEvent> events;
    private int fed;
    /** Tick seqs of 600000.SH not to publish. */
    final Set<Long> lostTicks = ConcurrentHashMap.newKeySet();

    public TestMarket(Vertx vertx) {
        this.vertx = vertx;
        this.context = vertx.getOrCreateContext();
        this.events = recordedDay();
        EventBus bus = vertx.eventBus();
        PushSink sink = new PushSink() {
            @Override
            public void quote(String address, long seq, Snapshot s) {
                bus.publish(address, JsonViews.quote(seq, s));
            }

            @Override
            public void tick(String address, long seq, Trade t) {
                if (!(address.endsWith(PUFA) && lostTicks.contains(seq))) {
                    bus.publish(address, JsonViews.tick(seq, t));
                }
            }

            @Override
            public void correctedKline(String address, long seq, Bar bar) {
                bus.publish(address, JsonViews.bar(seq, bar).put("corrected", true));
            }

            @Override
            public void minute(String address, long seq, String code, List<MinutePoint> points) {
                bus.publish(address, JsonViews.minute(seq, code, points));
            }

            @Override
            public void kline(String address, long seq, Bar bar) {
                bus.publish(address, JsonViews.bar(seq, bar));
            }

            @Override
            public void priceVolume(String address, long seq, String code, long time, List<PriceLevel> changed,
                                    long dayVolume) {
                bus.publish(address, JsonViews.priceVolume(seq, code, time, changed, dayVolume));
            }
        };
        engine = new CalculatorEngine(new TradingSchedules(CALENDAR), BarSource.TRADES, CalculatorLimits.defaults(),
                sink);
        engine.addInstrument(TestInstruments.PUFA);
        engine.addInstrument(TestInstruments.PINGAN);
        InMemoryInstrumentDirectory directory = new InMemoryInstrumentDirectory();
        directory.putAll(List.of(TestInstruments.PUFA, TestInstruments.PINGAN, TestInstruments.REBAR));
        QueryService.BlockingReads inline = new QueryService.BlockingReads() {
            @Override
            public <T> Future<T> run(Callable<T> read) {
                try {
                    return Future.succeededFuture(read.call());
                } catch (Exception e) {
                    return Future.failedFuture(e);
                }
            }
        };
        service = new QueryService(engine, directory,
                code -> code.equals("rb2505.SHF") ? QueryService.Serving.NOT_OWNED : QueryService.Serving.LIVE,
                null, inline, AdjustFactorTable.of(List.of()));
        List<Future<Void>> registered = onContext(() -> {
            List<Future<Void>> done = new ArrayList<>();
            for (String name : QueryService.SERVICES) {
                done.add(bus.consumer("svc." + name, m -> service.handle(name, m.body()).onComplete(ar -> {
                    if (ar.succeeded()) {
                        m.reply(ar.result());
                    } else if (ar.cause() instanceof QueryError.QueryException qe) {
                        m.fail(qe.error().code(), qe.getMessage());
                    } else {
                        m.fail(500, "internal: " + ar.cause());
                    }
                })).completion());
            }
            return done;
        });
        registered.forEach(TestSupport::await);
    }

    static List<MarketEvent> recordedDay() {
        return RecordedDay.twoStocks(DAY, CALENDAR);
    }

    /** Runs on the market's event loop and waits for it. */
    public <T> T onContext(Callable<T> action) {
        java.util.concurrent.CompletableFuture<T> f = new java.util.concurrent.CompletableFuture<>();
        context.runOnContext(v -> {
            try {
                f.complete(action.call());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        });
        return TestSupport.await(f);
    }

    /** Applies events until 600000.SH has {@code trades} more trades; returns its tick seq after. */
    public long feedTrades(int trades) {
        return onContext(() -> {
            long target = engine.tickSeq(PUFA) + trades;
            while (engine.tickSeq(PUFA) < target && fed < events.size()) {
                MarketEvent e = events.get(fed++);
                engine.apply(e);
                engine.advanceTo(e.exchangeTime());
            }
            return engine.tickSeq(PUFA);
        });
    }

    /** Every tick of 600000.SH on the tape so far, as the client's records. */
    List<Tick> tape() {
        return onContext(() -> engine.tape(PUFA).page(1000, Long.MAX_VALUE).stream()
                .map(t -> new Tick(PUFA, t.seq(), t.time(), t.price(), t.quantity(), t.amount(),
                        String.valueOf(t.side().flag())))
                .toList());
    }
}
