package com.quotebus.client;

import static com.quotebus.client.TestSupport.await;
import static com.quotebus.client.TestSupport.awaitCondition;
import static com.quotebus.client.TestSupport.failure;
import static com.quotebus.client.TestSupport.gateway;
import static com.quotebus.client.TestMarket.PUFA;
import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.core.kline.Period;
import com.quotebus.core.event.Snapshot;
import com.quotebus.testkit.TestInstruments;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a real gateway and the real query service: queries, errors, subscriptions. */
class QuotebusClientTest {
    private Vertx server;
    private TestMarket market;
    private QuotebusClient client;

    @BeforeEach
    void start() {
        server = Vertx.vertx();
        market = new TestMarket(server);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        await(server.close());
    }

    private QuotebusClient connect(TestSupport.Gateway... gateways) {
        client = QuotebusClient.create(TestSupport.clientOptions(gateways).build());
        await(client.connect());
        return client;
    }

    @Test
    void typedQueriesReturnWhatTheCalculatorHolds() {
        connect(gateway(server, false));
        market.feedTrades(300);

        List<Tick> tape = market.tape();
        assertThat(await(client.ticks(PUFA, 3, null)))
                .isEqualTo(new TickPage(PUFA, tape.size(), 1, tape.subList(tape.size() - 3, tape.size())));
        assertThat(await(client.ticks(PUFA, 2, 11L)).ticks()).isEqualTo(tape.subList(8, 10));

        Snapshot s = market.onContext(() -> market.engine.symbol(PUFA).snapshot());
        Quote q = await(client.snapshot(List.of(PUFA))).get(0);
        assertThat(List.of(q.code(), q.last(), q.volume(), q.turnover(), q.preClose(), q.bid1().price(),
                q.ask1().price())).isEqualTo(List.of(PUFA, s.last(), s.volume(), s.turnover(), s.preClose(),
                s.bid().prices()[0], s.ask().prices()[0]));

        List<com.quotebus.core.kline.Bar> ring = market.onContext(
                () -> market.engine.ring(PUFA, Period.M1).latest(4, Long.MAX_VALUE));
        Kline k = await(client.kline(PUFA, "1m", 5, null, null));
        assertThat(k.bars().subList(0, 4).stream().map(b -> List.of(b.end(), b.open(), b.high(), b.low(),
                b.close(), b.volume())).toList())
                .isEqualTo(ring.stream().map(b -> List.of(b.end(), b.open(), b.high(), b.low(), b.close(),
                        b.volume())).toList());
        assertThat(k.bars().get(4).closed()).isFalse();

        MinuteLine line = await(client.minute(PUFA, (String) null));
        assertThat(line.day()).isEqualTo("2025-03-10");
        assertThat(line.size()).isEqualTo(241);
        assertThat(line.points().get(line.points().size() - 1).price()).isEqualTo(tape.get(tape.size() - 1).price());

        PriceVolume pv = await(client.priceVolume(PUFA));
        assertThat(pv.rows().stream().mapToLong(PriceLevel::volume).sum()).isEqualTo(pv.dayVolume());
        assertThat(pv.dayVolume()).isEqualTo(tape.stream().mapToLong(Tick::qty).sum());

        IndicatorValues macd = await(client.indicator(PUFA, "1m", "MACD", new int[] {12, 26, 9}, 5));
        assertThat(macd.values().keySet()).containsExactly("DIF", "DEA", "MACD");
        assertThat(macd.ends()).hasSize(5);

        assertThat(await(client.instruments("SH"))).containsExactly(new InstrumentInfo(PUFA, "浦发银行", "STOCK",
                "SH", TestInstruments.PUFA.priceTick(), TestInstruments.PUFA.lotSize(), 1,
                TestInstruments.PUFA.preClose(), TestInstruments.PUFA.upperLimit(), TestInstruments.PUFA.lowerLimit(),
                TestInstruments.PUFA.sessionTemplate()));
    }

