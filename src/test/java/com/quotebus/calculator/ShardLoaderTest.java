package com.quotebus.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.bus.EventCodecs;
import com.quotebus.cluster.InMemoryInstrumentDirectory;
import com.quotebus.cluster.ShardState;
import com.quotebus.cluster.Shards;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingSchedules;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shard states a {@link ShardLoader} reports for the shard map. The collector's journal is a fake that answers
 * "no journal" (so a shard goes live on its stream at once) for the shards it is told to, and holds the others'
 * replay requests until then.
 */
class ShardLoaderTest {
    static final int SHARDS = 4;
    Vertx vertx;
    Context loop;
    ShardLoader loader;
    final Set<Integer> journalOpen = ConcurrentHashMap.newKeySet();
    final Map<Integer, Message<JsonObject>> held = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        EventCodecs.registerAll(vertx.eventBus());
        vertx.eventBus().<JsonObject>consumer(Shards.JOURNAL_REPLAY_ADDRESS, m -> {
            int shard = m.body().getInteger("shard");
            if (journalOpen.contains(shard)) {
                m.fail(404, "no journal today");
            } else {
                held.put(shard, m);
            }
        }).completion().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        loop = vertx.getOrCreateContext();
        CalculatorOptions options = CalculatorOptions.defaults();
        onLoop(() -> loader = new ShardLoader(vertx, new CalculatorEngine(
                new TradingSchedules(TradingCalendar.loadDefault()), options.barSource(), options.limits(),
                new RecordingPushSink()), new InMemoryInstrumentDirectory(), SHARDS, options, e -> { }, null,
                () -> null, () -> { }));
    }

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** Runs on the loader's event loop (it is not thread-safe) and returns the result. */
    private <T> T onLoop(Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        loop.runOnContext(v -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }

    /** Lets the journal answer for {@code shard} ("no journal": the shard follows its live stream from now). */
    private void openJournal(int shard) {
        journalOpen.add(shard);
        Message<JsonObject> m = held.remove(shard);
        if (m != null) {
            m.fail(404, "no journal today");
        }
    }

    /** A code of {@code shard}. */
    private static String codeOf(int shard) {
        for (int i = 1; ; i++) {
            String code = String.format("%06d.SZ", i);
            if (Shards.shardOf(code, SHARDS) == shard) {
                return code;
            }
        }
    }

    private void awaitCaughtUp(int shard) throws Exception {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        String code = codeOf(shard);
        while (onLoop(() -> loader.of(code)) != QueryService.Serving.LIVE) {
            if (System.nanoTime() > end) {
                throw new AssertionError("shard " + shard + " not caught up within 10 s");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void aStartingInstanceReportsNoShardLiveUntilEveryAssignedShardIsCaughtUpThenEachAsSoonAsItIs() throws Exception {
        openJournal(0);
        onLoop(() -> {
            loader.assign(Set.of(0, 1));
            return null;
        });
        awaitCaughtUp(0);
        assertThat(onLoop(() -> loader.states(false))).as("shard 0 caught up, shard 1 rebuilding: not ready")
                .isEqualTo(Map.of(0, ShardState.ACQUIRING, 1, ShardState.ACQUIRING));

        openJournal(1);
        awaitCaughtUp(1);
        assertThat(onLoop(() -> loader.states(false))).as("every assigned shard caught up: ready")
                .isEqualTo(Map.of(0, ShardState.LIVE, 1, ShardState.LIVE));

        onLoop(() -> {
            loader.assign(Set.of(0, 1, 2));
            return null;
        });
        assertThat(onLoop(() -> loader.states(false))).as("served once: a shard acquired later holds back no other")
                .isEqualTo(Map.of(0, ShardState.LIVE, 1, ShardState.LIVE, 2, ShardState.ACQUIRING));
        assertThat(onLoop(() -> loader.states(true))).as("leaving")
                .isEqualTo(Map.of(0, ShardState.RELEASING, 1, ShardState.RELEASING, 2, ShardState.RELEASING));
    }
}
