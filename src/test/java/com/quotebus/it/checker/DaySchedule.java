package com.quotebus.it.checker;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One trading day of one session template, per docs/domain.md: the minute grid (continuous segments plus the
 * closing auction, each minute a slot labelled by its end), where a time off the grid goes, the 分时 points
 * (point 0 labelled with the first segment's start and holding everything up to it, then one per slot), and
 * the day's window (18:00 of the previous trading day to 18:00 of this one).
 */
public final class DaySchedule {
    /** Minutes before a segment start that count as its pre-open auction (futures 20:55, 08:55). */
    static final int PRE_OPEN_MINUTES = 5;

    private enum Kind { OPENING_AUCTION, TRADING }

    /** A segment as in the docs' template table: local start and end (minute of day), kind. */
    private record Segment(int start, int end, Kind kind) {
        boolean night() {
            return start >= 18 * 60;
        }
    }

    private static Segment seg(String from, String to, Kind kind) {
        return new Segment(minute(from), minute(to), kind);
    }

    private static int minute(String hhmm) {
        return Integer.parseInt(hhmm.substring(0, 2)) * 60 + Integer.parseInt(hhmm.substring(3, 5));
    }

    private static final List<Segment> COMMODITY_DAY = List.of(seg("08:55", "09:00", Kind.OPENING_AUCTION),
            seg("09:00", "10:15", Kind.TRADING), seg("10:30", "11:30", Kind.TRADING), seg("13:30", "15:00", Kind.TRADING));

    /** docs/domain.md "Session templates" (the closing auction trades on the grid, so it is TRADING here). */
    private static final Map<String, List<Segment>> TEMPLATES = Map.of(
            "CN_STOCK", List.of(seg("09:15", "09:25", Kind.OPENING_AUCTION), seg("09:30", "11:30", Kind.TRADING),
                    seg("13:00", "14:57", Kind.TRADING), seg("14:57", "15:00", Kind.TRADING)),
            "CN_INDEX_FUTURE", List.of(seg("09:25", "09:30", Kind.OPENING_AUCTION), seg("09:30", "11:30", Kind.TRADING),
                    seg("13:00", "15:00", Kind.TRADING)),
            "CN_TREASURY_FUTURE", List.of(seg("09:25", "09:30", Kind.OPENING_AUCTION),
                    seg("09:30", "11:30", Kind.TRADING), seg("13:00", "15:15", Kind.TRADING)),
            "CN_COMMODITY_DAY", COMMODITY_DAY,
            "CN_COMMODITY_NIGHT_2300", night("23:00"),
            "CN_COMMODITY_NIGHT_0100", night("01:00"),
            "CN_COMMODITY_NIGHT_0230", night("02:30"));

    private static List<Segment> night(String end) {
        List<Segment> s = new ArrayList<>();
        s.add(seg("20:55", "21:00", Kind.OPENING_AUCTION));
        s.add(seg("21:00", end, Kind.TRADING));
        s.addAll(COMMODITY_DAY);
        return s;
    }

    private final String template;
    private final LocalDate day;
    private final boolean nightSession;
    /** Grid runs (adjacent trading segments merged), epoch ms: {start, end} each. */
    private final List<long[]> runs = new ArrayList<>();
    private final long[] slotEnd;
    private final long windowStart;
    private final long windowEnd;

    public DaySchedule(String template, LocalDate day, MarketCalendar calendar) {
        List<Segment> segments = TEMPLATES.get(template);
        if (segments == null) {
            throw new IllegalArgumentException("no session template " + template + " in docs/domain.md");
        }
        if (!calendar.isTradingDay(day)) {
            throw new IllegalArgumentException(day + " is not a trading day");
        }
        this.template = template;
        this.day = day;
        LocalDate eve = calendar.previous(day);
        boolean hasNight = segments.stream().anyMatch(Segment::night);
        this.nightSession = hasNight && calendar.hasNightBefore(day);
        for (Segment s : segments) {
            if (s.kind() == Kind.OPENING_AUCTION || (s.night() && !nightSession)) {
                continue;
            }
            long start = absolute(s.start(), s.night(), day, eve);
            long end = absolute(s.end(), s.night(), day, eve);
            long[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[1] == start) {
                last[1] = end;
            } else {
                runs.add(new long[] {start, end});
            }
        }
        List<Long> labels = new ArrayList<>();
        for (long[] r : runs) {
            for (long t = r[0] + MarketCalendar.MINUTE; t <= r[1]; t += MarketCalendar.MINUTE) {
                labels.add(t);
            }
        }
        this.slotEnd = labels.stream().mapToLong(Long::longValue).toArray();
        this.windowStart = MarketCalendar.epoch(eve, 18 * 60);
        this.windowEnd = MarketCalendar.epoch(day, 18 * 60);
    }

    /** A night segment's time lies on the eve, or after midnight on the day after the eve. */
    private static long absolute(int minuteOfDay, boolean night, LocalDate day, LocalDate eve) {
        if (!night) {
            return MarketCalendar.epoch(day, minuteOfDay);
        }
        return minuteOfDay >= 18 * 60 ? MarketCalendar.epoch(eve, minuteOfDay)
                : MarketCalendar.epoch(eve.plusDays(1), minuteOfDay);
    }

    public String template() {
        return template;
    }

    public LocalDate day() {
        return day;
    }

    public boolean hasNightSession() {
        return nightSession;
    }

    /** Trading minutes (A-shares 240). */
    public int slots() {
        return slotEnd.length;
    }

    /** Label (end) of a slot. */
    public long slotEnd(int slot) {
        return slotEnd[slot];
    }

    /** Start of the first grid segment (A-shares 09:30; night futures 21:00 of the eve). */
    public long firstStart() {
        return runs.get(0)[0];
    }

    /** The last slot's label: the close. */
    public long close() {
        return slotEnd[slotEnd.length - 1];
    }

    public long windowStart() {
        return windowStart;
    }

    public long windowEnd() {
        return windowEnd;
    }

    public boolean contains(long t) {
        return t >= windowStart && t < windowEnd;
    }

    /**
     * The slot of a time: inside a run, the minute that ends at or after it; before the first segment, the
     * first slot; in a break, the last slot before it unless within {@value #PRE_OPEN_MINUTES} minutes of the
     * next segment (then the first slot after it); after the close, the last slot.
     */
    public int slotOf(long t) {
        long m = Math.floorDiv(t + MarketCalendar.MINUTE - 1, MarketCalendar.MINUTE) * MarketCalendar.MINUTE;
        int offset = 0;
        for (int k = 0; k < runs.size(); k++) {
            long[] r = runs.get(k);
            if (m <= r[0]) {
                if (k == 0 || m > r[0] - PRE_OPEN_MINUTES * MarketCalendar.MINUTE) {
                    return offset;
                }
                return offset - 1;
            }
            if (m <= r[1]) {
                return offset + (int) ((m - r[0]) / MarketCalendar.MINUTE) - 1;
            }
            offset += (int) ((r[1] - r[0]) / MarketCalendar.MINUTE);
        }
        return offset - 1;
    }

    /** 分时 points: slots + 1 (A-shares 241). */
    public int points() {
        return slotEnd.length + 1;
    }

    /** The 分时 point of a time: 0 up to the first segment's start, else 1 + its slot. */
    public int pointOf(long t) {
        return t <= firstStart() ? 0 : 1 + slotOf(t);
    }

    /** Label of a 分时 point. */
    public long pointTime(int point) {
        return point == 0 ? firstStart() : slotEnd[point - 1];
    }
}
