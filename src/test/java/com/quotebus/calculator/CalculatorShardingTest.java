package com.quotebus.calculator;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.access.routing.AccessRouting;
import com.quotebus.access.routing.RouteReply;
import com.quotebus.access.routing.ServicePolicy;
import com.quotebus.access.routing.StrategyKind;
import com.quotebus.bus.EventCodecs;
import com.quotebus.cluster.InMemoryInstrumentDirectory;
import com.quotebus.cluster.Shards;
import com.quotebus.cluster.registry.InstanceState;
import com.quotebus.cluster.registry.RegistryListener;
import com.quotebus.cluster.registry.ServiceInstance;
import com.quotebus.cluster.registry.ServiceRegistry;
import com.quotebus.core.adjust.AdjustFactorTable;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.instrument.Code;
import com.quotebus.core.instrument.Instrument;
import com.quotebus.core.instrument.InstrumentType;
import com.quotebus.core.time.ManualClock;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingSchedules;
import com.quotebus.testkit.SyntheticDay;
import com.quotebus.wire.EventCodec;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two calculator instances on one (local) event bus split the shards; the gateway's router with the
 * shard-owner strategy sends each code's query to the instance that owns it, and that instance has the
 * code's live state.
 */
class CalculatorShardingTest {
    static final TradingCalendar CALENDAR = TradingCalendar.loadDefault();
    static final LocalDate DAY = LocalDate.parse("2025-03-10");
    Vertx vertx;
    AccessRouting routing;
    final InMemoryInstrumentDirectory directory = new InMemoryInstrumentDirectory();
    final List<Instrument> instruments = new ArrayList<>();

    static <T> T await(Future<T> f) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @BeforeEach
    void setUp() throws Exception {
        vertx = Vertx.vertx();
        EventCodecs.registerAll(vertx.eventBus());
        Shards.configure(16);
        for (int i = 1; i <= 40; i++) {
            instruments.add(new Instrument(Code.parse(String.format("%06d.SZ", i)), null, InstrumentType.STOCK, 100, 100,
                    1, 100_000, 110_000, 90_000, "CN_STOCK"));
        }
        directory.putAll(instruments);
        routing = AccessRouting.local(vertx, AccessRouting.Settings.DEFAULT, Clock.systemUTC(), new SimpleMeterRegistry());
        for (String s : QueryService.SERVICES) {
            await(Future.fromCompletionStage(routing.policies().setPolicy(s, ServicePolicy.of(
                    s.equals("snapshot") ? StrategyKind.SHARD_SCATTER : StrategyKind.SHARD_OWNER))));
        }
    }

    @AfterEach
    void tearDown() throws Exception {
        await(vertx.close());
    }

    private CalculatorVerticle calculator(String id, ManualClock clock) {
        return calculator(id, clock, routing.registry());
    }

    private CalculatorVerticle calculator(String id, ManualClock clock, ServiceRegistry registry) {
        return calculator(id, clock, registry, 1);
    }

    private CalculatorVerticle calculator(String id, ManualClock clock, ServiceRegistry registry, int replicas) {
        return new CalculatorVerticle(CalculatorOptions.defaults(), id, "node-1", 16, replicas, routing.shardMap(),
                registry, null, directory, new TradingSchedules(CALENDAR), clock, AdjustFactorTable.of(List.of()));
    }

    /** The codes calc-b owns when calc-a and calc-b are both ACTIVE. */
    private static List<String> ownedByB(List<String> codes) {
        return codes.stream()
                .filter(c -> Shards.owner(Shards.shardOf(c, 16), List.of("calc-a", "calc-b")).equals("calc-b")).toList();
    }

    /**
     * Queries {@code codes} round after round until {@code done} completes; every answer must carry the code's
     * volume; a failed query is added to {@code failures}. Returns the answers.
     */
    private List<RouteReply> queryUntil(Future<?> done, List<String> codes, Map<String, Long> volume,
                                        List<String> failures) throws Exception {
        List<RouteReply> replies = new ArrayList<>();
        while (!done.isComplete()) {
            for (String code : codes) {
                try {
                    RouteReply r = await(routing.router().route("svc.pricevol", new JsonObject().put("code", code),
                            Map.of()));
                    assertThat(((JsonObject) r.body()).getLong("dayVolume")).as(code).isEqualTo(volume.get(code));
                    replies.add(r);
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(code + ": " + e.getCause());
                }
            }
        }
        return replies;
    }

