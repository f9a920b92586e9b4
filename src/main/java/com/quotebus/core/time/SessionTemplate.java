package com.quotebus.core.time;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The trading hours of a class of instruments: an ordered list of segments on the trading-day axis
 * (night segments first). The minute grid — the trading minutes that 分时 points and intraday bars are
 * laid on — is every continuous and closing-auction minute; the opening auction folds into the first
 * minute of the grid.
 */
public final class SessionTemplate {
    private final String name;
    private final List<SessionSegment> segments;
    private final MinuteGrid withNight;
    private final MinuteGrid withoutNight;

    public SessionTemplate(String name, List<SessionSegment> segments) {
        this.name = Objects.requireNonNull(name, "name");
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("session template " + name + " has no segments");
        }
        List<SessionSegment> sorted = new ArrayList<>(segments);
        sorted.sort((a, b) -> Integer.compare(a.axisStart(), b.axisStart()));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).axisStart() < sorted.get(i - 1).axisEnd()) {
                throw new IllegalArgumentException("session template " + name + ": segments overlap: "
                        + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
        this.segments = Collections.unmodifiableList(sorted);
        this.withNight = new MinuteGrid(this.segments, true);
        this.withoutNight = new MinuteGrid(this.segments, false);
        if (withoutNight.minutes() == 0) {
            throw new IllegalArgumentException("session template " + name + " has no day trading minutes");
        }
    }

    public String name() {
        return name;
    }

    public List<SessionSegment> segments() {
        return segments;
    }

    public boolean hasNightSession() {
        return segments.stream().anyMatch(SessionSegment::night);
    }

    /** The minute grid of a trading day with or without its night session. */
    public MinuteGrid grid(boolean nightSession) {
        return nightSession && hasNightSession() ? withNight : withoutNight;
    }

    @Override
    public String toString() {
        return name + segments;
    }
}
