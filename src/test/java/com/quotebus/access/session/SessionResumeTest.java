package com.quotebus.access.session;

import static com.quotebus.access.bridge.BridgeTestSupport.await;
import static com.quotebus.access.bridge.BridgeTestSupport.awaitCondition;
import static com.quotebus.access.bridge.BridgeTestSupport.testOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.access.bridge.AccessGatewayVerticle;
import com.quotebus.access.bridge.BridgeMetrics;
import com.quotebus.access.bridge.BridgeServerOptions;
import com.quotebus.access.bridge.RawBridgeClient;
import com.quotebus.access.bridge.SubscriptionHub;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Sessions over real sockets: two gateways (two bridge servers with their own hubs and session managers,
 * as two access nodes) share one session store; the calculator's {@code svc.ticks} is a fake serving a
 * recorded tape.
 */
class SessionResumeTest {
    private static final SessionOptions OPTIONS = new SessionOptions(60_000, 20, 100, 10_000);
    private Vertx vertx;
    private final AtomicLong clock = new AtomicLong(1_000_000);
    private InMemorySessionStore store;
    private Tape tape;
    private Gateway gw1;
    private Gateway gw2;

    /** What the calculator's trade tape would answer: newest {@code count} before {@code beforeSeq}, oldest first. */
    static final class Tape {
        final List<JsonObject> ticks = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile long oldestInMemory = 1;

        void handle(Message<JsonObject> m) {
            JsonObject req = m.body();
            int count = req.getInteger("count", 100);
            long before = req.getLong("beforeSeq", Long.MAX_VALUE);
            List<JsonObject> below = ticks.stream().filter(t -> t.getLong("seq") < before
                    && t.getLong("seq") >= oldestInMemory).toList();
            JsonArray rows = new JsonArray();
            below.subList(Math.max(0, below.size() - count), below.size()).forEach(t -> rows.add(new JsonArray()
                    .add(t.getLong("seq")).add(t.getLong("time")).add(t.getLong("price")).add(t.getLong("qty"))
                    .add(t.getLong("amount")).add(t.getString("side"))));
            m.reply(new JsonObject().put("code", req.getString("code")).put("seq", ticks.size())
                    .put("oldestInMemory", oldestInMemory).put("ticks", rows));
        }
    }

    record Gateway(SubscriptionHub hub, SessionManager sessions, AccessGatewayVerticle verticle, SessionMetrics metrics) {
        int port() {
            return verticle.port();
        }
    }

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        store = new InMemorySessionStore(clock::get);
        tape = new Tape();
        vertx.eventBus().<JsonObject>consumer("svc.ticks", tape::handle);
        gw1 = gateway("node-1");
        gw2 = gateway("node-2");
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    private Gateway gateway(String node) {
        return gateway(node, OPTIONS);
    }

    private Gateway gateway(String node, SessionOptions sessionOptions) {
        BridgeServerOptions options = testOptions().build();
        SubscriptionHub hub = new SubscriptionHub(vertx, options, new BridgeMetrics());
        SessionMetrics metrics = new SessionMetrics(new SimpleMeterRegistry());
        TickSource ticks = req -> vertx.eventBus().<JsonObject>request("svc.ticks", req).map(Message::body);
        SessionManager sessions = new SessionManager(vertx, store, ticks, sessionOptions, node, metrics, clock::get);
        await(sessions.start());
        AccessGatewayVerticle v = new AccessGatewayVerticle(options, hub, null, sessions, null);
        await(vertx.deployVerticle(v));
        return new Gateway(hub, sessions, v, metrics);
    }

    private static JsonObject tick(long seq) {
        return new JsonObject().put("code", "600000.SH").put("seq", seq).put("time", 1_700_000_000_000L + seq * 1000)
                .put("price", 100_000 + seq).put("qty", 100 * seq).put("amount", 10_000_000 + seq).put("side", "B")
                .put("chSeq", 5000 + seq);
    }

    private void publishTick(long seq) {
        JsonObject t = tick(seq);
        tape.ticks.add(t);
        vertx.eventBus().publish("tick.600000.SH", t);
    }