    @Test
    void everyFailureComesBackAsItsErrorCode() {
        connect(gateway(server, false));
        market.feedTrades(10);
        await(server.eventBus().consumer("svc.silent", m -> { }).completion());

        assertThat(failure(client.ticks("999999.SH", 3, null)).code()).isEqualTo(ErrorCode.UNKNOWN_CODE);
        assertThat(failure(client.kline(PUFA, "2m", 5, null, null)).code()).isEqualTo(ErrorCode.BAD_PERIOD);
        assertThat(failure(client.kline(PUFA, "1m", 0, null, null)).code()).isEqualTo(ErrorCode.COUNT_OUT_OF_RANGE);
        assertThat(failure(client.kline(PUFA, "1m", 5, null, "sideways")).code()).isEqualTo(ErrorCode.BAD_PARAMETER);
        assertThat(failure(client.indicator(PUFA, "day", "FOO", null, 5)).code())
                .isEqualTo(ErrorCode.UNKNOWN_INDICATOR);
        assertThat(failure(client.indicator(PUFA, "day", "MACD", new int[] {26, 12, 9}, 5)).code())
                .isEqualTo(ErrorCode.BAD_PARAMETER);
        assertThat(failure(client.ticks("rb2505.SHF", 3, null)).code()).isEqualTo(ErrorCode.UNAVAILABLE);
        assertThat(failure(client.request("svc.none", new JsonObject(), Map.of(), true)).code())
                .isEqualTo(ErrorCode.NO_HANDLERS);
        assertThat(failure(client.request("internal.secret", new JsonObject(), Map.of(), true)).code())
                .isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(failure(client.admin("nodes", null, "wrong")).code()).isEqualTo(ErrorCode.INVALID_TOKEN);
        QuotebusException timeout = failure(client.withTimeout(Duration.ofMillis(100))
                .request("svc.silent", new JsonObject(), Map.of(), true));
        assertThat(timeout.code()).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(timeout.address()).isEqualTo("svc.silent");
        assertThat(failure(client.kline(PUFA, "2m", new Recorder<>())).code()).isEqualTo(ErrorCode.BAD_PERIOD);
        // The connection is still usable after all of these.
        assertThat(await(client.ticks(PUFA, 1, null)).ticks()).hasSize(1);
    }

    @Test
    void aDeniedSubscriptionFailsAndTellsItsListenerWhileOthersGoOn() {
        TestSupport.Gateway g = new TestSupport.Gateway(server, TestSupport.gatewayOptions(0, false)
                .outboundPermits(List.of(com.quotebus.access.bridge.AddressPermit.regex("(quote|tick)\\..+")))
                .build()).start();
        connect(g);
        Recorder<Tick> ticks = new Recorder<>();
        Recorder<PriceVolumeUpdate> denied = new Recorder<>();
        await(client.ticks(PUFA, ticks));
        QuotebusException e = failure(client.priceVolume(PUFA, denied));
        assertThat(e.code()).isEqualTo(ErrorCode.ACCESS_DENIED);
        assertThat(e.address()).isEqualTo("pricevol." + PUFA);
        assertThat(denied.errors).containsExactly(e);
        market.feedTrades(5);
        awaitCondition(() -> ticks.updates.size() == 5, "5 ticks");
        assertThat(denied.updates).isEmpty();
    }

