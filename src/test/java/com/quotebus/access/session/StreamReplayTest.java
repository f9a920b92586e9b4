package com.quotebus.access.session;

import static com.quotebus.access.bridge.BridgeTestSupport.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.access.bridge.ConnectionSession;
import com.quotebus.access.bridge.GatewayConnection;
import com.quotebus.access.bridge.frame.FrameEncoder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ordering rules of a resumed stream, step by step on the connection's event loop with a fake
 * connection and a tick source answered by the test: replay before live, live held back meanwhile,
 * duplicates dropped, a hole after the replay fetched, an over-long gap answered with a resync marker.
 */
class StreamReplayTest {
    private static final String ADDRESS = "tick.600000.SH";
    private Vertx vertx;
    private ContextInternal context;
    private InMemorySessionStore store;
    private final ArrayDeque<Promise<JsonObject>> requests = new ArrayDeque<>();
    private final List<JsonObject> requestBodies = new ArrayList<>();
    private final List<JsonObject> tape = new ArrayList<>();
    private SessionManager manager;

    /** Records what the session queues for the client. */
    final class FakeConnection implements GatewayConnection {
        final List<JsonObject> frames = new ArrayList<>();
        final Set<String> subs = new LinkedHashSet<>();

        @Override
        public ContextInternal context() {
            return context;
        }

        @Override
        public boolean enqueueMarketData(byte[] frame, boolean stream, String address) {
            frames.add(new JsonObject(new String(frame, 4, frame.length - 4, StandardCharsets.UTF_8)));
            return true;
        }

        @Override
        public void reply(String replyAddress, String sourceAddress, JsonObject body) {
            frames.add(new JsonObject().put("reply", body));
        }

        @Override
        public void replyFailure(String replyAddress, String sourceAddress, int failureCode, String message) {
            frames.add(new JsonObject().put("failure", failureCode).put("message", message));
        }

        @Override
        public boolean subscribe(String address) {
            subs.add(address);
            return true;
        }

        @Override
        public Set<String> subscriptions() {
            return new LinkedHashSet<>(subs);
        }

        @Override
        public boolean isStream(String address) {
            return address.startsWith("tick.");
        }

        @Override
        public boolean isLastValue(String address) {
            return address.startsWith("quote.");
        }

        @Override
        public void close() {
        }

        List<Long> seqs() {
            return frames.stream().filter(f -> ADDRESS.equals(f.getString("address")))
                    .map(f -> f.getJsonObject("body").getLong("seq")).toList();
        }
    }

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        context = (ContextInternal) vertx.getOrCreateContext();
        store = new InMemorySessionStore(() -> 0);
        for (long s = 1; s <= 20; s++) {
            tape.add(new JsonObject().put("seq", s));
        }
        TickSource ticks = req -> {
            Promise<JsonObject> p = Promise.promise();
            requests.add(p);
            requestBodies.add(req);
            return p.future();
        };
        manager = new SessionManager(vertx, store, ticks, new SessionOptions(60_000, 1000, 10, 5), "node-1",
                new SessionMetrics(new SimpleMeterRegistry()), () -> 0);
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    private <T> T onLoop(Callable<T> action) {
        return await(Future.future(p -> context.runOnContext(v -> {
            try {
                p.complete(action.call());
            } catch (Exception e) {
                p.fail(e);
            }
        })));
    }

    private void run(Runnable action) {
        onLoop(() -> {
            action.run();
            return null;
        });
    }

    /** Answers the oldest pending tape request from the tape, with {@code current} as the service's seq. */
    private void answer(long current, long oldestInMemory) {
        JsonObject req = requestBodies.get(requestBodies.size() - requests.size());
        long before = req.getLong("beforeSeq", Long.MAX_VALUE);
        int count = req.getInteger("count");
        List<JsonObject> below = tape.stream().filter(t -> t.getLong("seq") < before && t.getLong("seq") <= current
                && t.getLong("seq") >= oldestInMemory).toList();
        JsonArray rows = new JsonArray();
        below.subList(Math.max(0, below.size() - count), below.size()).forEach(t -> rows.add(new JsonArray()
                .add(t.getLong("seq")).add(0).add(1).add(1).add(1).add("B")));
        Promise<JsonObject> p = requests.poll();
        run(() -> p.complete(new JsonObject().put("seq", current).put("oldestInMemory", oldestInMemory)
                .put("ticks", rows)));
    }

