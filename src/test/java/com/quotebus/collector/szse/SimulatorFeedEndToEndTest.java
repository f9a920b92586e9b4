package com.quotebus.collector.szse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quotebus.collector.sim.CollectingListener;
import com.quotebus.collector.sim.MarketGenerator;
import com.quotebus.collector.sim.SimulatorConfig;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.ManualClock;
import com.quotebus.core.time.TradingCalendar;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorFeedEndToEndTest {
    private static final TradingCalendar CALENDAR = TradingCalendar.loadDefault();
    private static final SimulatorConfig SIM = new SimulatorConfig(7L, 40, true, 200, 4, 3000, 10);
    private static final long T0 = at("2025-03-04T09:29:50");
    private static final long T1 = at("2025-03-04T09:30:20");

    private Vertx vertx;
    private ManualClock clock;
    private SimulatorServer server;

    private static long at(String t) {
        return ChinaTime.epochMillis(LocalDateTime.parse(t));
    }

    @BeforeEach
    void startServer() throws Exception {
        vertx = Vertx.vertx();
        clock = new ManualClock(T0);
        // channel heartbeats once a minute: none during these tests, so byte streams are predictable
        server = new SimulatorServer(new SimulatorServerConfig("127.0.0.1", 0, 10, 60_000, 16 << 20, 4 << 20, 5000,
                "SZSE-SIM", ""), new MarketGenerator(SIM, CALENDAR), clock);
        vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    private List<MarketEvent> expectedEvents(long from, long to) {
        MarketGenerator reference = new MarketGenerator(SIM, CALENDAR);
        reference.startAt(from);
        CollectingListener l = new CollectingListener();
        reference.advanceTo(to, l);
        return l.events;
    }

    private SzseBinaryFeedSource feed(String name) {
        return new SzseBinaryFeedSource(vertx, SzseFeedConfig.of(name, "127.0.0.1", server.actualPort()),
                new MarketGenerator(SIM, CALENDAR).universe()::multiplierOf);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void twoFeedLinesReceiveExactlyTheGeneratorsEvents() throws Exception {
        List<MarketEvent> expected = expectedEvents(T0, T1);
        assertThat(expected).hasSizeGreaterThan(500);
        RecordingSink a = new RecordingSink();
        RecordingSink b = new RecordingSink();
        SzseBinaryFeedSource lineA = feed("szse-a");
        SzseBinaryFeedSource lineB = feed("szse-b");
        lineA.start(a).toCompletableFuture().get(10, TimeUnit.SECONDS);
        lineB.start(b).toCompletableFuture().get(10, TimeUnit.SECONDS);

        clock.set(T1);
        await(() -> a.events.size() >= expected.size() && b.events.size() >= expected.size(), "all events");
        Thread.sleep(100); // nothing more may arrive
        assertThat(a.eventsCopy()).isEqualTo(expected);
        assertThat(b.eventsCopy()).isEqualTo(expected);
        assertThat(a.malformed).isEmpty();
        assertThat(a.connections).containsExactly("connected");
        lineA.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
        lineB.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void twoClientsGetIdenticalBytesAndARecordingReplaysToTheSameEvents(@TempDir Path dir) throws Exception {
        List<MarketEvent> expected = expectedEvents(T0, T1);
        Buffer[] bytes = {Buffer.buffer(), Buffer.buffer()};
        NetSocket[] sockets = new NetSocket[2];
        for (int i = 0; i < 2; i++) {
            int k = i;
            sockets[i] = vertx.createNetClient().connect(server.actualPort(), "127.0.0.1").toCompletionStage()
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);
            sockets[i].handler(buf -> {
                synchronized (bytes) {
                    bytes[k].appendBuffer(buf);
                }
            });
            sockets[i].write(Buffer.buffer(new SzseEncoder().logon("RAW", "SZSE-SIM", 30, "").toByteArray()));
        }
        int logonReply = 8 + SzseLayout.LOGON_BODY + 4;
        await(() -> {
            synchronized (bytes) {
                return bytes[0].length() >= logonReply && bytes[1].length() >= logonReply;
            }
        }, "logon replies");
        MarketGenerator reference = new MarketGenerator(SIM, CALENDAR);
        reference.startAt(T0);
        SzseEventPublisher publisher = new SzseEventPublisher(SIM.channels());
        publisher.encoder().logon("SZSE-SIM", "RAW", 30, "");
        reference.advanceTo(T1, publisher);
        byte[] expectedBytes = publisher.encoder().toByteArray();
        clock.set(T1);
        await(() -> {
            synchronized (bytes) {
                return bytes[0].length() >= expectedBytes.length && bytes[1].length() >= expectedBytes.length;
            }
        }, "the stream up to T1");
        Thread.sleep(100); // nothing more may arrive
        byte[] first;
        byte[] second;
        synchronized (bytes) {
            first = bytes[0].getBytes();
            second = bytes[1].getBytes();
        }
        assertThat(first).isEqualTo(expectedBytes);
        assertThat(second).isEqualTo(expectedBytes);

        Path recording = dir.resolve("szse.bin");
        Files.write(recording, first);
        RecordingSink replayed = new RecordingSink();
        new SzseRecordedFileSource("file", recording, new MarketGenerator(SIM, CALENDAR).universe()::multiplierOf)
                .replay(replayed);
        assertThat(replayed.events).isEqualTo(expected);
        assertThat(replayed.connections).containsExactly("connected", "disconnected: end of recording");
    }

    @Test
    void channelHeartbeatsCarryTheLastSequenceSentOnEachChannel() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx = Vertx.vertx();
        clock = new ManualClock(T0);
        server = new SimulatorServer(new SimulatorServerConfig("127.0.0.1", 0, 10, 100, 16 << 20, 4 << 20, 5000,
                "SZSE-SIM", ""), new MarketGenerator(SIM, CALENDAR), clock);
        vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        RecordingSink sink = new RecordingSink();
        SzseBinaryFeedSource line = feed("szse-a");
        line.start(sink).toCompletableFuture().get(10, TimeUnit.SECONDS);
        clock.set(T1);
        MarketGenerator reference = new MarketGenerator(SIM, CALENDAR);
        reference.startAt(T0);
        CollectingListener l = new CollectingListener();
        reference.advanceTo(T1, l);
        long[] last = new long[5];
        for (Object o : l.all) {
            if (o instanceof com.quotebus.collector.sim.SimOrder order) {
                last[order.channel()] = order.channelSeq();
            } else if (o instanceof com.quotebus.core.event.Trade t) {
                last[t.channel()] = t.channelSeq();
            }
        }
        await(() -> sink.events.size() >= l.events.size(), "events");
        sink.heartbeats.clear();
        await(() -> sink.heartbeats.size() >= 12, "three rounds of heartbeats");
        List<String> hb;
        synchronized (sink.heartbeats) {
            hb = new java.util.ArrayList<>(sink.heartbeats);
        }
        int first = hb.indexOf("1:" + last[1]); // the clear may have cut a round
        assertThat(hb.subList(first, first + 8)).containsExactly("1:" + last[1], "2:" + last[2], "3:" + last[3],
                "4:" + last[4], "1:" + last[1], "2:" + last[2], "3:" + last[3], "4:" + last[4]);
        line.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aMarketHeldForTheFirstLogonSendsItEverythingFromTheStart() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx = Vertx.vertx();
        clock = new ManualClock(T0);
        MarketGenerator resumed = new MarketGenerator(SIM, CALENDAR);
        resumed.startAt(T0); // positioned mid-stream before deployment, as a resumed node does
        java.util.concurrent.atomic.AtomicInteger starts = new java.util.concurrent.atomic.AtomicInteger();
        long position = resumed.position();
        server = new SimulatorServer(new SimulatorServerConfig("127.0.0.1", 0, 10, 60_000, 16 << 20, 4 << 20, 5000,
                "SZSE-SIM", ""), resumed, clock).awaitFirstLogon(starts::incrementAndGet, 60_000);
        vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        clock.set(T1); // market time moves on before anyone listens
        Thread.sleep(300);
        assertThat(server.bytesPublished()).as("nothing published before the first logon").isZero();
        assertThat(resumed.position()).as("the generator waits too").isEqualTo(position);
        assertThat(starts).hasValue(0);

        RecordingSink sink = new RecordingSink();
        SzseBinaryFeedSource line = feed("szse-a");
        line.start(sink).toCompletableFuture().get(10, TimeUnit.SECONDS);
        List<MarketEvent> expected = expectedEvents(T0, T1);
        await(() -> sink.events.size() >= expected.size(), "the events since the start");
        Thread.sleep(100);
        assertThat(sink.eventsCopy()).isEqualTo(expected);
        assertThat(starts).hasValue(1);
        line.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void beforeItsFirstMessageAChannelHeartbeatAnnouncesWhereAMarketStartedMidDayStands() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx = Vertx.vertx();
        clock = new ManualClock(T0); // stays: nothing is published, only heartbeats
        server = new SimulatorServer(new SimulatorServerConfig("127.0.0.1", 0, 10, 100, 16 << 20, 4 << 20, 5000,
                "SZSE-SIM", ""), new MarketGenerator(SIM, CALENDAR), clock);
        vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        MarketGenerator reference = new MarketGenerator(SIM, CALENDAR);
        reference.startAt(T0);
        RecordingSink sink = new RecordingSink();
        SzseBinaryFeedSource line = feed("szse-a");
        line.start(sink).toCompletableFuture().get(10, TimeUnit.SECONDS);
        await(() -> sink.heartbeats.size() >= 4, "a round of heartbeats");

        assertThat(sink.events).isEmpty();
        assertThat(reference.lastChannelSeq(1)).isPositive();
        List<String> hb;
        synchronized (sink.heartbeats) {
            hb = new java.util.ArrayList<>(sink.heartbeats);
        }
        assertThat(hb.subList(0, 4)).containsExactly("1:" + reference.lastChannelSeq(1),
                "2:" + reference.lastChannelSeq(2), "3:" + reference.lastChannelSeq(3),
                "4:" + reference.lastChannelSeq(4));
        line.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSlowClientHoldsTheMarketBackThenIsDisconnectedWhenItStaysStuckSoNothingBuffersWithoutBound()
            throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx = Vertx.vertx();
        clock = new ManualClock(T0);
        SimulatorConfig busy = new SimulatorConfig(7L, 200, true, 50_000, 4, 3000, 10);
        server = new SimulatorServer(new SimulatorServerConfig("127.0.0.1", 0, 10, 1000, 64 * 1024, 1 << 20, 5000,
                "SZSE-SIM", ""), new MarketGenerator(busy, CALENDAR), clock).stallLimitMs(1_500);
        vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        NetSocket slow = vertx.createNetClient().connect(server.actualPort(), "127.0.0.1").toCompletionStage()
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
        slow.handler(buf -> {});
        slow.write(Buffer.buffer(new SzseEncoder().logon("SLOW", "SZSE-SIM", 30, "").toByteArray()));
        await(() -> server.clientCount() == 1, "the slow client's logon");
        slow.pause();
        clock.set(at("2025-03-04T11:30"));
        await(() -> server.backPressureWaits() > 0, "the market to wait for its reader");
        assertThat(server.slowConsumerDisconnects()).isZero();
        await(() -> server.slowConsumerDisconnects() == 1, "a reader stuck for the stall limit to be disconnected");
        await(() -> server.clientCount() == 0, "the slow client to be dropped");
        clock.set(T0); // stop the flood: the server publishes only while market time is ahead of it
        // a paused client socket would hold up vertx.close(): close it from this side
        slow.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aWrongPasswordIsRefusedAndTheLineDoesNotStart() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        vertx = Vertx.vertx();
        server = new SimulatorServer(new SimulatorServerConfig("127.0.0.1", 0, 10, 1000, 16 << 20, 4 << 20, 5000,
                "SZSE-SIM", "secret"), new MarketGenerator(SIM, CALENDAR), new ManualClock(T0));
        vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        SzseBinaryFeedSource line = new SzseBinaryFeedSource(vertx, new SzseFeedConfig("szse-a", "127.0.0.1",
                server.actualPort(), "Q", "SZSE-SIM", "wrong", 5, 100, 1000, 5000, 65536), c -> 1);
        assertThatThrownBy(() -> line.start(new RecordingSink()).toCompletableFuture().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class).hasMessageContaining(
                        "feed szse-a could not start: gateway logged out (SessionStatus 5): invalid SenderCompID or password");
    }

    @Test
    void aLineReconnectsAfterTheServerRestarts() throws Exception {
        RecordingSink sink = new RecordingSink();
        SzseBinaryFeedSource line = feed("szse-a");
        line.start(sink).toCompletableFuture().get(10, TimeUnit.SECONDS);
        int port = server.actualPort();
        vertx.undeploy(vertx.deploymentIDs().iterator().next()).toCompletionStage().toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
        await(() -> sink.connections.size() >= 2, "disconnect report");
        server = new SimulatorServer(SimulatorServerConfig.DEFAULT.withHost("127.0.0.1").withPort(port),
                new MarketGenerator(SIM, CALENDAR), clock);
        vertx.deployVerticle(server).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        await(() -> line.connects() == 2, "reconnect");
        assertThat(sink.connections).containsExactly("connected", "disconnected: connection closed by peer",
                "connected");
        line.stop().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
