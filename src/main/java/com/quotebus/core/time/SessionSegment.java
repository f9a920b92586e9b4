package com.quotebus.core.time;

import com.quotebus.core.event.TradingPhase;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One segment of a trading day, e.g. 09:30–11:30 continuous. A segment starting at or after 18:00 is a
 * night segment: it runs on the evening of the previous trading day and may end after midnight
 * (21:00–02:30). Times are Asia/Shanghai local times.
 *
 * @param start inclusive start
 * @param end   end (a continuous segment's last minute bar is labelled {@code end})
 * @param kind  what trading happens
 */
public record SessionSegment(LocalTime start, LocalTime end, Kind kind) {
    /** What trading happens in a segment. */
    public enum Kind {
        OPENING_AUCTION(TradingPhase.OPENING_AUCTION),
        CONTINUOUS(TradingPhase.CONTINUOUS),
        CLOSING_AUCTION(TradingPhase.CLOSING_AUCTION);

        private final TradingPhase phase;

        Kind(TradingPhase phase) {
            this.phase = phase;
        }

        public TradingPhase phase() {
            return phase;
        }
    }

    public SessionSegment {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(kind, "kind");
        if (axisEnd(start, end) <= axis(start)) {
            throw new IllegalArgumentException("segment " + start + "-" + end + " is empty or runs backwards");
        }
    }

    public static SessionSegment of(String start, String end, Kind kind) {
        return new SessionSegment(LocalTime.parse(start), LocalTime.parse(end), kind);
    }

    /** Night segments start at or after 18:00 and belong to the next trading day. */
    public boolean night() {
        return start.getHour() >= 18;
    }

    /**
     * Minutes on the trading-day axis, whose 0 is 18:00 of the evening before: 21:00 → 180, 00:00 → 360,
     * 09:30 → 930, 15:00 → 1260. Every segment of a trading day is increasing on this axis.
     */
    public static int axis(LocalTime t) {
        return (t.getHour() * 60 + t.getMinute() + 360) % 1440;
    }

    /** Axis of the end; an end of 00:00 after a night start counts as 360, not 0. */
    static int axisEnd(LocalTime start, LocalTime end) {
        int a = axis(end);
        return a == 0 && axis(start) > 0 ? 1440 : a;
    }

    public int axisStart() {
        return axis(start);
    }

    public int axisEnd() {
        return axisEnd(start, end);
    }

    public int minutes() {
        return axisEnd() - axisStart();
    }

    @Override
    public String toString() {
        return start + "-" + end + " " + kind;
    }
}
