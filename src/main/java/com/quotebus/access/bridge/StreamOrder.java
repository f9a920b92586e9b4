package com.quotebus.access.bridge;

import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps a stream address's pushes (every one matters: {@code tick.*}) in seq order when several replicas publish
 * them. The replicas publish the same seqs, each in order, but they interleave: one may publish seq 810 before
 * the other has published 808 — for instance a replica that rebuilt its shard applied 808 and 809 while catching up
 * (silently) and is first with 810. Delivered as they come, 810 would make the first-arrival filter
 * ({@link DuplicatePushFilter}) drop the other's 808 and 809 as old: a gap no publisher made.
 *
 * <p>So a push that jumps ahead of the next expected seq (by at most {@link #MAX_JUMP}) is held until the seqs
 * before it arrive — from any replica — and then passed on in order; if they do not come within the hub's hold
 * time the held pushes are passed on anyway (the client sees the gap and fills it from {@code svc.ticks}).
 * Pushes at or below the next expected seq pass at once (the duplicate filter decides on them: a duplicate, or
 * a new trading day's sequence). At most {@link #MAX_HELD} are held.
 *
 * <p>Plain Java, not thread-safe: one per stream address, used on the hub's context.
 *
 * @param <T> what is held (the bus message)
 */
final class StreamOrder<T> {
    /** A larger jump is not waited for (a restart of the sequence, or a publisher far ahead): it passes. */
    static final long MAX_JUMP = 10_000;
    static final int MAX_HELD = 1_024;

    /** The seq that continues what was passed on, or -1 before the first push. */
    private long next = -1;
    private final TreeMap<Long, T> held = new TreeMap<>();

    /** Whether a push with {@code seq} must wait for earlier ones; if so it is held. */
    boolean hold(long seq, T push) {
        if (next < 0 || seq <= next || seq - next > MAX_JUMP || (held.size() >= MAX_HELD && !held.containsKey(seq))) {
            return false;
        }
        held.putIfAbsent(seq, push);
        return true;
    }

    /** A push with {@code seq} was passed on (delivered): the stream continues after it. */
    void passed(long seq) {
        next = seq + 1;
    }

    /** The first held push that may go now (its seq is not after the next expected one), removed; else null. */
    Map.Entry<Long, T> ready() {
        return !held.isEmpty() && held.firstKey() <= next ? held.pollFirstEntry() : null;
    }

    /** The first held push whatever the hole before it (the hold time is over), removed; null when none. */
    Map.Entry<Long, T> release() {
        return held.pollFirstEntry();
    }

    boolean holding() {
        return !held.isEmpty();
    }

    int heldCount() {
        return held.size();
    }
}
