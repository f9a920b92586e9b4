package com.quotebus.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenLoopScheduleTest {

    @Test
    void handsOutExactlyTheRateOverASecondWhateverThePhase() {
        for (double phase : new double[] {0, 0.25, 0.999}) {
            OpenLoopSchedule s = new OpenLoopSchedule(0, 10, phase);
            long total = 0;
            for (long k = 0; k < 1000; k++) {
                total += s.dueIn(k);
            }
            assertThat(total).isEqualTo(10);
        }
        OpenLoopSchedule fast = new OpenLoopSchedule(0, 2500, 0);
        long total = 0;
        for (long k = 0; k < 1000; k++) {
            total += fast.dueIn(k);
        }
        assertThat(total).isEqualTo(2500);
    }

    @Test
    void aLateCallerGetsEveryMissedSlotWithItsPlannedTime() {
        long start = 5_000_000;
        OpenLoopSchedule s = new OpenLoopSchedule(start, 1000, 0);
        assertThat(s.dueSlotsUntil(start - 1)).isZero();
        long due = s.dueSlotsUntil(start + 7_500_000); // 7.5 ms late: slots 0..7
        assertThat(due).isEqualTo(8);
        assertThat(s.plannedNanos(7)).isEqualTo(start + 7_000_000);
        s.advanceTo(due);
        assertThat(s.dueSlotsUntil(start + 7_900_000)).isEqualTo(8); // nothing new yet
        assertThat(s.dueSlotsUntil(start + 8_000_000)).isEqualTo(9);
    }

    @Test
    void rejectsANonPositiveRate() {
        assertThatThrownBy(() -> new OpenLoopSchedule(0, 0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ratePerSecond");
    }

    @Test
    void stampsHaveSixteenDigitsAndRoundTrip() {
        long nano = 123_456_789_012L;
        long stamp = Stamp.of(nano);
        byte[] b = new byte[16];
        Stamp.write(b, 0, stamp);
        assertThat(new String(b)).isEqualTo("1000123456789012");
        assertThat(Stamp.nanoTime(stamp)).isEqualTo(nano);
    }
}
