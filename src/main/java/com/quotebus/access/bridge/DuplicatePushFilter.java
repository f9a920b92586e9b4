package com.quotebus.access.bridge;

/**
 * First arrival wins: decides which pushes of one address a gateway delivers when several publishers (the
 * calculator replicas serving a shard) publish the same pushes — same {@code seq}, same content — in any
 * interleaving and with any lag between them.
 *
 * <p>A push is known by its {@code seq} (1, 2, 3 … per address per trading day), its {@code time} (exchange
 * time) and, on {@code kline.*} bodies, its {@code day} (the trading day, {@code YYYY-MM-DD}). The filter keeps
 * the last accepted seq, the newest accepted time and the latest accepted day, and:
 * <ul>
 *   <li>accepts a push with a higher seq, unless it belongs to an earlier trading day than one already
 *       accepted ({@link #isEarlierDay}: a lagging replica still on yesterday's sequence after today's began);</li>
 *   <li>drops a push whose seq is not higher (a duplicate), unless it belongs to a later trading day
 *       ({@link #isLaterDay}: the sequences restart at 1 each day) — then it starts the new day's sequence.</li>
 * </ul>
 * The day of a push is compared by {@code day} when both it and the last accepted push carry one: the time of a
 * week-or-longer bar is the end of its period and stays the same from one day to the next. Without {@code day},
 * a later day shows as a time after every accepted one (days are hours apart in every market served: 15:00 →
 * 21:00 or 09:15), and an earlier one as a time more than {@link #EARLIER_DAY_MS} before the newest (a replica's
 * own pushes never go back that far within a day: a corrected bar is minutes old).
 *
 * <p>Not thread-safe: one per address, used on the hub's context.
 */
final class DuplicatePushFilter {
    /** A push this much older than the newest accepted one (and without a {@code day}) is of an earlier day. */
    static final long EARLIER_DAY_MS = 3_600_000;

    private long lastSeq = -1;
    private long maxTime = Long.MIN_VALUE;
    /** Latest accepted {@code day} ({@code YYYY-MM-DD} orders as text), or null when none carried one. */
    private String lastDay;

    /**
     * Whether to deliver a push, recording it when so.
     *
     * @param seq  the push's {@code seq} (≥ 0)
     * @param time the push's {@code time}, exchange time in epoch ms
     * @param day  the push's {@code day} ({@code kline.*}), or null
     */
    boolean accept(long seq, long time, String day) {
        if (lastSeq >= 0) {
            if (seq > lastSeq ? isEarlierDay(time, day) : !isLaterDay(seq, time, day)) {
                return false;
            }
        }
        lastSeq = seq;
        maxTime = Math.max(maxTime, time);
        if (day != null && (lastDay == null || day.compareTo(lastDay) > 0)) {
            lastDay = day;
        }
        return true;
    }

    private boolean isLaterDay(long seq, long time, String day) {
        if (day != null && lastDay != null) {
            return day.compareTo(lastDay) > 0;
        }
        // The seq last accepted again with a slightly newer time is that push once more (a value read for a new
        // subscriber, svc.last, and its live copy stamped apart): a new day's restart is hours after the last push.
        return seq == lastSeq ? time > maxTime + EARLIER_DAY_MS : time > maxTime;
    }

    /** Whether a push is of a trading day before the latest one accepted (a lagging replica's): never delivered. */
    boolean ofEarlierDay(long time, String day) {
        return lastSeq >= 0 && isEarlierDay(time, day);
    }

    private boolean isEarlierDay(long time, String day) {
        return day != null && lastDay != null ? day.compareTo(lastDay) < 0 : time < maxTime - EARLIER_DAY_MS;
    }
}
