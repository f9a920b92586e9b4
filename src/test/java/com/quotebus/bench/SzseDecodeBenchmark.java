package com.quotebus.bench;

import com.quotebus.collector.FeedSink;
import com.quotebus.collector.sim.MarketGenerator;
import com.quotebus.collector.sim.SimulatorConfig;
import com.quotebus.collector.szse.SzseDecoder;
import com.quotebus.collector.szse.SzseEventPublisher;
import com.quotebus.collector.szse.SzseFeedAdapter;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.TradingCalendar;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * SZSE Binary decode + normalise throughput, in messages per second on one thread. The input is one minute of
 * the simulator's continuous trading (2000 stocks + 2 futures, 2000 trades/s): snapshots with 10+10 levels,
 * trades, orders and channel heartbeats, as the gateway would send them. Each message is framed, checksummed,
 * decoded and — for snapshots and trades — turned into a {@code Snapshot}/{@code Trade} record handed to a sink.
 * The buffer is fed in 64 KiB reads, like a socket. {@code orders=false} leaves the orders out, so every
 * message (but the heartbeats) becomes a record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SzseDecodeBenchmark {
    /** Messages in the buffer; JMH divides by it so the score is messages/s. */
    public static final int MESSAGES = 200_000;

    /** With orders (the gateway's real mix) or snapshots and trades only (every message normalised). */
    @Param({"true", "false"})
    public boolean orders;

    private byte[] stream;
    private SzseDecoder decoder;
    private Blackhole blackhole;

    @Setup
    public void setUp(Blackhole bh) {
        this.blackhole = bh;
        MarketGenerator g = new MarketGenerator(new SimulatorConfig(1L, 2000, true, 2000, 4, 3000, 10),
                TradingCalendar.loadDefault());
        long t = ChinaTime.epochMillis(LocalDateTime.parse("2025-03-04T09:30:00"));
        g.startAt(t);
        CountingPublisher p = new CountingPublisher(4, orders);
        while (p.count < MESSAGES) {
            t += 100;
            g.advanceTo(t, p);
            if (t % 1000 == 0) {
                p.channelHeartbeats();
                p.count += 4;
            }
        }
        // cut at a frame boundary after exactly MESSAGES messages
        stream = p.bytesOfFirst(MESSAGES);
        FeedSink sink = new FeedSink() {
            @Override
            public void onEvent(String source, MarketEvent event) {
                blackhole.consume(event);
            }

            @Override
            public void onHeartbeat(String source, int channel, long lastSeq, long exchangeTime) {
                blackhole.consume(lastSeq);
            }

            @Override
            public void onMalformed(String source, String reason) {
                throw new IllegalStateException(reason);
            }

            @Override
            public void onDisconnected(String source, String reason) {}

            @Override
            public void onConnected(String source) {}
        };
        decoder = new SzseDecoder(new SzseFeedAdapter("bench", sink, g.universe()::multiplierOf));
    }

    @Benchmark
    @OperationsPerInvocation(MESSAGES)
    public long decodeAndNormalise() {
        long before = decoder.messages();
        for (int off = 0; off < stream.length; off += 65536) {
            decoder.feed(stream, off, Math.min(65536, stream.length - off));
        }
        return decoder.messages() - before;
    }

    /** Encodes and counts frames, remembering where each starts. */
    private static final class CountingPublisher implements com.quotebus.collector.sim.SimListener {
        int count;
        final SzseEventPublisher publisher;
        final java.util.List<Integer> ends = new java.util.ArrayList<>();

        final boolean withOrders;

        CountingPublisher(int channels, boolean withOrders) {
            this.publisher = new SzseEventPublisher(channels);
            this.withOrders = withOrders;
        }

        void delegate(Runnable r) {
            r.run();
            count++;
            ends.add(publisher.encoder().length());
        }

        void channelHeartbeats() {
            publisher.channelHeartbeats();
            for (int i = 0; i < 4; i++) {
                ends.add(publisher.encoder().length());
            }
        }

        @Override
        public void onOrder(com.quotebus.collector.sim.SimOrder o) {
            if (withOrders) {
                delegate(() -> publisher.onOrder(o));
            }
        }

        @Override
        public void onTrade(com.quotebus.core.event.Trade tr) {
            delegate(() -> publisher.onTrade(tr));
        }

        @Override
        public void onSnapshot(com.quotebus.core.event.Snapshot s) {
            delegate(() -> publisher.onSnapshot(s));
        }

        byte[] bytesOfFirst(int n) {
            return java.util.Arrays.copyOf(publisher.encoder().array(), ends.get(n - 1));
        }
    }
}