    @Test
    void subscriptionsDeliverEveryPushInSeqOrder() {
        connect(gateway(server, false));
        Recorder<Tick> ticks = new Recorder<>();
        Recorder<Quote> quotes = new Recorder<>();
        Recorder<KlineBar> bars = new Recorder<>();
        Recorder<MinuteUpdate> minutes = new Recorder<>();
        Recorder<PriceVolumeUpdate> pricevol = new Recorder<>();
        await(client.ticks(PUFA, ticks));
        await(client.quote(List.of(PUFA, "000001.SZ"), quotes));
        await(client.kline(PUFA, "1m", bars));
        await(client.minute(PUFA, minutes));
        await(client.priceVolume(PUFA, pricevol));

        long last = market.feedTrades(200);
        awaitCondition(() -> ticks.updates.size() == last, "200 ticks");
        assertThat(ticks.updates).isEqualTo(market.tape());
        Snapshot s = market.onContext(() -> market.engine.symbol(PUFA).snapshot());
        long quoteSeq = market.onContext(() -> market.engine.quoteSeq(PUFA));
        awaitCondition(() -> quotes.updates.stream().anyMatch(q -> q.code().equals(PUFA) && q.seq() == quoteSeq),
                "the newest quote");
        assertThat(quotes.updates.stream().filter(q -> q.seq() == quoteSeq && q.code().equals(PUFA))
                .map(Quote::last).toList()).containsExactly(s.last());
        assertThat(quotes.updates.stream().map(Quote::code).distinct()).containsExactlyInAnyOrder(PUFA, "000001.SZ");
        long barSeq = market.onContext(() -> market.engine.klineSeq(PUFA, Period.M1));
        awaitCondition(() -> !bars.updates.isEmpty() && bars.updates.get(bars.updates.size() - 1).seq() == barSeq,
                "the newest bar");
        assertThat(bars.updates.stream().map(KlineBar::seq).toList())
                .isEqualTo(java.util.stream.LongStream.rangeClosed(1, barSeq).boxed().toList());
        long minuteSeq = market.onContext(() -> market.engine.minuteSeq(PUFA));
        awaitCondition(() -> !minutes.updates.isEmpty()
                && minutes.updates.get(minutes.updates.size() - 1).seq() == minuteSeq, "the newest minute push");
        long pvSeq = market.onContext(() -> market.engine.pricevolSeq(PUFA));
        awaitCondition(() -> !pricevol.updates.isEmpty()
                && pricevol.updates.get(pricevol.updates.size() - 1).seq() == pvSeq, "the newest pricevol push");
        assertThat(pricevol.updates.get(pricevol.updates.size() - 1).dayVolume())
                .isEqualTo(ticks.updates.stream().mapToLong(Tick::qty).sum());
        assertThat(List.of(ticks.resyncs, quotes.resyncs, bars.resyncs, minutes.resyncs, pricevol.resyncs))
                .allMatch(List::isEmpty);
    }

    @Test
    void duplicatesAreDroppedAndTickGapsAreFilledFromSvcTicks() {
        connect(gateway(server, false));
        Recorder<Tick> ticks = new Recorder<>();
        await(client.ticks(PUFA, ticks));
        market.feedTrades(20);
        awaitCondition(() -> ticks.updates.size() == 20, "20 ticks");
        // A message delivered twice (e.g. a second calculator replica's copy): the same seq again — the gateway
        // delivers the first copy only, so the client never sees it.
        Tick t5 = market.tape().get(4);
        server.eventBus().publish("tick." + PUFA, new JsonObject().put("code", PUFA).put("seq", 5)
                .put("time", t5.time()).put("price", t5.price()).put("qty", t5.qty()).put("amount", t5.amount())
                .put("side", t5.side()));
        // Ticks 25..30 lost in transit: the client sees 31 after 24 and fetches the rest.
        for (long seq = 25; seq <= 30; seq++) {
            market.lostTicks.add(seq);
        }
        market.feedTrades(20);
        awaitCondition(() -> ticks.updates.size() == 40, "40 ticks");
        assertThat(ticks.updates).isEqualTo(market.tape());
        assertThat(ticks.resyncs).isEmpty();
        ClientStats stats = await(client.stats());
        assertThat(stats.duplicatesDropped()).as("dropped at the gateway already").isZero();
        assertThat(stats.ticksFilled()).isEqualTo(6);
    }
}