    @Test
    void twoInstancesSplitTheShardsAndEachQueryIsAnsweredByTheOwner() throws Exception {
        slowJournal(List.of(), 1); // a collector whose journal of the day is still empty
        ManualClock clock = new ManualClock(0);
        CalculatorVerticle a = calculator("calc-a", clock);
        CalculatorVerticle b = calculator("calc-b", clock);
        await(vertx.deployVerticle(a));
        await(vertx.deployVerticle(b));
        // both registered and ready: each sees the other and has its share of the shards live
        long deadline = System.currentTimeMillis() + 10_000;
        while (!(await(a.statusOnLoop()).getBoolean("ready") && await(b.statusOnLoop()).getBoolean("ready")
                && routing.shardMap().holdings().values().stream().mapToInt(h -> h.shards().size()).sum() == 16)) {
            assertThat(System.currentTimeMillis()).as("both ready: " + routing.shardMap().holdings()).isLessThan(deadline);
            Thread.sleep(20);
        }
        // the collector's stream: every code's events on its shard address
        Map<String, Long> volume = new HashMap<>();
        for (Instrument inst : instruments) {
            SyntheticDay d = SyntheticDay.generate(inst, DAY, CALENDAR, inst.code().hashCode(), 1);
            long seq = 0;
            for (var t : d.trades.subList(0, 30)) {
                MarketEvent e = t.withSequencing(++seq, "a");
                vertx.eventBus().publish(Shards.streamAddress(Shards.shardOf(e.code(), 16)), e);
                volume.merge(e.code(), t.quantity(), Long::sum);
            }
        }
        Set<String> answered = new HashSet<>();
        deadline = System.currentTimeMillis() + 10_000;
        for (Instrument inst : instruments) {
            String code = inst.codeText();
            String owner = Shards.owner(Shards.shardOf(code, 16), List.of("calc-a", "calc-b"));
            RouteReply reply = null;
            while (System.currentTimeMillis() < deadline) {
                reply = await(routing.router().route("svc.pricevol", new JsonObject().put("code", code),
                        Map.of()));
                if (((JsonObject) reply.body()).getLong("dayVolume") == (long) volume.get(code)) {
                    break;
                }
                Thread.sleep(20);
            }
            assertThat(reply.instanceIds()).as(code).containsExactly(owner);
            assertThat(((JsonObject) reply.body()).getLong("dayVolume")).as(code).isEqualTo(volume.get(code));
            answered.add(owner);
        }
        assertThat(answered).containsExactlyInAnyOrder("calc-a", "calc-b");
        // a multi-code snapshot is split by shard, each part answered by its owner, and merged
        JsonArray codes = new JsonArray();
        instruments.forEach(i -> codes.add(i.codeText()));
        RouteReply snap = await(routing.router().route("svc.snapshot", new JsonObject().put("codes", codes), Map.of()));
        assertThat(snap.instanceIds()).containsExactlyInAnyOrder("calc-a", "calc-b");
    }

    /** The first {@code perCode} trades of every instrument, sequenced per code; adds each code's volume. */
    private List<MarketEvent> journalOfTrades(int perCode, Map<String, Long> volume) {
        List<MarketEvent> journal = new ArrayList<>();
        for (Instrument inst : instruments) {
            SyntheticDay d = SyntheticDay.generate(inst, DAY, CALENDAR, inst.code().hashCode(), 1);
            long seq = 0;
            for (var t : d.trades.subList(0, perCode)) {
                journal.add(t.withSequencing(++seq, "a"));
                volume.merge(t.code(), t.quantity(), Long::sum);
            }
        }
        return journal;
    }

