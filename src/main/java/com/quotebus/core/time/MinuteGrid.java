package com.quotebus.core.time;

import java.util.ArrayList;
import java.util.List;

/**
 * The trading minutes of one kind of trading day, numbered 0..{@link #minutes()}-1 and labelled by their
 * END minute (Chinese convention: minute 09:31 covers (09:30, 09:31]). Lookup from a time of day is
 * one array read.
 *
 * <p>Rules for times outside the grid: before the first minute (pre-open, opening auction) → minute 0;
 * in a break → the last minute before it, except within {@value #PRE_OPEN_MINUTES} minutes of the next
 * segment's start (its pre-open auction) → the first minute after it; after the close → the last
 * minute (the closing print at 15:00:00.xxx lands in the 15:00 minute).
 */
public final class MinuteGrid {
    /** Minutes before a segment start that count as its pre-open (futures 20:55, 08:55 auctions). */
    public static final int PRE_OPEN_MINUTES = 5;

    private final int minutes;
    private final short[] slotByAxisCeil = new short[1440];
    private final int[] labelAxis;
    private final boolean[] night;
    private final int firstStartAxis;
    private final boolean firstNight;

    MinuteGrid(List<SessionSegment> segments, boolean includeNight) {
        List<int[]> runs = new ArrayList<>(); // {startAxis, endAxis, night}
        for (SessionSegment s : segments) {
            if (s.kind() == SessionSegment.Kind.OPENING_AUCTION || (s.night() && !includeNight)) {
                continue;
            }
            int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
            if (last != null && last[1] == s.axisStart()) {
                last[1] = s.axisEnd(); // 13:00-14:57 continuous + 14:57-15:00 closing auction
            } else {
                runs.add(new int[] {s.axisStart(), s.axisEnd(), s.night() ? 1 : 0});
            }
        }
        int n = 0;
        for (int[] r : runs) {
            n += r[1] - r[0];
        }
        this.minutes = n;
        this.labelAxis = new int[n];
        this.night = new boolean[n];
        if (n == 0) {
            firstStartAxis = 0;
            firstNight = false;
            return;
        }
        int slot = 0;
        for (int[] r : runs) {
            for (int a = r[0] + 1; a <= r[1]; a++) {
                labelAxis[slot] = a;
                night[slot] = r[2] == 1;
                slot++;
            }
        }
        firstStartAxis = runs.get(0)[0];
        firstNight = runs.get(0)[2] == 1;
        for (int a = 0; a < 1440; a++) {
            slotByAxisCeil[a] = (short) slotFor(runs, a);
        }
    }

    private static int slotFor(List<int[]> runs, int a) {
        int offset = 0;
        for (int k = 0; k < runs.size(); k++) {
            int[] r = runs.get(k);
            int len = r[1] - r[0];
            if (a <= r[0]) {
                if (k == 0 || a > r[0] - PRE_OPEN_MINUTES) {
                    return offset; // pre-open of this run
                }
                return offset - 1; // in the break: last minute of the previous run
            }
            if (a <= r[1]) {
                return offset + (a - r[0] - 1);
            }
            offset += len;
        }
        return offset - 1; // after the close
    }

    /** Number of trading minutes (A-shares: 240). */
    public int minutes() {
        return minutes;
    }

    /**
     * The minute slot of a time, given as milliseconds since local midnight. Out-of-session times map by
     * the rules in the class comment.
     */
    public int slotOfMillisOfDay(long millisOfDay) {
        int ceilMinute = (int) ((millisOfDay + ChinaTime.MINUTE_MS - 1) / ChinaTime.MINUTE_MS); // 0..1440
        return slotByAxisCeil[(ceilMinute + 360) % 1440];
    }

    /** Axis minute of the label (end) of a slot; see {@link SessionSegment#axis}. */
    public int labelAxis(int slot) {
        return labelAxis[slot];
    }

    /** Whether a slot lies in the night session. */
    public boolean isNight(int slot) {
        return night[slot];
    }

    /** Axis minute where the first grid segment starts (A-shares 09:30 → 930). */
    public int firstStartAxis() {
        return firstStartAxis;
    }

    public boolean firstStartIsNight() {
        return firstNight;
    }
}