    private static byte[] live(long seq) {
        return FrameEncoder.message(ADDRESS, null, List.of(), new JsonObject().put("seq", seq).put("live", true), false);
    }

    /** A stored session that had seq {@code last} on ADDRESS, resumed on a fresh fake connection. */
    private FakeConnection resume(long last) {
        SessionRecord r = new SessionRecord("s-old", "s-old.secret", "node-0", false, List.of(ADDRESS),
                Map.of(ADDRESS, last), 0, 0);
        await(store.put(r, 60_000));
        FakeConnection conn = new FakeConnection();
        ConnectionSession s = onLoop(() -> manager.opened(conn));
        run(() -> s.onRequest("session.open", new JsonObject().put("token", "s-old.secret"), "r"));
        sessions.add(s);
        return conn;
    }

    private final List<ConnectionSession> sessions = new ArrayList<>();

    private void deliver(long seq) {
        run(() -> sessions.get(0).onMarketData(ADDRESS, true, live(seq), seq));
    }

    @Test
    void liveMessagesWaitForTheReplayAndRepeatsAreDropped() {
        FakeConnection conn = resume(5);
        assertThat(conn.frames.get(0).getJsonObject("reply").getBoolean("resumed")).isTrue();
        assertThat(requestBodies.get(0)).isEqualTo(new JsonObject().put("code", "600000.SH").put("count", 1000));
        deliver(8); // the new consumer started during the outage: 8 and 9 also come from the tape
        deliver(9);
        deliver(10);
        assertThat(conn.seqs()).isEmpty();
        answer(9, 1);
        deliver(11);
        assertThat(conn.seqs()).containsExactly(6L, 7L, 8L, 9L, 10L, 11L);
        assertThat(requests).isEmpty();
    }

    @Test
    void aHoleBetweenTheReplayAndTheFirstLiveMessageIsFetchedToo() {
        FakeConnection conn = resume(5);
        answer(7, 1); // the tape is read before the new consumer sees 8 and 9
        assertThat(conn.seqs()).containsExactly(6L, 7L);
        deliver(10);
        assertThat(requestBodies.get(1)).isEqualTo(new JsonObject().put("code", "600000.SH").put("count", 2)
                .put("beforeSeq", 10));
        deliver(11);
        answer(11, 1);
        assertThat(conn.seqs()).containsExactly(6L, 7L, 8L, 9L, 10L, 11L);
    }

    @Test
    void aGapLongerThanMaxReplayOrOffTheTapeGetsOneResyncMarker() {
        FakeConnection conn = resume(5);
        answer(12, 1); // 7 missed, max-replay is 5
        deliver(13);
        assertThat(conn.frames.subList(1, conn.frames.size())).containsExactly(
                new JsonObject().put("type", "message").put("address", ADDRESS)
                        .put("headers", new JsonObject().put("resync", "true"))
                        .put("body", new JsonObject().put("code", "600000.SH").put("seq", 12).put("resync", true))
                        .put("send", false),
                new JsonObject().put("type", "message").put("address", ADDRESS).put("headers", new JsonObject())
                        .put("body", new JsonObject().put("seq", 13).put("live", true)).put("send", false));
    }

    @Test
    void theTapeNoLongerHoldingTheMissedRangeGivesAResync() {
        FakeConnection conn = resume(5);
        answer(8, 7);
        assertThat(conn.frames.get(1).getJsonObject("body"))
                .isEqualTo(new JsonObject().put("code", "600000.SH").put("seq", 8).put("resync", true));
        assertThat(conn.seqs()).containsExactly(8L);
    }
}