    /**
     * A collector journal that answers a replay after {@code delayMs} with every journaled event of the shard
     * (one page): rebuilding a shard takes at least that long.
     */
    private void slowJournal(List<MarketEvent> journal, long delayMs) {
        // and, as a running collector does, a market time on every shard's stream every 50 ms (before the trades)
        com.quotebus.core.event.MarketTime preOpen = new com.quotebus.core.event.MarketTime(
                com.quotebus.core.time.ChinaTime.epochMillis(DAY, 9 * 60));
        vertx.setPeriodic(50, t -> {
            for (int shard = 0; shard < 16; shard++) {
                vertx.eventBus().publish(Shards.streamAddress(shard), preOpen);
            }
        });
        vertx.eventBus().<JsonObject>consumer(Shards.JOURNAL_REPLAY_ADDRESS, m -> vertx.setTimer(delayMs, t -> {
            int shard = m.body().getInteger("shard");
            java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(4 << 20);
            for (MarketEvent e : journal) {
                if (Shards.shardOf(e.code(), 16) == shard) {
                    EventCodec.encode(e, out);
                }
            }
            out.flip();
            byte[] bytes = new byte[out.remaining()];
            out.get(bytes);
            m.reply(Buffer.buffer(bytes), new DeliveryOptions().addHeader("nextPosition", "" + journal.size())
                    .addHeader("endPosition", "" + journal.size()).addHeader("complete", "true"));
        }));
    }

    @Test
    void aStoppingInstanceServesItsShardsUntilTheirNewOwnerHasRebuiltThemSoNoQueryFails() throws Exception {
        Map<String, Long> volume = new HashMap<>();
        slowJournal(journalOfTrades(30, volume), 1_500);
        ManualClock clock = new ManualClock(0);
        await(vertx.deployVerticle(calculator("calc-a", clock)));
        String b = await(vertx.deployVerticle(calculator("calc-b", clock)));
        List<String> ofB = ownedByB(instruments.stream().map(Instrument::codeText).toList());
        assertThat(ofB).isNotEmpty();
        awaitServedBy(ofB, "calc-b", volume); // B has rebuilt its shards from the journal and answers for them

        long stopAt = System.currentTimeMillis();
        Future<Void> stopped = vertx.undeploy(b);
        List<String> failures = new ArrayList<>();
        List<String> answeredBy = queryUntil(stopped, ofB, volume, failures).stream()
                .map(r -> r.headers().get(CalculatorVerticle.INSTANCE_HEADER)).toList(); // who answered, not who was asked
        long tookMs = System.currentTimeMillis() - stopAt;
        assertThat(stopped.succeeded()).isTrue();
        assertThat(failures).as("queries while B handed its shards over").isEmpty();
        assertThat(answeredBy).as("B kept answering while A rebuilt").contains("calc-b");
        assertThat(tookMs).as("B left once A had rebuilt its shards").isBetween(1_400L, ShardLoader.HANDOVER_MS + 1_000);
        for (String code : ofB) {
            RouteReply r = await(routing.router().route("svc.pricevol", new JsonObject().put("code", code), Map.of()));
            assertThat(r.instanceIds()).as(code).containsExactly("calc-a");
            assertThat(((JsonObject) r.body()).getLong("dayVolume")).as(code).isEqualTo(volume.get(code));
        }
    }

    @Test
    void drainingACalculatorMovesItsShardsToTheOthersAndUndrainBringsThemBack() throws Exception {
        Map<String, Long> volume = new HashMap<>();
        slowJournal(journalOfTrades(10, volume), 100);
        ManualClock clock = new ManualClock(0);
        CalculatorVerticle a = calculator("calc-a", clock);
        CalculatorVerticle b = calculator("calc-b", clock);
        await(vertx.deployVerticle(a));
        await(vertx.deployVerticle(b));
        List<String> ofB = ownedByB(instruments.stream().map(Instrument::codeText).toList());
        awaitServedBy(ofB, "calc-b", volume);

        for (String service : QueryService.SERVICES) { // as an admin takes an instance out: every service
            await(Future.fromCompletionStage(routing.registry().drain(service, "calc-b")));
        }
        awaitServedBy(ofB, "calc-a", volume);
        awaitShards(b, 0);

        for (String service : QueryService.SERVICES) {
            await(Future.fromCompletionStage(routing.registry().undrain(service, "calc-b")));
        }
        awaitServedBy(ofB, "calc-b", volume);
        awaitShards(a, 16 - Shards.ownedBy("calc-b", List.of("calc-a", "calc-b"), 16).size());
    }

