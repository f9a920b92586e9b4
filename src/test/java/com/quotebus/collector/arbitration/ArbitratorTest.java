package com.quotebus.collector.arbitration;

import static com.quotebus.collector.TestEvents.T0;
import static com.quotebus.collector.TestEvents.snapshot;
import static com.quotebus.collector.TestEvents.trade;
import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.time.ManualClock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ArbitratorTest {
    private static final int CH = 2011;
    private static final String A = "szse-a";
    private static final String B = "szse-b";
    private static final ArbitrationConfig CONFIG = new ArbitrationConfig(20, 5_000, 1_000, 60_000);

    private final ManualClock clock = new ManualClock(T0);
    private final Recorder out = new Recorder();
    private final Arbitrator arb = new Arbitrator(CONFIG, clock, List.of(A, B), out);

    /** Writes what the listener heard as lines, so whole sequences compare at a glance. */
    static final class Recorder implements ArbitratedEventListener {
        final List<String> log = new ArrayList<>();
        final List<MarketEvent> events = new ArrayList<>();

        @Override
        public void onEvent(MarketEvent e) {
            events.add(e);
            if (e instanceof Trade t) {
                log.add("trade " + t.code() + " " + t.channel() + "/" + t.channelSeq() + " from " + t.source());
            } else {
                log.add("snapshot " + e.code() + " @" + (e.exchangeTime() - T0) + " last " + ((Snapshot) e).last()
                        + " from " + e.source());
            }
        }

        @Override
        public void onGap(int channel, long fromSeq, long toSeq, String reason) {
            log.add("gap " + channel + " " + fromSeq + ".." + toSeq + ": " + reason);
        }

        @Override
        public void onSourceDown(String source, String reason) {
            log.add("down " + source + ": " + reason);
        }

        @Override
        public void onSourceUp(String source) {
            log.add("up " + source);
        }

        @Override
        public void onStale(Set<String> codes, String reason) {
            log.add("stale " + new TreeSet<>(codes) + ": " + reason);
        }

        @Override
        public void onFresh(String code) {
            log.add("fresh " + code);
        }
    }

    private void both(Trade t) {
        arb.onEvent(A, t);
        arb.onEvent(B, t);
    }

    @Test
    void firstArrivalWinsAndTheOtherLinesCopiesAreDroppedAsDuplicates() {
        arb.onEvent(A, trade("000001.SZ", CH, 1));
        arb.onEvent(B, trade("000001.SZ", CH, 1));
        arb.onEvent(B, trade("000002.SZ", CH, 2));
        arb.onEvent(A, trade("000002.SZ", CH, 2));
        arb.onEvent(A, trade("000001.SZ", CH, 3));
        arb.onEvent(B, trade("000001.SZ", CH, 3));

        assertThat(out.log).containsExactly(
                "trade 000001.SZ 2011/1 from szse-a",
                "trade 000002.SZ 2011/2 from szse-b",
                "trade 000001.SZ 2011/3 from szse-a");
        ArbitrationMetrics m = arb.metrics();
        assertThat(m.sources().get(A)).isEqualTo(new SourceMetrics(true, 3, 2, 1, 0, 0, 0, 0));
        assertThat(m.sources().get(B)).isEqualTo(new SourceMetrics(true, 3, 1, 2, 0, 0, 0, 0));
        assertThat(m.delivered()).isEqualTo(3);
        assertThat(out.events).allMatch(e -> e.seq() == 0);
    }

    @Test
    void aLossOnLineAIsFilledByLineBInSequenceOrder() {
        arb.onEvent(A, trade("000001.SZ", CH, 1));
        arb.onEvent(A, trade("000001.SZ", CH, 3)); // A lost 2
        arb.onEvent(A, trade("000002.SZ", CH, 4));
        clock.advance(5);
        arb.onEvent(B, trade("000001.SZ", CH, 1));
        arb.onEvent(B, trade("000002.SZ", CH, 2));
        arb.onEvent(B, trade("000001.SZ", CH, 3));
        clock.advance(100);
        arb.checkTimers();

        assertThat(out.log).containsExactly(
                "trade 000001.SZ 2011/1 from szse-a",
                "trade 000002.SZ 2011/2 from szse-b",
                "trade 000001.SZ 2011/3 from szse-a",
                "trade 000002.SZ 2011/4 from szse-a");
        assertThat(arb.metrics().gaps()).isZero();
        assertThat(arb.metrics().held()).isZero();
    }

    @Test
    void aHoleNoSourceFillsIsDeclaredAfterTheWindowAndItsSymbolsStayStaleUntilTheirNextSnapshot() {
        both(trade("000001.SZ", CH, 1));
        both(trade("000002.SZ", CH, 2));
        arb.onEvent(A, trade("000001.SZ", CH, 5)); // 3 and 4 lost on both lines
        arb.onEvent(B, trade("000001.SZ", CH, 5));
        clock.advance(19);
        arb.checkTimers();
        assertThat(out.log).hasSize(2);

        clock.advance(1);
        arb.checkTimers();
        arb.onEvent(A, trade("000002.SZ", CH, 3)); // too late: already declared lost
        arb.onEvent(A, snapshot("000002.SZ", T0 + 3000, 100_500, 1000));
        arb.onEvent(B, snapshot("000002.SZ", T0 + 3000, 100_500, 1000));

        assertThat(out.log).containsExactly(
                "trade 000001.SZ 2011/1 from szse-a",
                "trade 000002.SZ 2011/2 from szse-a",
                "gap 2011 3..4: not received from any source within 20 ms",
                "stale [000001.SZ, 000002.SZ]: gap 3..4 on channel 2011",
                "trade 000001.SZ 2011/5 from szse-a",
                "snapshot 000002.SZ @3000 last 100500 from szse-a",
                "fresh 000002.SZ");
        assertThat(arb.isStale("000001.SZ")).isTrue();
        assertThat(arb.isStale("000002.SZ")).isFalse();
        ArbitrationMetrics m = arb.metrics();
        assertThat(m.gaps()).isEqualTo(1);
        assertThat(m.lostMessages()).isEqualTo(2);
        assertThat(m.staleSymbols()).isEqualTo(1);
        assertThat(m.staleMarks()).isEqualTo(2);
        assertThat(m.sources().get(A).outOfOrder()).isEqualTo(1); // seq 3 after its own 5
    }

    @Test
    void aHeartbeatRevealsALostTailWhichIsDeclaredWhenNotFilled() {
        both(trade("000001.SZ", CH, 1));
        arb.onHeartbeat(A, CH, 2, T0);
        clock.advance(10);
        arb.onHeartbeat(B, CH, 3, T0);
        arb.onEvent(B, trade("000001.SZ", CH, 2));
        clock.advance(10);
        arb.checkTimers();
        both(trade("000001.SZ", CH, 4));

        assertThat(out.log).containsExactly(
                "trade 000001.SZ 2011/1 from szse-a",
                "trade 000001.SZ 2011/2 from szse-b",
                "gap 2011 3..3: not received from any source within 20 ms",
                "stale [000001.SZ]: gap 3..3 on channel 2011",
                "trade 000001.SZ 2011/4 from szse-a");
    }

    @Test
    void aSilentLineIsFailedOverWithoutAGapAndReportedDownThenUpWhenItReturns() {
        both(trade("000001.SZ", CH, 1));
        for (int seq = 2; seq <= 6; seq++) {
            clock.advance(1_000);
            arb.onEvent(B, trade("000001.SZ", CH, seq));
            arb.checkTimers();
        }
        clock.advance(1_000);
        arb.onEvent(A, trade("000001.SZ", CH, 7));
        arb.onEvent(B, trade("000001.SZ", CH, 7));

        assertThat(out.log).containsExactly(
                "trade 000001.SZ 2011/1 from szse-a",
                "trade 000001.SZ 2011/2 from szse-b",
                "trade 000001.SZ 2011/3 from szse-b",
                "trade 000001.SZ 2011/4 from szse-b",
                "trade 000001.SZ 2011/5 from szse-b",
                "trade 000001.SZ 2011/6 from szse-b",
                "down szse-a: silent for 5000 ms",
                "up szse-a",
                "trade 000001.SZ 2011/7 from szse-a");
        assertThat(arb.metrics().gaps()).isZero();
        assertThat(arb.metrics().sources().get(A).downs()).isEqualTo(1);
    }

    @Test
    void whenEverySourceIsSilentAllKnownSymbolsGoStaleUntilTheirNextSnapshot() {
        both(trade("000001.SZ", CH, 1));
        arb.onEvent(A, snapshot("000003.SZ", T0, 100_000, 100));
        clock.advance(3_000);
        arb.onHeartbeat(B, CH, 1, T0 + 3_000);
        clock.advance(2_000);
        arb.checkTimers();
        clock.advance(3_000);
        arb.checkTimers();
        clock.advance(1_000);
        arb.onEvent(B, snapshot("000001.SZ", T0 + 9_000, 100_100, 200));

        assertThat(out.log).containsExactly(
                "trade 000001.SZ 2011/1 from szse-a",
                "snapshot 000003.SZ @0 last 100000 from szse-a",
                "down szse-a: silent for 5000 ms",
                "down szse-b: silent for 5000 ms",
                "stale [000001.SZ, 000003.SZ]: every source is down",
                "up szse-b",
                "snapshot 000001.SZ @9000 last 100100 from szse-b",
                "fresh 000001.SZ");
    }

    @Test
    void aDisconnectIsReportedAtOnceAndTheOtherLineCarriesOn() {
        both(trade("000001.SZ", CH, 1));
        arb.onDisconnected(A, "connection reset");
        arb.onEvent(B, trade("000001.SZ", CH, 2));
        arb.onConnected(A);

        assertThat(out.log).containsExactly(
                "trade 000001.SZ 2011/1 from szse-a",
                "down szse-a: disconnected: connection reset",
                "trade 000001.SZ 2011/2 from szse-b",
                "up szse-a");
    }

    @Test
    void snapshotsWinByNewerExchangeTimeAndOlderOrIdenticalCopiesAreDuplicates() {
        arb.onEvent(A, snapshot("000001.SZ", T0, 100_000, 100));
        arb.onEvent(B, snapshot("000001.SZ", T0, 100_000, 100));
        arb.onEvent(B, snapshot("000001.SZ", T0 + 3_000, 100_200, 300));
        arb.onEvent(A, snapshot("000001.SZ", T0 + 3_000, 100_200, 300));
        arb.onEvent(A, snapshot("000001.SZ", T0 + 3_000, 100_300, 400)); // same time, new content
        arb.onEvent(B, snapshot("000001.SZ", T0 + 3_000, 100_200, 300)); // B's late copy of the first version
        arb.onEvent(B, snapshot("000001.SZ", T0 + 3_000, 100_300, 400));
        arb.onEvent(A, snapshot("000001.SZ", T0, 100_000, 100)); // A goes backwards

        assertThat(out.log).containsExactly(
                "snapshot 000001.SZ @0 last 100000 from szse-a",
                "snapshot 000001.SZ @3000 last 100200 from szse-b",
                "snapshot 000001.SZ @3000 last 100300 from szse-a");
        assertThat(arb.metrics().sources().get(A)).isEqualTo(new SourceMetrics(true, 4, 2, 1, 1, 0, 0, 0));
        assertThat(arb.metrics().sources().get(B)).isEqualTo(new SourceMetrics(true, 4, 1, 3, 0, 0, 0, 0));
    }

    @Test
    void malformedAndOutOfOrderInputIsCountedAndTheFeedContinues() {
        arb.onEvent(A, trade("000001.SZ", CH, 1));
        arb.onMalformed(A, "bad length 0 in message header");
        arb.onMalformed(A, "bad length 0 in message header");
        arb.onEvent(A, trade("000001.SZ", CH, 2));
        arb.onEvent(A, trade("000001.SZ", CH, 2));
        arb.onEvent(A, trade("000001.SZ", CH, 3));

        assertThat(out.log).containsExactly(
                "trade 000001.SZ 2011/1 from szse-a",
                "trade 000001.SZ 2011/2 from szse-a",
                "trade 000001.SZ 2011/3 from szse-a");
        assertThat(arb.metrics().sources().get(A)).isEqualTo(new SourceMetrics(true, 4, 3, 0, 1, 2, 0, 0));
    }

    @Test
    void tooManyEventsHeldBehindAHoleDeclareItAtOnce() {
        Arbitrator small = new Arbitrator(new ArbitrationConfig(1_000, 5_000, 3, 0), clock, List.of(A), out);
        small.onEvent(A, trade("000001.SZ", CH, 1));
        small.onEvent(A, trade("000001.SZ", CH, 3));
        small.onEvent(A, trade("000001.SZ", CH, 4));
        small.onEvent(A, trade("000001.SZ", CH, 5));

        assertThat(out.log).containsExactly(
                "trade 000001.SZ 2011/1 from szse-a",
                "gap 2011 2..2: more than 3 events held behind it",
                "stale [000001.SZ]: gap 2..2 on channel 2011",
                "trade 000001.SZ 2011/3 from szse-a",
                "trade 000001.SZ 2011/4 from szse-a",
                "trade 000001.SZ 2011/5 from szse-a");
    }

    @Test
    void unsequencedTradesComeFromThePreferredLiveSourceOnly() {
        arb.onEvent(A, trade("000001.SZ", 0, 0));
        arb.onEvent(B, trade("000001.SZ", 0, 0));
        arb.onDisconnected(A, "eof");
        arb.onEvent(B, trade("000002.SZ", 0, 0));

        assertThat(out.log).containsExactly(
                "trade 000001.SZ 0/0 from szse-a",
                "down szse-a: disconnected: eof",
                "trade 000002.SZ 0/0 from szse-b");
    }

    @Test
    void afterARestartJournaledEventsResentByTheSourcesAreDuplicates() {
        Arbitrator restarted = new Arbitrator(CONFIG, clock, List.of(A, B), out);
        restarted.restore(trade("000001.SZ", CH, 1).withSequencing(1, A));
        restarted.restore(trade("000001.SZ", CH, 2).withSequencing(2, B));
        restarted.restore(snapshot("000001.SZ", T0, 100_000, 100).withSequencing(3, A));

        restarted.onEvent(A, trade("000001.SZ", CH, 1));
        restarted.onEvent(A, trade("000001.SZ", CH, 2));
        restarted.onEvent(A, snapshot("000001.SZ", T0, 100_000, 100));
        restarted.onEvent(A, trade("000001.SZ", CH, 3));

        assertThat(out.log).containsExactly("trade 000001.SZ 2011/3 from szse-a");
    }

    @Test
    void aChannelJoinedMidStreamWaitsOneWindowAndStartsAtTheLowestSequenceAnyLineHad() {
        arb.onEvent(A, trade("000001.SZ", CH, 101)); // A lost 100
        clock.advance(5);
        arb.onEvent(B, trade("000001.SZ", CH, 100));
        arb.onEvent(B, trade("000001.SZ", CH, 101));
        arb.checkTimers();
        assertThat(out.log).isEmpty();

        clock.advance(15);
        arb.checkTimers();
        arb.onEvent(A, trade("000001.SZ", CH, 102));

        assertThat(out.log).containsExactly(
                "trade 000001.SZ 2011/100 from szse-b",
                "trade 000001.SZ 2011/101 from szse-a",
                "trade 000001.SZ 2011/102 from szse-a");
        assertThat(arb.metrics().gaps()).isZero();
    }

    @Test
    void sequenceNumbersTakenByOrdersAreNoHoleTheTradesAfterThemGoOutAtOnce() {
        arb.onEvent(A, trade("000001.SZ", CH, 1));
        arb.onSequenceOnly(A, CH, 2, T0 + 20); // an order: not an event, but it takes seq 2
        arb.onSequenceOnly(B, CH, 2, T0 + 20);
        arb.onSequenceOnly(A, CH, 3, T0 + 30);
        arb.onEvent(A, trade("000002.SZ", CH, 4));
        arb.onEvent(B, trade("000002.SZ", CH, 4));
        arb.onSequenceOnly(B, CH, 6, T0 + 60); // B reveals 5 is missing: the trade after it waits
        arb.onEvent(B, trade("000003.SZ", CH, 7));
        arb.onEvent(A, trade("000003.SZ", CH, 5));
        arb.checkTimers(); // no time passed: nothing was waiting for a gap window
        assertThat(out.log).containsExactly("trade 000001.SZ 2011/1 from szse-a", "trade 000002.SZ 2011/4 from szse-a",
                "trade 000003.SZ 2011/5 from szse-a", "trade 000003.SZ 2011/7 from szse-b");
        assertThat(arb.metrics().gaps()).isZero();
        assertThat(arb.hasHole()).isFalse();
    }
}
