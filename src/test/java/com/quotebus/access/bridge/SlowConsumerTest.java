package com.quotebus.access.bridge;

import static com.quotebus.access.bridge.BridgeTestSupport.await;
import static com.quotebus.access.bridge.BridgeTestSupport.awaitCondition;
import static com.quotebus.access.bridge.BridgeTestSupport.deploy;
import static com.quotebus.access.bridge.BridgeTestSupport.testOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.access.bridge.frame.ErrorCode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A client that stops reading: memory stays bounded, quotes are conflated to the newest value,
 * ticks get a bounded backlog then a gap marker (or a disconnect, by policy). Deterministic: the
 * client reads nothing until every message has been handled by the server.
 */
class SlowConsumerTest {
    private static final int MESSAGES = 3000;
    private static final int STREAM_BACKLOG = 50;
    private static final String PAD = "x".repeat(150);
    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    private static BridgeServerOptions.Builder slowOptions() {
        return testOptions().writeQueueMaxBytes(4096).flushThresholdBytes(1024).socketSendBufferBytes(4096)
                .streamBacklogMaxFrames(STREAM_BACKLOG);
    }

    @Test
    void quotesAreConflatedToTheNewestAndTicksGetAGapMarkerWhileMemoryStaysBounded() throws Exception {
        AccessGatewayVerticle g = deploy(vertx, slowOptions().slowConsumerPolicy(SlowConsumerPolicy.GAP).build(), null);
        BridgeMetrics metrics = g.server().metrics();
        try (RawBridgeClient c = RawBridgeClient.connect(g.port(), 4096)) {
            c.register("quote.600000.SH");
            c.register("tick.600000.SH");
            c.sync();
            for (int i = 0; i < MESSAGES; i++) {
                vertx.eventBus().publish("quote.600000.SH", new JsonObject().put("seq", i).put("pad", PAD));
                vertx.eventBus().publish("tick.600000.SH", new JsonObject().put("seq", i).put("pad", PAD));
            }
            awaitCondition(() -> metrics.snapshot().messagesFromBus() == 2 * MESSAGES, "all messages handled");
            assertThat(await(g.server().congestedConnections())).isEqualTo(1);
            int held = await(g.server().heldFrames());
            // Bound: the stream backlog, one conflated quote, one coalescing buffer's worth of frames.
            assertThat(held).isLessThanOrEqualTo(STREAM_BACKLOG + 1 + 1024 / 200 + 1);
            BridgeMetrics.Snapshot during = metrics.snapshot();
            assertThat(during.conflated()).isPositive();
            assertThat(during.dropped()).isPositive();

            // Now read everything: the newest quote comes last, after the tick backlog and the gap marker.
            List<Integer> quotes = new ArrayList<>();
            List<Integer> ticks = new ArrayList<>();
            List<JsonObject> gaps = new ArrayList<>();
            int ticksAfterGap = 0;
            while (quotes.isEmpty() || quotes.get(quotes.size() - 1) != MESSAGES - 1) {
                JsonObject f = c.read();
                assertThat(f.getString("type")).isEqualTo("message");
                if ("true".equals(f.getJsonObject("headers").getString("gap"))) {
                    gaps.add(f);
                } else if (f.getString("address").startsWith("quote.")) {
                    quotes.add(f.getJsonObject("body").getInteger("seq"));
                } else {
                    ticks.add(f.getJsonObject("body").getInteger("seq"));
                    ticksAfterGap += gaps.isEmpty() ? 0 : 1;
                }
            }
            assertThat(c.sync()).isEmpty();
            assertThat(quotes).isSorted().doesNotHaveDuplicates();
            assertThat(quotes.size()).isLessThan(MESSAGES);
            assertThat(ticks).isSorted().doesNotHaveDuplicates();
            assertThat(ticksAfterGap).isZero();
            assertThat(gaps).hasSize(1);
            long dropped = gaps.get(0).getJsonObject("body").getLong("dropped");
            assertThat(gaps.get(0)).isEqualTo(new JsonObject().put("type", "message").put("address", "tick.600000.SH")
                    .put("headers", new JsonObject().put("gap", "true"))
                    .put("body", new JsonObject().put("gap", true).put("dropped", dropped)).put("send", false));
            assertThat(ticks.size() + dropped).isEqualTo(MESSAGES);
            // The received ticks are exactly the first ones: nothing lost before the gap.
            assertThat(ticks.get(ticks.size() - 1)).isEqualTo(ticks.size() - 1);
            assertThat(metrics.snapshot().dropped()).isEqualTo(dropped);
            assertThat(metrics.snapshot().gapMarkers()).isEqualTo(1);

            // Resynced: live data flows again.
            vertx.eventBus().publish("tick.600000.SH", new JsonObject().put("seq", MESSAGES));
            assertThat(c.read().getJsonObject("body").getInteger("seq")).isEqualTo(MESSAGES);
        }
    }

    @Test
    void disconnectPolicyClosesEachSlowClientWithAReason() throws Exception {
        AccessGatewayVerticle g = deploy(vertx,
                slowOptions().slowConsumerPolicy(SlowConsumerPolicy.DISCONNECT).build(), null);
        BridgeMetrics metrics = g.server().metrics();
        try (RawBridgeClient a = RawBridgeClient.connect(g.port(), 4096);
             RawBridgeClient b = RawBridgeClient.connect(g.port(), 4096)) {
            a.register("tick.600000.SH");
            b.register("tick.600000.SH");
            a.sync();
            b.sync();
            for (int i = 0; i < MESSAGES; i++) {
                vertx.eventBus().publish("tick.600000.SH", new JsonObject().put("seq", i).put("pad", PAD));
            }
            awaitCondition(() -> metrics.snapshot().connectionsActive() == 0, "slow clients disconnected");
            assertThat(metrics.snapshot().errors(ErrorCode.SLOW_CONSUMER)).isEqualTo(2);
            awaitCondition(() -> metrics.snapshot().consumers() == 0, "consumer released");
            assertThat(metrics.snapshot().subscriptions()).isZero();
            for (RawBridgeClient c : List.of(a, b)) {
                List<JsonObject> frames = c.readUntilClosed();
                assertThat(frames).isNotEmpty();
                assertThat(frames.get(frames.size() - 1))
                        .isEqualTo(new JsonObject().put("type", "err").put("message", "slow_consumer"));
                // Everything before the reason is the ticks in order, none skipped.
                for (int i = 0; i < frames.size() - 1; i++) {
                    assertThat(frames.get(i).getJsonObject("body").getInteger("seq")).isEqualTo(i);
                }
            }
        }
    }
}