    @Test
    void aJoiningInstanceIsRoutedNothingBeforeItsShardsAreLiveSoNoQueryFails() throws Exception {
        Map<String, Long> volume = new HashMap<>();
        slowJournal(journalOfTrades(30, volume), 50);
        ManualClock clock = new ManualClock(0);
        await(vertx.deployVerticle(calculator("calc-a", clock)));
        List<String> all = instruments.stream().map(Instrument::codeText).toList();
        awaitServedBy(all, "calc-a", volume);
        List<String> ofB = ownedByB(all);

        // B's registrations are visible to the router at once but confirmed to B 1.5 s later (a slow Hazelcast
        // put on a loaded machine): the router sees B before B has acquired anything, and routes by the shard map.
        Future<String> deployed = vertx.deployVerticle(calculator("calc-b", clock,
                new SlowToConfirm(routing.registry(), 1_500)));
        List<String> failures = new ArrayList<>();
        List<RouteReply> replies = queryUntil(deployed, ofB, volume, failures);
        assertThat(deployed.succeeded()).isTrue();
        assertThat(failures).as("queries while B registered and had not acquired its shards").isEmpty();
        assertThat(replies).as("answered by A meanwhile").allMatch(r -> r.instanceIds().equals(List.of("calc-a")));
        awaitServedBy(ofB, "calc-b", volume);
    }

    @Test
    void aShardStaysAcquiringWhileNoCollectorAnswersAndGoesLiveOnceOneDoes() throws Exception {
        ManualClock clock = new ManualClock(0);
        CalculatorVerticle a = calculator("calc-a", clock);
        await(vertx.deployVerticle(a));
        Thread.sleep(1_500);
        assertThat(await(a.statusOnLoop()).getBoolean("ready")).isFalse();
        assertThat(routing.shardMap().holdings().get("calc-a").shards().values())
                .as("nothing served from a stream it cannot vouch for").hasSize(16)
                .allMatch(st -> st == com.quotebus.cluster.ShardState.ACQUIRING);
        Map<String, Long> volume = new HashMap<>();
        slowJournal(journalOfTrades(5, volume), 1); // the collector comes
        List<String> all = instruments.stream().map(Instrument::codeText).toList();
        awaitServedBy(all, "calc-a", volume);
        assertThat(await(a.statusOnLoop()).getBoolean("ready")).isTrue();
    }

    @Test
    void withTwoReplicasBothHoldEveryShardLiveAndQueriesGoOnWhileOneStops() throws Exception {
        Map<String, Long> volume = new HashMap<>();
        slowJournal(journalOfTrades(30, volume), 50);
        ManualClock clock = new ManualClock(0);
        CalculatorVerticle a = calculator("calc-a", clock, routing.registry(), 2);
        await(vertx.deployVerticle(a));
        String b = await(vertx.deployVerticle(calculator("calc-b", clock, routing.registry(), 2)));
        awaitShards(a, 16);
        long deadline = System.currentTimeMillis() + 10_000;
        while (!routing.shardMap().holdings().values().stream().allMatch(h -> h.shards().size() == 16
                && h.shards().values().stream().allMatch(st -> st == com.quotebus.cluster.ShardState.LIVE))
                || routing.shardMap().holdings().size() != 2) {
            assertThat(System.currentTimeMillis()).as("both hold all 16 shards LIVE: "
                    + routing.shardMap().holdings()).isLessThan(deadline);
            Thread.sleep(20);
        }
        List<String> all = instruments.stream().map(Instrument::codeText).toList();
        Set<String> answering = new HashSet<>();
        for (String code : all) {
            RouteReply r = await(routing.router().route("svc.pricevol", new JsonObject().put("code", code), Map.of()));
            assertThat(((JsonObject) r.body()).getLong("dayVolume")).as(code).isEqualTo(volume.get(code));
            answering.addAll(r.instanceIds());
        }
        assertThat(answering).as("each shard's preferred replica answers").containsExactlyInAnyOrder("calc-a", "calc-b");

        Future<Void> stopped = vertx.undeploy(b);
        List<String> failures = new ArrayList<>();
        queryUntil(stopped, all, volume, failures);
        assertThat(failures).as("queries while one replica left").isEmpty();
        assertThat(routing.shardMap().holdings().keySet()).containsExactly("calc-a");
        for (String code : all) {
            RouteReply r = await(routing.router().route("svc.pricevol", new JsonObject().put("code", code), Map.of()));
            assertThat(r.instanceIds()).as(code).containsExactly("calc-a");
        }
    }

