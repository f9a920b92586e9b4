package com.quotebus.client;

import static com.quotebus.client.TestMarket.PUFA;
import static com.quotebus.client.TestSupport.await;
import static com.quotebus.client.TestSupport.awaitCondition;
import static com.quotebus.client.TestSupport.gateway;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Gateways going away mid-stream: the client reconnects (same or next gateway), resumes or re-registers,
 * and the tick stream continues complete, in order, without duplicates.
 */
class ReconnectTest {
    private Vertx server;
    private TestMarket market;
    private QuotebusClient client;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<JsonObject> sessionCalls = new CopyOnWriteArrayList<>();

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

    private void connect(TestSupport.Gateway... gateways) {
        client = QuotebusClient.create(TestSupport.clientOptions(gateways).build());
        client.connectionListener(new ConnectionListener() {
            @Override
            public void connected(Endpoint endpoint, boolean resumed) {
                events.add("connected " + endpoint.port() + (resumed ? " resumed" : ""));
            }
        });
        await(client.connect());
    }

    /** A stand-in for the gateway's session service: opens, resumes the one token it knows, or expires it. */
    private void fakeSessions(boolean tokenExpires) {
        await(server.eventBus().<JsonObject>consumer("session.open", m -> {
            JsonObject body = m.body();
            sessionCalls.add(body);
            if (body.getString("token") == null) {
                m.reply(new JsonObject().put("session", "s-" + sessionCalls.size())
                        .put("token", "t-" + sessionCalls.size()).put("resumed", false).put("ttlMs", 60000));
            } else if (!tokenExpires && body.getString("token").equals("t-1")) {
                m.reply(new JsonObject().put("session", "s-1").put("token", "t-1").put("resumed", true)
                        .put("ttlMs", 60000).put("subscriptions", new JsonArray().add("tick." + PUFA)));
            } else {
                m.fail(404, "session_expired");
            }
        }).completion());
    }

    /**
     * Subscribes ticks and quotes of PUFA; 20 trades; the gateway stops, 20 trades while it is down, it starts
     * again and the client reconnects; 20 more trades.
     */
    private void tradeThroughABounce(TestSupport.Gateway g, Recorder<Tick> ticks, Recorder<Quote> quotes) {
        await(client.ticks(PUFA, ticks));
        await(client.quote(PUFA, quotes));
        market.feedTrades(20);
        awaitCondition(() -> ticks.updates.size() == 20, "20 ticks");

        g.stop();
        market.feedTrades(20);
        g.start();
        awaitCondition(() -> events.size() == 2, "the reconnect");
        // The fake session service does not replay: a round trip makes sure the register is in place
        // before the next ticks are published (a real resumed session would replay them anyway).
        await(client.ticks(PUFA, 1, null));
        market.feedTrades(20);
    }

    private void assertCompleteTape(Recorder<Tick> ticks) {
        List<Tick> tape = market.tape();
        awaitCondition(() -> ticks.updates.size() >= tape.size(), tape.size() + " ticks");
        assertThat(ticks.updates).isEqualTo(tape);
    }

    @Test
    void aRestartedGatewayWithoutSessionsGetsEverythingReRegisteredAndTheMissedTicksFetched() {
        TestSupport.Gateway g = gateway(server, true); // session.* permitted but nobody answers: NO_HANDLERS
        connect(g);
        Recorder<Tick> ticks = new Recorder<>();
        Recorder<Quote> quotes = new Recorder<>();
        await(client.ticks(PUFA, ticks));
        await(client.quote(PUFA, quotes));
        market.feedTrades(50);
        awaitCondition(() -> ticks.updates.size() == 50, "50 ticks");

        g.stop();
        market.feedTrades(60); // published while no gateway is up: lost for the client
        g.start();
        awaitCondition(() -> events.size() == 2, "the reconnect");
        await(client.ticks(PUFA, 1, null)); // frames are in order: the register is in place
        market.feedTrades(40);

        assertCompleteTape(ticks);
        assertThat(ticks.resyncs).isEmpty();
        assertThat(quotes.resyncs).containsExactly(new Resync("quote." + PUFA, Resync.Reason.SESSION_LOST, 0, 0));
        assertThat(events).containsExactly("connected " + g.port, "connected " + g.port);
        ClientStats stats = await(client.stats());
        assertThat(stats.ticksFilled()).isEqualTo(60);
        assertThat(stats.resumes()).isZero();
        assertThat(client.sessionId()).isNull();
    }

    @Test
    void whenTheFirstGatewayDiesTheClientMovesToTheSecond() {
        TestSupport.Gateway first = gateway(server, false); // session.* not permitted: access_denied
        TestSupport.Gateway second = gateway(server, false);
        connect(first, second);
        Recorder<Tick> ticks = new Recorder<>();
        await(client.ticks(PUFA, ticks));
        market.feedTrades(30);
        awaitCondition(() -> ticks.updates.size() == 30, "30 ticks");

        first.stop();
        awaitCondition(() -> events.size() == 2, "the switch");
        await(client.ticks(PUFA, 1, null)); // frames are in order: the register is in place
        market.feedTrades(30);

        assertCompleteTape(ticks);
        assertThat(events).containsExactly("connected " + first.port, "connected " + second.port);
        assertThat(ticks.resyncs).isEmpty();
        assertThat(await(client.ticks(PUFA, 1, null)).seq()).isEqualTo(60);
    }