    private void publishQuote(long seq, long last) {
        vertx.eventBus().publish("quote.600000.SH", new JsonObject().put("code", "600000.SH").put("seq", seq)
                .put("last", last));
    }

    /** Sends a request and returns its reply (or err); frames arriving before it go to {@code others}. */
    private static JsonObject call(RawBridgeClient c, String address, JsonObject body, List<JsonObject> others)
            throws Exception {
        String reply = "r-" + System.nanoTime();
        c.send(new JsonObject().put("type", "send").put("address", address).put("replyAddress", reply)
                .put("body", body));
        for (JsonObject f = c.read(); ; f = c.read()) {
            if (reply.equals(f.getString("address"))) {
                return f;
            }
            others.add(f);
        }
    }

    /** Reads frames until a tick with {@code seq} (or a resync marker with it) arrives. */
    private static List<JsonObject> readUntilTick(RawBridgeClient c, long seq, List<JsonObject> into) throws Exception {
        while (true) {
            JsonObject f = c.read();
            into.add(f);
            JsonObject body = f.getJsonObject("body");
            if (f.getString("address", "").startsWith("tick.") && body != null && body.getLong("seq", -1L) == seq) {
                return into;
            }
        }
    }

    private static List<Long> tickSeqs(List<JsonObject> frames) {
        return frames.stream().filter(f -> f.getString("address", "").startsWith("tick."))
                .map(f -> f.getJsonObject("body").getLong("seq")).toList();
    }

    private String openAndSubscribe(RawBridgeClient a) throws Exception {
        JsonObject opened = call(a, "session.open", new JsonObject(), new ArrayList<>()).getJsonObject("body");
        a.register("tick.600000.SH");
        a.register("quote.600000.SH");
        awaitCondition(() -> gw1.hub().consumerCount() == 2, "gateway 1 consumers");
        return opened.getString("token");
    }

    private void awaitStoredDisconnected(String id) {
        awaitCondition(() -> {
            SessionRecord r = await(store.get(id));
            return r != null && !r.connected();
        }, "session stored as disconnected");
    }

    @Test
    void sessionOpenTellsTheConnectionItsIdAndTokenAndCloseEndsIt() throws Exception {
        try (RawBridgeClient a = RawBridgeClient.connect(gw1.port())) {
            JsonObject reply = call(a, "session.open", null, new ArrayList<>());
            JsonObject body = reply.getJsonObject("body");
            String id = body.getString("session");
            assertThat(id).matches("s-[A-Za-z0-9_-]{12}");
            assertThat(body.getString("token")).startsWith(id + ".").hasSize(id.length() + 1 + 32);
            assertThat(body.getBoolean("resumed")).isFalse();
            assertThat(body.getLong("ttlMs")).isEqualTo(60_000L);
            awaitCondition(() -> await(store.get(id)) != null, "session stored");

            JsonObject closed = call(a, "session.close", new JsonObject(), new ArrayList<>()).getJsonObject("body");
            assertThat(closed.getString("session")).isEqualTo(id);
            assertThat(closed.getBoolean("closed")).isTrue();
            assertThat(await(store.get(id))).isNull();
            // The connection goes on with a new session.
            JsonObject again = call(a, "session.open", new JsonObject(), new ArrayList<>()).getJsonObject("body");
            assertThat(again.getString("session")).isEqualTo(closed.getString("next")).isNotEqualTo(id);

            try (RawBridgeClient b = RawBridgeClient.connect(gw2.port())) {
                JsonObject err = call(b, "session.open", new JsonObject().put("token", body.getString("token")),
                        new ArrayList<>());
                assertThat(err.getString("type")).isEqualTo("err");
                assertThat(err.getInteger("failureCode")).isEqualTo(440);
                assertThat(err.getString("message")).isEqualTo("session_expired");
            }
        }
    }

