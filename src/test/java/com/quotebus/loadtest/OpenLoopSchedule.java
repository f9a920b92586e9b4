package com.quotebus.loadtest;

/**
 * A fixed send schedule in 1 ms slots: {@code ratePerSecond} messages spread evenly, slot {@code k}
 * planned at {@code startNanos + k ms}. The caller asks how many messages fall due up to "now" and
 * sends them stamped with their slot's planned time, so a stalled sender catches up with honest
 * (planned) timestamps instead of silently sending less: no coordinated omission.
 */
final class OpenLoopSchedule {
    static final long SLOT_NANOS = 1_000_000L;
    private final long startNanos;
    private final double perSlot;
    private final double phase;
    private long nextSlot;

    /**
     * @param phase 0..1, offsets this schedule's messages within the slots so that many schedules of the
     *              same low rate do not all fire in the same millisecond
     */
    OpenLoopSchedule(long startNanos, double ratePerSecond, double phase) {
        if (ratePerSecond <= 0) {
            throw new IllegalArgumentException("ratePerSecond must be > 0: " + ratePerSecond);
        }
        this.startNanos = startNanos;
        this.perSlot = ratePerSecond / 1000.0;
        this.phase = phase;
    }

    /** Messages due in slot {@code k}. */
    int dueIn(long k) {
        return (int) (Math.floor((k + 1) * perSlot + phase) - Math.floor(k * perSlot + phase));
    }

    /** First slot not yet handed out. */
    long nextSlot() {
        return nextSlot;
    }

    /** Planned time of slot {@code k}. */
    long plannedNanos(long k) {
        return startNanos + k * SLOT_NANOS;
    }

    /** Slots whose planned time is at or before {@code nowNanos} and not yet handed out: [nextSlot, result). */
    long dueSlotsUntil(long nowNanos) {
        if (nowNanos < startNanos) {
            return nextSlot;
        }
        return Math.max(nextSlot, (nowNanos - startNanos) / SLOT_NANOS + 1);
    }

    void advanceTo(long slot) {
        nextSlot = slot;
    }
}
