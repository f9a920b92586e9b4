package com.quotebus.collector.verticle;

import static com.quotebus.collector.TestEvents.T0;
import static com.quotebus.collector.TestEvents.snapshot;
import static com.quotebus.collector.TestEvents.trade;

import com.quotebus.collector.TestEvents;
import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.bus.EventMessageCodec;
import com.quotebus.bus.TradeMessageCodec;
import com.quotebus.collector.FeedSink;
import com.quotebus.collector.FeedSource;
import com.quotebus.collector.pipeline.LeaderElection;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.MarketTime;
import com.quotebus.core.event.Trade;
import com.quotebus.core.time.ManualClock;
import com.quotebus.core.time.MarketClock;
import com.quotebus.wire.EventCodec;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.eventbus.impl.MessageImpl;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CollectorVerticleTest {
    private static final int SHARDS = 4;
    private static final int CH = 2011;

    @TempDir
    Path dir;

    private Vertx vertx;
    private final ManualClock clock = new ManualClock(T0);
    private final List<FakeSource> fakes = Collections.synchronizedList(new ArrayList<>());

    /** A source the test drives by hand. */
    static final class FakeSource implements FeedSource {
        final String name;
        volatile FeedSink sink;
        volatile boolean stopped;

        FakeSource(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public CompletableFuture<Void> start(FeedSink s) {
            sink = s;
            s.onConnected(name);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> stop() {
            stopped = true;
            return CompletableFuture.completedFuture(null);
        }
    }

    @BeforeEach
    void setUp() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void tearDown() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private JsonObject config() {
        return new JsonObject().put("trading-day", "2026-11-25").put("shards", SHARDS)
                .put("journal", new JsonObject().put("directory", dir.toString()))
                .put("sources", new JsonArray()
                        .add(new JsonObject().put("name", "a").put("type", "fake"))
                        .add(new JsonObject().put("name", "b").put("type", "fake")));
    }

    private String deploy(MarketClock clk) throws Exception {
        FeedSourceFactories factories = FeedSourceFactories.discover().register(new FeedSourceFactory() {
            @Override
            public String type() {
                return "fake";
            }

            @Override
            public void check(SourceSpec spec) {
            }

            @Override
            public FeedSource create(SourceSpec spec, Vertx v, MarketClock c) {
                FakeSource f = new FakeSource(spec.name());
                fakes.add(f);
                return f;
            }
        });
        return await(vertx.deployVerticle(new CollectorVerticle(factories, clk, LeaderElection.alwaysLeader()),
                new DeploymentOptions().setConfig(config())));
    }

    private static List<MarketEvent> decodeAll(Buffer body) {
        ByteBuffer in = ByteBuffer.wrap(body.getBytes());
        List<MarketEvent> out = new ArrayList<>();
        while (in.hasRemaining()) {
            out.add(EventCodec.decodeMarketEvent(in));
        }
        return out;
    }

    @Test
    void publishesArbitratedSequencedEventsPerShardWithTheBinaryCodecAndServesTheJournalReplay() throws Exception {
        List<MarketEvent> received = Collections.synchronizedList(new ArrayList<>());
        List<MessageCodec<?, ?>> codecs = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch all = new CountDownLatch(7);
        for (int n = 0; n < SHARDS; n++) {
            int shard = n;
            vertx.eventBus().<MarketEvent>consumer(CollectorAddresses.SHARD_PREFIX + n, m -> {
                assertThat(CollectorAddresses.shardOf(m.body().code(), SHARDS)).isEqualTo(shard);
                received.add(m.body());
                all.countDown();
            });
        }
        vertx.eventBus().addOutboundInterceptor(ctx -> {
            if (ctx.message().address().startsWith(CollectorAddresses.SHARD_PREFIX)) {
                codecs.add(((MessageImpl<?, ?>) ctx.message()).codec());
            }
            ctx.next();
        });
        deploy(clock);
        FakeSource a = fakes.get(0);
        FakeSource b = fakes.get(1);
        String[] codes = {"000001.SZ", "000002.SZ", "300750.SZ"};
        for (int seq = 1; seq <= 6; seq++) {
            Trade t = trade(codes[seq % 3], CH, seq);
            if (seq != 4) {
                a.sink.onEvent("a", t); // line A loses 4
            }
            b.sink.onEvent("b", t);
        }
        a.sink.onEvent("a", snapshot("000001.SZ", T0 + 3_000, 100_100, 500));

        assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        // Shards are delivered independently; within a symbol the order is the sequence order.
        java.util.Map<String, List<String>> seen = new java.util.TreeMap<>();
        List<MarketEvent> inOrder;
        synchronized (received) {
            inOrder = List.copyOf(received);
        }
        for (MarketEvent e : inOrder) {
            seen.computeIfAbsent(e.code(), c -> new ArrayList<>()).add("#" + e.seq() + " ch" + e.channelSeq() + " "
                    + e.source());
        }
        assertThat(seen).isEqualTo(java.util.Map.of(
                "000001.SZ", List.of("#1 ch3 a", "#2 ch6 a", "#3 ch0 a"),
                "000002.SZ", List.of("#1 ch1 a", "#2 ch4 b"),
                "300750.SZ", List.of("#1 ch2 a", "#2 ch5 a")));
        assertThat(codecs).allMatch(c -> c instanceof EventMessageCodec)
                .filteredOn(c -> !(c instanceof com.quotebus.bus.MarketTimeMessageCodec)).hasSize(7);
        MarketEvent lineB = inOrder.stream().filter(e -> e.source().equals("b")).findFirst().orElseThrow();
        assertThat(codecs.stream().map(c -> c.getClass().getSimpleName()).distinct().sorted().toList())
                .containsAnyOf("SnapshotMessageCodec", "TradeMessageCodec")
                .isSubsetOf("MarketTimeMessageCodec", "SnapshotMessageCodec", "TradeMessageCodec");
        // What a cluster peer would receive: the binary frame carries the collector's seq and winning source.
        Buffer wire = Buffer.buffer().appendString("x");
        TradeMessageCodec tradeCodec = new TradeMessageCodec();
        tradeCodec.encodeToWire(wire, (Trade) lineB);
        assertThat(tradeCodec.decodeFromWire(1, wire)).isEqualTo(lineB);

        int shard = CollectorAddresses.shardOf("000001.SZ", SHARDS);
        Message<Buffer> page = await(vertx.eventBus().<Buffer>request(CollectorAddresses.REPLAY,
                new JsonObject().put("shard", shard).put("shards", SHARDS).put("from", 0)));
        List<MarketEvent> expected = inOrder.stream()
                .filter(e -> CollectorAddresses.shardOf(e.code(), SHARDS) == shard).toList();
        assertThat(decodeAll(page.body())).filteredOn(e -> !(e instanceof MarketTime)).isEqualTo(expected);
        assertThat(page.headers().get("complete")).isEqualTo("true");
        assertThat(Integer.parseInt(page.headers().get("count"))).as("the shard's events and the market times")
                .isEqualTo(decodeAll(page.body()).size());

        Message<Buffer> byCode = await(vertx.eventBus().<Buffer>request(CollectorAddresses.REPLAY,
                new JsonObject().put("codes", new JsonArray().add("300750.SZ")).put("maxEvents", 1)));
        assertThat(decodeAll(byCode.body())).containsExactly(
                inOrder.stream().filter(e -> e.code().equals("300750.SZ")).findFirst().orElseThrow());
        assertThat(byCode.headers().get("complete")).isEqualTo("false");

        Message<JsonObject> metrics = await(vertx.eventBus().<JsonObject>request(CollectorAddresses.METRICS, null));
        JsonObject arb = metrics.body().getJsonObject("arbitration");
        assertThat(arb.getLong("delivered")).isEqualTo(7);
        assertThat(arb.getJsonObject("sources").getJsonObject("b").getLong("duplicates")).isEqualTo(5);
        assertThat(metrics.body().getLong("published")).isEqualTo(7);
    }

    @Test
    void aBadReplayRequestFailsWithACodeAndReason() throws Exception {
        deploy(clock);
        var failed = vertx.eventBus().request(CollectorAddresses.REPLAY, new JsonObject().put("shard", 99))
                .toCompletionStage().toCompletableFuture();
        try {
            failed.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(io.vertx.core.eventbus.ReplyException.class)
                    .hasMessageContaining("shard must be 0..3, was 99");
            assertThat(((io.vertx.core.eventbus.ReplyException) e.getCause()).failureCode()).isEqualTo(400);
        }
    }

    @Test
    void aConfigurationErrorFailsTheDeploymentNamingTheKey() {
        JsonObject bad = config().put("shards", 0);
        var deployed = vertx.deployVerticle(new CollectorVerticle(), new DeploymentOptions().setConfig(bad))
                .toCompletionStage().toCompletableFuture();
        try {
            deployed.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (Exception e) {
            assertThat(e.getCause()).hasMessage("bad setting collector.shards = '0': expected an integer 1..4096");
        }
    }

    @Test
    void anUnknownSourceTypeNamesTheKnownOnes() {
        JsonObject bad = config().put("sources", new JsonArray().add(new JsonObject().put("name", "x")
                .put("type", "nope")));
        var deployed = vertx.deployVerticle(new CollectorVerticle(), new DeploymentOptions().setConfig(bad))
                .toCompletionStage().toCompletableFuture();
        try {
            deployed.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (Exception e) {
            assertThat(e.getCause()).hasMessageStartingWith("collector.sources[x].type 'nope' has no factory (known: "
                    + "csv-replay");
        }
    }

    @Test
    void aHoleNoLineFillsIsPublishedAsGapThenStaleOnTheStatusAddress() throws Exception {
        List<JsonObject> statuses = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch three = new CountDownLatch(3);
        vertx.eventBus().<JsonObject>consumer(CollectorAddresses.STATUS, m -> {
            statuses.add(m.body());
            three.countDown();
        });
        deploy(clock);
        for (FakeSource line : List.of(fakes.get(0), fakes.get(1))) {
            line.sink.onEvent(line.name, trade("000001.SZ", CH, 1));
            line.sink.onEvent(line.name, trade("000001.SZ", CH, 3)); // 2 lost on both lines
        }
        clock.advance(100); // past the 20 ms gap window; the verticle's tick notices

        assertThat(three.await(10, TimeUnit.SECONDS)).isTrue();
        List<String> kinds = new ArrayList<>();
        synchronized (statuses) {
            statuses.forEach(j -> kinds.add(j.getString("kind")));
        }
        assertThat(kinds).containsExactly("LEADER", "GAP", "STALE");
        assertThat(statuses.get(1).copy().put("time", 0)).isEqualTo(new JsonObject().put("kind", "GAP")
                .put("time", 0).put("source", "").put("channel", CH).put("fromSeq", 2L).put("toSeq", 2L)
                .put("codes", new JsonArray()).put("reason", "not received from any source within 20 ms"));
        assertThat(statuses.get(2).getJsonArray("codes")).isEqualTo(new JsonArray().add("000001.SZ"));
    }

    @Test
    void eachEventGoesToTheJournalOfItsOwnTradingDayWhateverTheClockSaysAndNumberingStartsAgainEachDay()
            throws Exception {
        // the clock already jumped past 18:00 (a simulated clock skipping the evening, or a late delivery)
        ManualClock friday = new ManualClock(com.quotebus.core.time.ChinaTime.epochMillis(
                java.time.LocalDateTime.parse("2026-11-27T20:54:00")));
        JsonObject cfg = config();
        cfg.remove("trading-day");
        FeedSourceFactories factories = FeedSourceFactories.discover().register(new FeedSourceFactory() {
            @Override
            public String type() {
                return "fake";
            }

            @Override
            public void check(SourceSpec spec) {
            }

            @Override
            public FeedSource create(SourceSpec spec, Vertx v, MarketClock c) {
                FakeSource f = new FakeSource(spec.name());
                fakes.add(f);
                return f;
            }
        });
        CountDownLatch published = new CountDownLatch(4); // journaled before published: then a replay has them
        for (int n = 0; n < SHARDS; n++) {
            vertx.eventBus().<MarketEvent>consumer(CollectorAddresses.SHARD_PREFIX + n, m -> {
                if (!(m.body() instanceof MarketTime)) {
                    published.countDown();
                }
            });
        }
        CollectorVerticle verticle = new CollectorVerticle(factories, friday, LeaderElection.alwaysLeader());
        await(vertx.deployVerticle(verticle, new DeploymentOptions().setConfig(cfg)));
        FakeSource a = fakes.get(0);
        long close = at("2026-11-27T15:00:00");
        a.sink.onEvent("a", TestEvents.trade("000001.SZ", CH, 1, close - 3_000, 100_000, 100));
        // the night session (Monday's trading day) starts; its channel sequences start at 1
        a.sink.onEvent("a", TestEvents.trade("rb2605.SHF", CH, 1, at("2026-11-27T21:00:01"), 350_000, 2));
        // Friday's closing print arrives after the night's first trade: it is still Friday's, numbered after its other
        a.sink.onEvent("a", TestEvents.trade("000001.SZ", CH, 2, close, 100_100, 5_000));
        a.sink.onEvent("a", TestEvents.trade("000001.SZ", CH, 2, at("2026-11-30T09:30:00"), 100_200, 100));
        assertThat(published.await(10, TimeUnit.SECONDS)).isTrue();

        Message<Buffer> fri = await(vertx.eventBus().<Buffer>request(CollectorAddresses.REPLAY,
                new JsonObject().put("codes", new JsonArray().add("000001.SZ")).put("tradingDay", "2026-11-27")));
        assertThat(decodeAll(fri.body())).filteredOn(e -> !(e instanceof MarketTime))
                .extracting(MarketEvent::exchangeTime, MarketEvent::seq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(close - 3_000, 1L),
                        org.assertj.core.groups.Tuple.tuple(close, 2L));
        Message<Buffer> monday = await(vertx.eventBus().<Buffer>request(CollectorAddresses.REPLAY,
                new JsonObject().put("codes", new JsonArray().add("000001.SZ").add("rb2605.SHF"))));
        assertThat(monday.headers().get("tradingDay")).isEqualTo("2026-11-30");
        assertThat(decodeAll(monday.body())).filteredOn(e -> !(e instanceof MarketTime))
                .extracting(MarketEvent::code, MarketEvent::seq)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("rb2605.SHF", 1L),
                        org.assertj.core.groups.Tuple.tuple("000001.SZ", 1L));
        assertThat(dir.resolve("journal-20261127.qbj")).exists();
        assertThat(dir.resolve("journal-20261130.qbj")).exists();
        assertThat(verticle.metrics().arbitration().sources().get("a").outOfOrder())
                .as("channel sequences of a new day are not out of order").isZero();
    }

    private static long at(String localTime) {
        return com.quotebus.core.time.ChinaTime.epochMillis(java.time.LocalDateTime.parse(localTime));
    }
}