    /** A registry whose {@code register} is visible at once but confirmed to the caller {@code delayMs} later. */
    private final class SlowToConfirm implements ServiceRegistry {
        private final ServiceRegistry d;
        private final long delayMs;

        SlowToConfirm(ServiceRegistry delegate, long delayMs) {
            this.d = delegate;
            this.delayMs = delayMs;
        }

        @Override
        public CompletionStage<Void> register(ServiceInstance i) {
            CompletableFuture<Void> late = new CompletableFuture<>();
            d.register(i).whenComplete((v, e) -> vertx.setTimer(delayMs, t -> {
                if (e != null) {
                    late.completeExceptionally(e);
                } else {
                    late.complete(v);
                }
            }));
            return late;
        }

        @Override
        public CompletionStage<Boolean> heartbeat(String service, String instanceId, long load) {
            return d.heartbeat(service, instanceId, load);
        }

        @Override
        public CompletionStage<Boolean> deregister(String service, String instanceId) {
            return d.deregister(service, instanceId);
        }

        @Override
        public CompletionStage<Boolean> setState(String service, String instanceId,
                                                                      InstanceState state) {
            return d.setState(service, instanceId, state);
        }

        @Override
        public CompletionStage<Boolean> setWeight(String service, String instanceId, int weight) {
            return d.setWeight(service, instanceId, weight);
        }

        @Override
        public List<ServiceInstance> instances(String service) {
            return d.instances(service);
        }

        @Override
        public Set<String> services() {
            return d.services();
        }

        @Override
        public int sweep() {
            return d.sweep();
        }

        @Override
        public void addListener(RegistryListener listener) {
            d.addListener(listener);
        }

        @Override
        public void removeListener(RegistryListener listener) {
            d.removeListener(listener);
        }
    }

    private void awaitServedBy(List<String> codes, String instance, Map<String, Long> volume) throws Exception {
        long deadline = System.currentTimeMillis() + 15_000;
        for (String code : codes) {
            while (true) {
                RouteReply r;
                try {
                    r = await(routing.router().route("svc.pricevol", new JsonObject().put("code", code), Map.of()));
                } catch (java.util.concurrent.ExecutionException e) { // unavailable while the cluster starts
                    assertThat(System.currentTimeMillis()).as(instance + " serving " + code + ": " + e.getCause())
                            .isLessThan(deadline);
                    Thread.sleep(20);
                    continue;
                }
                if (r.instanceIds().equals(List.of(instance))
                        && ((JsonObject) r.body()).getLong("dayVolume") == (long) volume.get(code)) {
                    break;
                }
                assertThat(System.currentTimeMillis()).as(instance + " serving " + code).isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    private static void awaitShards(CalculatorVerticle c, int count) throws Exception {
        long deadline = System.currentTimeMillis() + 10_000;
        while (c.statusOnLoop().toCompletionStage().toCompletableFuture().get().getJsonArray("shards").size() != count) {
            assertThat(System.currentTimeMillis()).as(c.instanceId() + " holding " + count + " shards: "
                    + c.statusOnLoop().toCompletionStage().toCompletableFuture().get().getJsonArray("shards")).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
