package com.quotebus.access.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** First arrival wins, per address by seq, across the daily restart of the sequence. */
class DuplicatePushFilterTest {
    private static final long DAY1 = 1_765_242_000_000L; // 2025-12-09 09:00 China time
    private static final long DAY2 = DAY1 + 86_400_000L;

    record Push(long seq, long time, String day) {
        @Override
        public String toString() {
            return (day == null ? "" : day + "/") + seq + "@" + time;
        }
    }

    private static List<Push> day(long start, int from, int to) {
        List<Push> out = new ArrayList<>();
        for (int seq = from; seq <= to; seq++) {
            out.add(new Push(seq, start + seq * 1000L, null));
        }
        return out;
    }

    private static List<Push> concat(List<Push> a, List<Push> b) {
        List<Push> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /** What the filter lets through of {@code arrivals}, in order. */
    private static List<Push> delivered(List<Push> arrivals) {
        DuplicatePushFilter filter = new DuplicatePushFilter();
        return arrivals.stream().filter(p -> filter.accept(p.seq, p.time, p.day)).toList();
    }

    /** Publisher A's pushes with B's copy of them {@code lag} pushes behind. */
    private static List<Push> lagged(List<Push> pushes, int lag) {
        List<Push> out = new ArrayList<>();
        for (int i = 0; i < pushes.size() + lag; i++) {
            if (i < pushes.size()) {
                out.add(pushes.get(i));
            }
            if (i >= lag) {
                out.add(pushes.get(i - lag));
            }
        }
        return out;
    }

    /** Every interleaving keeps each publisher's own order; which one leads changes at random (seeded). */
    private static List<Push> randomlyInterleaved(List<Push> pushes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Push> out = new ArrayList<>();
        int a = 0;
        int b = 0;
        while (a < pushes.size() || b < pushes.size()) {
            if (b == pushes.size() || a < pushes.size() && random.nextBoolean()) {
                out.add(pushes.get(a++));
            } else {
                out.add(pushes.get(b++));
            }
        }
        return out;
    }

    @Test
    void twoPublishersWithLagDeliverEachSeqOnceInOrder() {
        List<Push> pushes = day(DAY1, 1, 50);
        assertThat(delivered(lagged(pushes, 3))).isEqualTo(pushes);
    }

    @Test
    void whicheverPublisherLeadsEachPushIsDeliveredOnceInOrder() {
        List<Push> pushes = day(DAY1, 1, 200);
        for (long seed = 1; seed <= 20; seed++) {
            assertThat(delivered(randomlyInterleaved(pushes, seed))).as("seed %d", seed).isEqualTo(pushes);
        }
    }

    @Test
    void aNewDaysSequenceRestartingAtOneIsDelivered() {
        List<Push> pushes = concat(day(DAY1, 1, 10), day(DAY2, 1, 5));
        assertThat(delivered(pushes)).isEqualTo(pushes);
        assertThat(delivered(lagged(pushes, 2))).isEqualTo(pushes);
    }

    @Test
    void aLaggingReplicasPreviousDayPushAfterTheRollIsDropped() {
        List<Push> pushes = concat(day(DAY1, 1, 10), day(DAY2, 1, 5));
        List<Push> arrivals = lagged(pushes, 6);
        // B publishes yesterday's 7, 8, 9 (higher seqs than today's first ones) after A's today's 3, 4, 5
        assertThat(arrivals.subList(18, 24)).containsExactly(pushes.get(12), pushes.get(6), pushes.get(13),
                pushes.get(7), pushes.get(14), pushes.get(8));
        assertThat(delivered(arrivals)).isEqualTo(pushes);
    }

    @Test
    void aLaggingReplicasPreviousDayPushIsDroppedWhenItComesFirstAfterTheRoll() {
        // the first arrival after the roll is today's seq 1; B's yesterday's 11 has a higher seq but an old time
        List<Push> arrivals = List.of(new Push(10, DAY1 + 10_000, null), new Push(1, DAY2, null),
                new Push(11, DAY1 + 11_000, null), new Push(2, DAY2 + 1000, null));
        assertThat(delivered(arrivals)).containsExactly(arrivals.get(0), arrivals.get(1), arrivals.get(3));
    }

    @Test
    void aSameDayPushOfAnOlderTimeButHigherSeqIsDeliveredLikeACorrectedBar() {
        // a closed bar corrected by a late print: next seq, time = the bar's end, minutes before the bar in progress
        List<Push> arrivals = List.of(new Push(10, DAY1 + 600_000, null), new Push(11, DAY1 + 300_000, null),
                new Push(10, DAY1 + 600_000, null), new Push(11, DAY1 + 300_000, null),
                new Push(12, DAY1 + 660_000, null));
        assertThat(delivered(arrivals)).containsExactly(arrivals.get(0), arrivals.get(1), arrivals.get(4));
    }

    @Test
    void aWeekBarsNewDayIsToldByItsDayAsItsTimeTheWeeksEndDoesNotChange() {
        long weekEnd = DAY1 + 4 * 86_400_000L;
        List<Push> monday = List.of(new Push(1, weekEnd, "2025-12-08"), new Push(2, weekEnd, "2025-12-08"),
                new Push(3, weekEnd, "2025-12-08"));
        List<Push> tuesday = List.of(new Push(1, weekEnd, "2025-12-09"), new Push(2, weekEnd, "2025-12-09"));
        List<Push> arrivals = new ArrayList<>(lagged(concat(monday, tuesday), 2));
        assertThat(delivered(arrivals)).isEqualTo(concat(monday, tuesday));
        // Monday's last push from a replica that has not rolled yet: a higher seq, but of the day before
        DuplicatePushFilter filter = new DuplicatePushFilter();
        concat(monday, tuesday).forEach(p -> filter.accept(p.seq, p.time, p.day));
        assertThat(filter.accept(3, weekEnd, "2025-12-08")).isFalse();
        assertThat(filter.accept(3, weekEnd, "2025-12-09")).isTrue();
    }

    @Test
    void theLastSeqAgainWithATimeMinutesLaterIsADuplicateAndHoursLaterANewDay() {
        DuplicatePushFilter filter = new DuplicatePushFilter();
        long t = 1_765_242_000_000L;
        assertThat(filter.accept(5, t, null)).isTrue();
        assertThat(filter.accept(5, t + 120_000, null)).isFalse();
        assertThat(filter.accept(5, t + 6 * 3_600_000L, null)).isTrue();
    }
}