    @Test
    void resumeOnAnotherGatewayReplaysMissedTicksThenLiveAndFlagsTheCurrentQuote() throws Exception {
        try (RawBridgeClient watcher = RawBridgeClient.connect(gw2.port())) {
            // Someone on gateway 2 watches the quote, so gateway 2's hub holds its current value.
            watcher.register("quote.600000.SH");
            awaitCondition(() -> gw2.hub().consumerCount() == 1, "gateway 2 consumer");

            String token;
            String id;
            try (RawBridgeClient a = RawBridgeClient.connect(gw1.port())) {
                token = openAndSubscribe(a);
                id = token.substring(0, token.indexOf('.'));
                publishQuote(1, 100_100);
                for (long s = 1; s <= 5; s++) {
                    publishTick(s);
                }
                List<JsonObject> got = readUntilTick(a, 5, new ArrayList<>());
                assertThat(tickSeqs(got)).containsExactly(1L, 2L, 3L, 4L, 5L);
            }
            awaitStoredDisconnected(id);
            assertThat(await(store.get(id)).seqs()).isEqualTo(java.util.Map.of("tick.600000.SH", 5L));
            for (long s = 6; s <= 9; s++) {
                publishTick(s);
            }
            publishQuote(2, 100_200);
            assertThat(watcher.read().getJsonObject("body").getLong("seq")).isEqualTo(1L);
            assertThat(watcher.read().getJsonObject("body").getLong("seq")).isEqualTo(2L);

            try (RawBridgeClient a2 = RawBridgeClient.connect(gw2.port())) {
                List<JsonObject> frames = new ArrayList<>();
                JsonObject reply = call(a2, "session.open", new JsonObject().put("token", token), frames);
                assertThat(frames).as("nothing before the reply").isEmpty();
                JsonObject body = reply.getJsonObject("body");
                assertThat(body.getString("session")).isEqualTo(id);
                assertThat(body.getBoolean("resumed")).isTrue();
                assertThat(body.getJsonArray("subscriptions").getList())
                        .containsExactlyInAnyOrder("tick.600000.SH", "quote.600000.SH");
                // Live messages may arrive while the replay is in progress: they wait for it.
                publishTick(10);
                publishTick(11);
                readUntilTick(a2, 11, frames);
                assertThat(tickSeqs(frames)).containsExactly(6L, 7L, 8L, 9L, 10L, 11L);
                JsonObject six = frames.stream().filter(f -> f.getString("address").startsWith("tick.")).findFirst()
                        .orElseThrow();
                JsonObject expected = tick(6);
                expected.remove("chSeq");
                assertThat(six.getJsonObject("body")).isEqualTo(expected);
                List<JsonObject> quotes = frames.stream().filter(f -> f.getString("address").startsWith("quote."))
                        .toList();
                assertThat(quotes).hasSize(1);
                assertThat(quotes.get(0).getJsonObject("headers")).isEqualTo(new JsonObject().put("resync", "true"));
                assertThat(quotes.get(0).getJsonObject("body").getLong("seq")).isEqualTo(2L);
                // After the resume, updates come as usual, without the flag.
                publishQuote(3, 100_300);
                JsonObject next = a2.read();
                assertThat(next.getString("address")).isEqualTo("quote.600000.SH");
                assertThat(next.getJsonObject("headers")).isEqualTo(new JsonObject());
            }
        }
        assertThat(gw2.metrics().resumed()).isEqualTo(1);
        assertThat(gw2.metrics().replayed()).isGreaterThanOrEqualTo(4); // 10 too, when its consumer came after it
    }