    @Test
    void aResumedSessionKeepsItsStreamsWithoutResync() {
        fakeSessions(false);
        TestSupport.Gateway g = gateway(server, true);
        connect(g);
        assertThat(client.sessionId()).isEqualTo("s-1");
        Recorder<Tick> ticks = new Recorder<>();
        Recorder<Quote> quotes = new Recorder<>();
        tradeThroughABounce(g, ticks, quotes);

        assertCompleteTape(ticks);
        assertThat(sessionCalls).containsExactly(new JsonObject(), new JsonObject().put("token", "t-1"));
        assertThat(events).containsExactly("connected " + g.port, "connected " + g.port + " resumed");
        assertThat(quotes.resyncs).isEmpty();
        assertThat(ticks.resyncs).isEmpty();
        assertThat(await(client.stats()).resumes()).isEqualTo(1);
    }

    @Test
    void anExpiredSessionIsReplacedByAFreshOneAndStreamsResync() {
        fakeSessions(true);
        TestSupport.Gateway g = gateway(server, true);
        connect(g);
        Recorder<Tick> ticks = new Recorder<>();
        Recorder<Quote> quotes = new Recorder<>();
        tradeThroughABounce(g, ticks, quotes);

        assertCompleteTape(ticks);
        assertThat(sessionCalls).containsExactly(new JsonObject(), new JsonObject().put("token", "t-1"),
                new JsonObject());
        assertThat(client.sessionId()).isEqualTo("s-3");
        assertThat(quotes.resyncs).containsExactly(new Resync("quote." + PUFA, Resync.Reason.SESSION_LOST, 0, 0));
        assertThat(ticks.resyncs).isEmpty();
    }

    @Test
    void ticksNoLongerHeldAreReportedAsAResync() {
        TestSupport.Gateway g = gateway(server, false);
        connect(g);
        Recorder<Tick> ticks = new Recorder<>();
        await(client.ticks(PUFA, ticks));
        market.feedTrades(10);
        awaitCondition(() -> ticks.updates.size() == 10, "10 ticks");
        // A push claiming seq 5000 (a moment after the last tick): ticks 11..4999 do not exist on the tape.
        server.eventBus().publish("tick." + PUFA, new JsonObject().put("code", PUFA).put("seq", 5000)
                .put("time", market.tape().get(9).time() + 1).put("price", 100000).put("qty", 100).put("amount", 10000000).put("side", "B"));
        awaitCondition(() -> ticks.updates.size() == 11, "the tick after the hole");
        assertThat(ticks.resyncs).containsExactly(
                new Resync("tick." + PUFA, Resync.Reason.MISSED_UNAVAILABLE, 11, 4999));
        assertThat(ticks.updates.get(10).seq()).isEqualTo(5000);
    }

    @Test
    void gapAndResyncMarkersAreRepairedOrPassedOn() {
        TestSupport.Gateway g = gateway(server, false);
        connect(g);
        Recorder<Tick> ticks = new Recorder<>();
        Recorder<Quote> quotes = new Recorder<>();
        await(client.ticks(PUFA, ticks));
        await(client.quote(PUFA, quotes));
        market.feedTrades(10);
        awaitCondition(() -> ticks.updates.size() == 10, "10 ticks");
        for (long seq = 11; seq <= 15; seq++) {
            market.lostTicks.add(seq);
        }
        market.feedTrades(5);
        // The gateway's marker for a slow client: the dropped ticks are fetched at once.
        server.eventBus().publish("tick." + PUFA, new JsonObject().put("gap", true).put("dropped", 5),
                new io.vertx.core.eventbus.DeliveryOptions().addHeader("gap", "true"));
        awaitCondition(() -> ticks.updates.size() == 15, "15 ticks");
        for (long seq = 16; seq <= 18; seq++) {
            market.lostTicks.add(seq);
        }
        long last = market.feedTrades(3);
        // A resumed session whose missed ticks are gone: "resync" with the current seq.
        server.eventBus().publish("tick." + PUFA, new JsonObject().put("code", PUFA).put("seq", last)
                .put("resync", true), new io.vertx.core.eventbus.DeliveryOptions().addHeader("resync", "true"));
        awaitCondition(() -> ticks.updates.size() == 18, "18 ticks");
        assertThat(ticks.updates).isEqualTo(market.tape());
        assertThat(ticks.resyncs).isEmpty();

        int before = quotes.updates.size();
        Quote newest = quotes.updates.get(before - 1);
        server.eventBus().publish("quote." + PUFA, new JsonObject().put("code", PUFA).put("seq", newest.seq())
                .put("last", 123400), new io.vertx.core.eventbus.DeliveryOptions().addHeader("resync", "true"));
        awaitCondition(() -> quotes.updates.size() == before + 1, "the resync value");
        assertThat(quotes.resyncs).containsExactly(new Resync("quote." + PUFA, Resync.Reason.SERVER_RESYNC, 0, 0));
        assertThat(quotes.updates.get(before).last()).isEqualTo(123400);
    }
}
