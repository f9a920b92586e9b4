package com.quotebus.core.time;

import com.quotebus.core.event.TradingPhase;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One trading day of one session template, resolved to epoch milliseconds: which minute slot a time
 * falls in, and when each slot, the day and its window begin and end. Immutable; built by
 * {@link TradingSchedules}.
 */
public final class TradingDaySchedule {
    private final SessionTemplate template;
    private final LocalDate tradingDay;
    private final boolean nightSession;
    private final MinuteGrid grid;
    private final long[] slotEnd;
    private final long firstStart;
    private final long windowStart;
    private final long windowEnd;
    /** The day's segments in time order: start, end (epoch ms) and phase of each. */
    private final long[] segmentStart;
    private final long[] segmentEnd;
    private final TradingPhase[] segmentPhase;

    TradingDaySchedule(SessionTemplate template, LocalDate tradingDay, TradingCalendar calendar) {
        this.template = template;
        this.tradingDay = tradingDay;
        this.nightSession = template.hasNightSession() && calendar.hasNightSessionBefore(tradingDay);
        this.grid = template.grid(nightSession);
        LocalDate eve = calendar.previousTradingDay(tradingDay);
        this.slotEnd = new long[grid.minutes()];
        for (int i = 0; i < slotEnd.length; i++) {
            slotEnd[i] = epochOfAxis(grid.labelAxis(i), grid.isNight(i), eve);
        }
        this.firstStart = epochOfAxis(grid.firstStartAxis(), grid.firstStartIsNight(), eve);
        this.windowStart = ChinaTime.epochMillis(eve, 18 * 60);
        this.windowEnd = ChinaTime.epochMillis(tradingDay, 18 * 60);
        List<SessionSegment> segments = new ArrayList<>();
        for (SessionSegment seg : template.segments()) {
            // A day with a night session opens with the night's call auction (20:55); its day session has none.
            boolean dayAuctionAfterNight = nightSession && !seg.night()
                    && seg.kind() == SessionSegment.Kind.OPENING_AUCTION;
            if ((nightSession || !seg.night()) && !dayAuctionAfterNight) {
                segments.add(seg);
            }
        }
        segments.sort(Comparator.comparingInt(SessionSegment::axisStart));
        this.segmentStart = new long[segments.size()];
        this.segmentEnd = new long[segments.size()];
        this.segmentPhase = new TradingPhase[segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            SessionSegment seg = segments.get(i);
            segmentStart[i] = epochOfAxis(seg.axisStart(), seg.night(), eve);
            segmentEnd[i] = epochOfAxis(seg.axisEnd(), seg.night(), eve);
            segmentPhase[i] = seg.kind().phase();
        }
    }

    /**
     * The day's lifecycle — the one place that says which phase a trading day is in at a market time:
     * {@code PRE_OPEN} before its first segment (for a night-session day: from 18:00 of the eve), then the phase
     * of each segment while it runs ({@code OPENING_AUCTION}, {@code CONTINUOUS}, {@code CLOSING_AUCTION}),
     * {@code BREAK} between two segments (lunch, the futures 10:15 pause, the night between the night and day
     * sessions), {@code CLOSED} from the close (settlement) until the day's window ends at 18:00, when the next
     * trading day's {@code PRE_OPEN} begins (the day roll). A segment's start belongs to it, its end to what follows.
     */
    public TradingPhase phaseAt(long epochMs) {
        if (epochMs < segmentStart[0]) {
            return TradingPhase.PRE_OPEN;
        }
        for (int i = 0; i < segmentStart.length; i++) {
            if (epochMs < segmentEnd[i]) {
                return epochMs >= segmentStart[i] ? segmentPhase[i] : TradingPhase.BREAK;
            }
        }
        return TradingPhase.CLOSED;
    }

    /** The next time after {@code epochMs} at which {@link #phaseAt} changes, or {@link Long#MAX_VALUE} after the close. */
    public long nextPhaseChange(long epochMs) {
        for (int i = 0; i < segmentStart.length; i++) {
            if (epochMs < segmentStart[i]) {
                return segmentStart[i];
            }
            if (epochMs < segmentEnd[i]) {
                return segmentEnd[i];
            }
        }
        return Long.MAX_VALUE;
    }

    private long epochOfAxis(int axis, boolean night, LocalDate eve) {
        if (night) {
            LocalDate date = axis >= 360 ? eve.plusDays(1) : eve;
            return ChinaTime.epochMillis(date, (axis + 1080) % 1440);
        }
        return ChinaTime.epochMillis(tradingDay, axis - 360);
    }

    public SessionTemplate template() {
        return template;
    }

    public LocalDate tradingDay() {
        return tradingDay;
    }

    /** Whether this day has a night session before it (futures templates with night hours only). */
    public boolean hasNightSession() {
        return nightSession;
    }

    /** Number of trading minutes (A-shares 240). */
    public int minutes() {
        return grid.minutes();
    }

    /** Whether the time belongs to this trading day: 18:00 of the previous trading day up to 18:00 of this one. */
    public boolean contains(long epochMs) {
        return epochMs >= windowStart && epochMs < windowEnd;
    }

    public long windowStart() {
        return windowStart;
    }

    public long windowEnd() {
        return windowEnd;
    }

    /** Minute slot 0..minutes()-1 of a time in this day's window (auction → 0, after close → last). */
    public int slotOf(long epochMs) {
        return grid.slotOfMillisOfDay(ChinaTime.millisOfDay(epochMs));
    }

    /** End (label) of a slot, epoch ms. */
    public long slotEnd(int slot) {
        return slotEnd[slot];
    }

    /** Start of a slot (one minute before its end), epoch ms. */
    public long slotStart(int slot) {
        return slotEnd[slot] - ChinaTime.MINUTE_MS;
    }

    /** Start of the first grid segment (A-shares 09:30; night futures 21:00 of the eve), epoch ms. */
    public long firstStart() {
        return firstStart;
    }

    /** End of the trading day's last minute (A-shares 15:00), epoch ms. */
    public long close() {
        return slotEnd[slotEnd.length - 1];
    }

    /**
     * Point index in the 分时 line of {@code minutes()+1} points: point 0 is labelled {@link #firstStart()}
     * and holds everything up to it (the opening auction); point i ≥ 1 is slot i−1.
     */
    public int minutePointOf(long epochMs) {
        return epochMs <= firstStart ? 0 : 1 + slotOf(epochMs);
    }

    /** Label (time) of a 分时 point, epoch ms. */
    public long minutePointTime(int point) {
        return point == 0 ? firstStart : slotEnd[point - 1];
    }

    /** Number of 分时 points (A-shares 241). */
    public int minutePoints() {
        return grid.minutes() + 1;
    }
}