    @Test
    void missedTicksNoLongerOnTheTapeGiveOneResyncMarkerThenLive() throws Exception {
        String token;
        String id;
        try (RawBridgeClient a = RawBridgeClient.connect(gw1.port())) {
            token = openAndSubscribe(a);
            id = token.substring(0, token.indexOf('.'));
            for (long s = 1; s <= 3; s++) {
                publishTick(s);
            }
            readUntilTick(a, 3, new ArrayList<>());
        }
        awaitStoredDisconnected(id);
        for (long s = 4; s <= 9; s++) {
            publishTick(s);
        }
        tape.oldestInMemory = 6; // 4 and 5 have left the tape
        try (RawBridgeClient a2 = RawBridgeClient.connect(gw2.port())) {
            List<JsonObject> frames = new ArrayList<>();
            call(a2, "session.open", new JsonObject().put("token", token), frames);
            readUntilTick(a2, 9, frames);
            assertThat(frames).hasSize(1);
            assertThat(frames.get(0)).isEqualTo(new JsonObject().put("type", "message").put("address", "tick.600000.SH")
                    .put("headers", new JsonObject().put("resync", "true"))
                    .put("body", new JsonObject().put("code", "600000.SH").put("seq", 9).put("resync", true))
                    .put("send", false));
            awaitCondition(() -> gw2.hub().consumerCount() == 2, "gateway 2 consumers");
            publishTick(10);
            assertThat(a2.read().getJsonObject("body")).isEqualTo(tick(10));
        }
        assertThat(gw2.metrics().resyncs()).isEqualTo(1);
    }

    @Test
    void anExpiredOrUnknownTokenFailsWith440SessionExpired() throws Exception {
        String token;
        String id;
        try (RawBridgeClient a = RawBridgeClient.connect(gw1.port())) {
            token = openAndSubscribe(a);
            id = token.substring(0, token.indexOf('.'));
        }
        awaitStoredDisconnected(id);
        clock.addAndGet(60_001);
        try (RawBridgeClient b = RawBridgeClient.connect(gw2.port())) {
            for (String t : List.of(token, id + ".forged", "s-unknown.x")) {
                JsonObject err = call(b, "session.open", new JsonObject().put("token", t), new ArrayList<>());
                assertThat(err.getInteger("failureCode")).as(t).isEqualTo(440);
                assertThat(err.getString("message")).isEqualTo("session_expired");
            }
            JsonObject bad = call(b, "session.open", new JsonObject().put("token", 42), new ArrayList<>());
            assertThat(bad.getInteger("failureCode")).isEqualTo(400);
            assertThat(b.sync()).isEmpty(); // the connection stays usable
        }
        assertThat(gw2.metrics().expired()).isEqualTo(3);
    }

    @Test
    void aClosingGatewayStoresItsSessionsSoTheyResumeElsewhere() throws Exception {
        RawBridgeClient a = RawBridgeClient.connect(gw1.port());
        String token = openAndSubscribe(a);
        String id = token.substring(0, token.indexOf('.'));
        publishTick(1);
        publishTick(2);
        readUntilTick(a, 2, new ArrayList<>());
        await(gw1.verticle().server().close());
        SessionRecord stored = await(store.get(id));
        assertThat(stored.connected()).isFalse();
        assertThat(stored.node()).isEqualTo("node-1");
        assertThat(stored.seqs()).isEqualTo(java.util.Map.of("tick.600000.SH", 2L));
        assertThat(stored.subscriptions()).containsExactlyInAnyOrder("tick.600000.SH", "quote.600000.SH");
        a.close();
    }

    @Test
    void connectionsBeyondTheNodesSessionLimitWorkWithoutASession() throws Exception {
        Gateway small = gateway("node-3", new SessionOptions(60_000, 20, 1, 10_000));
        try (RawBridgeClient first = RawBridgeClient.connect(small.port())) {
            assertThat(call(first, "session.open", new JsonObject(), new ArrayList<>()).getString("type"))
                    .isEqualTo("message");
            try (RawBridgeClient second = RawBridgeClient.connect(small.port())) {
                JsonObject err = call(second, "session.open", new JsonObject(), new ArrayList<>());
                assertThat(err.getInteger("failureCode")).isEqualTo(503);
                assertThat(err.getString("message")).isEqualTo("session_limit");
                second.register("tick.600000.SH");
                assertThat(second.sync()).isEmpty(); // otherwise a normal connection
            }
            awaitCondition(() -> small.metrics().active() == 1, "the second connection gone");
        }
        awaitCondition(() -> small.metrics().active() == 0, "the first session released");
        try (RawBridgeClient third = RawBridgeClient.connect(small.port())) {
            assertThat(call(third, "session.open", new JsonObject(), new ArrayList<>()).getString("type"))
                    .isEqualTo("message");
        }
    }
}
