package com.quotebus.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Trade;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import com.quotebus.core.market.BarSource;
import com.quotebus.core.market.MarketListener;
import com.quotebus.core.market.MarketState;
import com.quotebus.core.market.SymbolState;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingSchedules;
import com.quotebus.testkit.RecordedDay;
import com.quotebus.testkit.TestInstruments;
import io.vertx.core.json.JsonObject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalculatorEngineTest {
    static final TradingCalendar CALENDAR = TradingCalendar.loadDefault();
    static final LocalDate DAY = LocalDate.parse("2025-03-10");

    static List<MarketEvent> recordedDay() {
        return RecordedDay.twoStocks(DAY, CALENDAR);
    }

    static CalculatorEngine engine(PushSink sink) {
        CalculatorEngine e = new CalculatorEngine(new TradingSchedules(CALENDAR), BarSource.TRADES,
                CalculatorLimits.defaults(), sink);
        e.addInstrument(TestInstruments.PUFA);
        e.addInstrument(TestInstruments.PINGAN);
        return e;
    }

    /** Feeds events the way the verticle does: the market clock follows the events, ticking every second. */
    static void feed(CalculatorEngine e, List<MarketEvent> events) {
        for (MarketEvent ev : events) {
            e.apply(ev);
            e.advanceTo(ev.exchangeTime());
        }
    }

    @Test
    void pushedClosedBarsEqualTheDomainCoresBarsAndSequencesAreContiguousPerAddress() {
        RecordingPushSink sink = new RecordingPushSink();
        CalculatorEngine e = engine(sink);
        List<MarketEvent> day = recordedDay();
        feed(e, day);
        e.advanceTo(ChinaTime.epochMillis(DAY, 15 * 60 + 10));

        // the domain core alone, fed the same events
        List<Bar> coreBars = new ArrayList<>();
        MarketState core = new MarketState(new TradingSchedules(CALENDAR), BarSource.TRADES, 2_000,
                new MarketListener() {
                    @Override
                    public void onBarClosed(SymbolState state, Bar bar) {
                        coreBars.add(bar);
                    }
                });
        core.addInstrument(TestInstruments.PUFA);
        core.addInstrument(TestInstruments.PINGAN);
        for (MarketEvent ev : day) {
            core.apply(ev);
            core.advanceTo(ev.exchangeTime());
        }
        core.advanceTo(ChinaTime.epochMillis(DAY, 15 * 60 + 10));

        for (Period p : Period.values()) {
            String address = "kline." + p.wireName() + ".600000.SH";
            List<JsonObject> closed = sink.to(address).stream().map(RecordingPushSink.Push::body)
                    .filter(b -> b.getBoolean("closed")).toList();
            List<JsonObject> expected = coreBars.stream()
                    .filter(b -> b.code().equals("600000.SH") && b.period() == p)
                    .map(b -> JsonViews.barFields(b)).toList();
            assertThat(closed.stream().map(b -> b.copy().put("seq", 0).put("time", 0)).toList())
                    .as(address).isEqualTo(expected.stream().map(b -> b.copy().put("seq", 0).put("time", 0)).toList());
        }
        for (String address : List.of("quote.600000.SH", "tick.600000.SH", "minute.600000.SH", "pricevol.600000.SH",
                "kline.1m.600000.SH", "kline.day.000001.SZ")) {
            List<Long> seqs = sink.to(address).stream().map(p -> p.body().getLong("seq")).toList();
            assertThat(seqs).as(address).isNotEmpty();
            for (int i = 0; i < seqs.size(); i++) {
                assertThat(seqs.get(i)).as(address + " #" + i).isEqualTo(i + 1L);
            }
        }
        long trades = day.stream().filter(ev -> ev instanceof Trade && ev.code().equals("600000.SH")).count();
        assertThat(sink.to("tick.600000.SH")).hasSize((int) trades);
    }

    @Test
    void aCalculatorRestartedMidDayRebuildsFromTheJournalAndContinuesIdentically() {
        List<MarketEvent> day = recordedDay();
        int half = day.size() / 2;
        RecordingPushSink original = new RecordingPushSink();
        CalculatorEngine a = engine(original);
        feed(a, day.subList(0, half));
        int pushesBeforeRestart = original.pushes.size();
        feed(a, day.subList(half, day.size()));

        // the restarted instance replays the journal silently, then follows the live stream; the
        // live stream overlaps the replay by some events (duplicates by per-symbol sequence are dropped)
        RecordingPushSink restarted = new RecordingPushSink();
        CalculatorEngine b = engine(restarted);
        b.setPublishing(false);
        feed(b, day.subList(0, half));
        b.setPublishing(true);
        feed(b, day.subList(half - 20, day.size()));

        assertThat(restarted.pushes).isEqualTo(original.pushes.subList(pushesBeforeRestart, original.pushes.size()));
        for (String code : List.of("600000.SH", "000001.SZ")) {
            assertThat(b.symbol(code).minuteLine().points()).isEqualTo(a.symbol(code).minuteLine().points());
            assertThat(b.symbol(code).priceVolume().levels()).isEqualTo(a.symbol(code).priceVolume().levels());
            for (Period p : Period.values()) {
                assertThat(b.symbol(code).bar(p).toBar()).isEqualTo(a.symbol(code).bar(p).toBar());
                assertThat(b.ring(code, p).latest(1000, Long.MAX_VALUE))
                        .isEqualTo(a.ring(code, p).latest(1000, Long.MAX_VALUE));
            }
        }
    }

    @Test
    void tickNumberingDoesNotDependOnWhenTradesArriveLatePrintsStayOnTheTape() {
        List<MarketEvent> day = recordedDay();
        RecordingPushSink onTime = new RecordingPushSink();
        CalculatorEngine a = engine(onTime);
        feed(a, day);

        // the same stream, but the instance stalls for a minute (a GC pause, SIGSTOP) in the middle of the
        // morning: its clock closes the bars before the backlog is applied, so those prints are late for it
        RecordingPushSink stalled = new RecordingPushSink();
        CalculatorEngine b = engine(stalled);
        int stallAt = day.size() / 3;
        feed(b, day.subList(0, stallAt));
        b.advanceTo(day.get(stallAt).exchangeTime() + 65_000);
        feed(b, day.subList(stallAt, day.size()));

        assertThat(b.market().count(com.quotebus.core.market.ApplyResult.LATE)).as("late prints").isPositive();
        for (String address : List.of("tick.600000.SH", "tick.000001.SZ")) {
            assertThat(stalled.to(address)).as(address).isEqualTo(onTime.to(address));
        }
        assertThat(b.tape("600000.SH").page(1000, Long.MAX_VALUE))
                .isEqualTo(a.tape("600000.SH").page(1000, Long.MAX_VALUE));
    }

    @Test
    void aLatePrintCorrectsTheClosedBarInMemoryPushesItAgainAsCorrectedAndStoresIt() {
        RecordingPushSink sink = new RecordingPushSink();
        CalculatorEngine e = engine(sink);
        List<Bar> stored = new ArrayList<>();
        e.onClosedBar(stored::add);
        long t0 = ChinaTime.epochMillis(java.time.LocalDateTime.parse("2025-03-10T09:35:10"));
        e.apply(new Trade("600000.SH", t0, 100_100, 100, 10_010_000, com.quotebus.core.event.Side.BUY, 1, 1, 0, 0, 1,
                "t"));
        e.advanceTo(t0 + 60_000); // the market time closes the 09:36 bar
        Bar closed = e.ring("600000.SH", Period.M1).get(0);
        e.apply(new Trade("600000.SH", t0 + 20_000, 99_900, 300, 29_970_000, com.quotebus.core.event.Side.SELL, 1,
                2, 0, 0, 2, "t"));

        Bar corrected = new Bar("600000.SH", Period.M1, DAY, closed.start(), closed.end(), 100_100, 100_100, 99_900,
                100_100, 400, 39_980_000, 0, true);
        assertThat(e.ring("600000.SH", Period.M1).get(0)).isEqualTo(corrected);
        assertThat(stored).as("stored over the closed 1m bar (and the 3m bar, which closed at 09:36 too)")
                .filteredOn(b -> b.period() == Period.M1).last().isEqualTo(corrected);
        List<JsonObject> pushes = sink.to("kline.1m.600000.SH").stream().map(RecordingPushSink.Push::body).toList();
        assertThat(pushes).last().satisfies(b -> {
            assertThat(b.getBoolean("corrected")).isTrue();
            assertThat(b.getBoolean("closed")).isTrue();
            assertThat(b.getLong("volume")).isEqualTo(400);
            assertThat(b.getLong("seq")).isEqualTo(pushes.get(pushes.size() - 2).getLong("seq") + 1);
        });
        assertThat(sink.to("tick.600000.SH")).hasSize(2);
        assertThat(e.corrections()).as("the 1m and the 3m bar").isEqualTo(2);
    }
}
