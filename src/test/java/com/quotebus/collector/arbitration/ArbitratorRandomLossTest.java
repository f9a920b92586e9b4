package com.quotebus.collector.arbitration;

import static com.quotebus.collector.TestEvents.T0;
import static com.quotebus.collector.TestEvents.trade;
import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Trade;
import com.quotebus.core.time.ManualClock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Two lines carrying the same three channels, each losing messages at random and delivering with random
 * delays shorter than the gap window: the merged stream must be every message exactly once in channel order,
 * with holes declared exactly where both lines lost the message.
 */
class ArbitratorRandomLossTest {
    private static final int[] CHANNELS = {2011, 2012, 2013};
    private static final long WINDOW = 50;

    private record Arrival(long at, String source, Trade trade, long order) {}

    @RepeatedTest(20)
    void mergedStreamIsEveryMessageOnceInOrderAndHolesAreExactlyTheDoubleLosses(RepetitionInfo info) {
        Random rnd = new Random(1000 + info.getCurrentRepetition());
        List<Arrival> arrivals = new ArrayList<>();
        Map<Integer, List<Long>> expectedSeqs = new HashMap<>();
        Map<Integer, TreeSet<Long>> lostBoth = new HashMap<>();
        long order = 0;
        long[] lastA = new long[CHANNELS.length];
        long[] lastB = new long[CHANNELS.length];
        for (int ch : CHANNELS) {
            long sent = T0;
            for (long seq = 1; seq <= 400; seq++) {
                sent += rnd.nextInt(3);
                Trade t = trade("00000" + (seq % 7) + ".SZ", ch, seq);
                boolean onA = rnd.nextInt(10) != 0;
                boolean onB = rnd.nextInt(10) != 0;
                if (seq == 400) { // the last message of each channel reaches someone, so no tail hole is left
                    onA = true;
                }
                // a line is one ordered stream per channel: its delay varies, but it never overtakes itself
                if (onA) {
                    lastA[ch - CHANNELS[0]] = Math.max(lastA[ch - CHANNELS[0]], sent + rnd.nextInt((int) WINDOW / 2));
                    arrivals.add(new Arrival(lastA[ch - CHANNELS[0]], "a", t, order++));
                }
                if (onB) {
                    lastB[ch - CHANNELS[0]] = Math.max(lastB[ch - CHANNELS[0]], sent + rnd.nextInt((int) WINDOW / 2));
                    arrivals.add(new Arrival(lastB[ch - CHANNELS[0]], "b", t, order++));
                }
                if (onA || onB) {
                    expectedSeqs.computeIfAbsent(ch, c -> new ArrayList<>()).add(seq);
                } else {
                    lostBoth.computeIfAbsent(ch, c -> new TreeSet<>()).add(seq);
                }
            }
        }
        arrivals.sort(Comparator.comparingLong(Arrival::at).thenComparingLong(Arrival::order));
        ManualClock clock = new ManualClock(T0);
        Map<Integer, List<Long>> delivered = new HashMap<>();
        Map<Integer, TreeSet<Long>> declared = new HashMap<>();
        Arbitrator arb = new Arbitrator(new ArbitrationConfig(WINDOW, 60_000, 10_000, 60_000), clock,
                List.of("a", "b"), new ArbitratedEventListener() {
                    @Override
                    public void onEvent(MarketEvent e) {
                        delivered.computeIfAbsent(e.channel(), c -> new ArrayList<>()).add(e.channelSeq());
                    }

                    @Override
                    public void onGap(int channel, long from, long to, String reason) {
                        for (long s = from; s <= to; s++) {
                            declared.computeIfAbsent(channel, c -> new TreeSet<>()).add(s);
                        }
                    }
                });
        for (Arrival a : arrivals) {
            clock.set(Math.max(clock.millis(), a.at));
            arb.checkTimers();
            arb.onEvent(a.source, a.trade);
        }
        clock.advance(WINDOW);
        arb.checkTimers();

        Map<Integer, List<Long>> expectedDelivered = new HashMap<>();
        for (int ch : CHANNELS) {
            // the first message a channel shows is where arbitration joins it; earlier losses are not holes
            List<Long> exp = expectedSeqs.get(ch);
            expectedDelivered.put(ch, exp);
            lostBoth.getOrDefault(ch, new TreeSet<>()).removeIf(s -> s < exp.get(0));
        }
        lostBoth.values().removeIf(TreeSet::isEmpty);
        assertThat(delivered).isEqualTo(expectedDelivered);
        assertThat(declared).isEqualTo(lostBoth);
        assertThat(arb.metrics().held()).isZero();
    }
}
