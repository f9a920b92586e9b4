package com.quotebus.collector.arbitration;

import com.quotebus.collector.FeedSink;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.time.MarketClock;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges redundant sources of the same data (the A/B line pattern) into one ordered stream without loss or
 * duplicates, reporting to an {@link ArbitratedEventListener}.
 *
 * <ul>
 *   <li><b>Trades with a channel sequence</b> are keyed by (channel, channelSeq): the first copy wins and is
 *       delivered in sequence order; later copies are duplicates; a copy older than one its own source already
 *       sent is out of order. A hole waits {@code gapWindowMillis} (from the arrival of the event that revealed
 *       it) for any source to fill it, then is declared lost, reported, and the channel's symbols go stale.
 *       Heartbeats (last sequence sent) reveal a hole at the tail the same way. A channel whose first message
 *       is sequence 1 (or that has a single source) starts there at once; one joined mid-stream waits one window
 *       and starts at the lowest sequence received (what came before is the next snapshot's business). Holding
 *       trades never holds snapshots back, so a symbol's snapshots and trades are ordered only as delivered.</li>
 *   <li><b>Snapshots</b> carry no channel sequence: per code, the first copy of a newer exchange time wins; an
 *       older one, or one identical in content to a snapshot already delivered at the same time, is a duplicate.
 *       A delivered snapshot makes a stale symbol fresh.</li>
 *   <li><b>Trades without a sequence</b> (channelSeq 0) cannot be matched across sources; they are taken from the
 *       preferred source only: the first source, in registration order, that is up.</li>
 *   <li><b>Liveness</b>: a source with nothing (event or heartbeat) for {@code silenceMillis}, or disconnected, is
 *       reported down and the others carry on; when every source is down all known symbols go stale.</li>
 * </ul>
 *
 * Time comes from the injected clock; {@link #checkTimers()} must be called periodically (e.g. every few ms by a
 * timer) so holes and silences are noticed when no input arrives. Methods are synchronized: sources deliver on
 * their own threads. Memory is bounded by the number of channels, symbols and {@code maxHeldPerChannel}.
 */
public final class Arbitrator implements FeedSink {
    /** Distinct same-time snapshot contents remembered per code to recognise the other line's copies. */
    private static final int SAME_TIME_VERSIONS = 4;

    private final ArbitrationConfig config;
    private final MarketClock clock;
    private final ArbitratedEventListener listener;
    private final ProblemLog problems;
    private final Map<String, SourceState> sources = new LinkedHashMap<>();
    private final Map<Integer, ChannelState> channels = new HashMap<>();
    private final Map<String, SnapshotState> snapshots = new HashMap<>();
    private final Set<String> stale = new HashSet<>();
    private boolean allDownReported;
    /** Latest exchange time delivered or announced by a heartbeat (see {@link #watermark()}). */
    private long maxTime = Long.MIN_VALUE;
    private long lastInputAt = Long.MIN_VALUE;
    private long delivered;
    private long gaps;
    private long lostMessages;
    private long staleMarks;
    private int held;

    /**
     * @param sourceNames the sources, in order of preference for unsequenced trades; other names are accepted
     *                    too and appended on first contact
     */
    public Arbitrator(ArbitrationConfig config, MarketClock clock, List<String> sourceNames,
            ArbitratedEventListener listener) {
        this.config = config;
        this.clock = clock;
        this.listener = listener;
        this.problems = new ProblemLog(config.logIntervalMillis());
        long now = clock.millis();
        for (String name : sourceNames) {
            if (sources.put(name, new SourceState(name, now)) != null) {
                throw new IllegalArgumentException("source '" + name + "' is listed twice");
            }
        }
    }

    /**
     * Restores state from an event already delivered before a restart (replayed from the journal), so copies of it
     * resent by the sources are recognised as duplicates. Call for each journaled event, in order, before any input.
     */
    public synchronized void restore(MarketEvent event) {
        maxTime = Math.max(maxTime, event.exchangeTime());
        if (event instanceof Trade t && t.channelSeq() > 0) {
            ChannelState ch = channel(t.channel());
            ch.lastDelivered = Math.max(ch.lastDelivered, t.channelSeq());
            ch.lastTime = Math.max(ch.lastTime, t.exchangeTime());
            ch.codes.add(t.code());
        } else if (event instanceof Snapshot s) {
            remember(normalised(s));
        }
    }

    /**
     * The stream's market time: the latest exchange time delivered or announced by a heartbeat, held back to the
     * time of the last trade delivered on any channel that has a hole (events held behind a missing sequence, an
     * announced tail not yet received, or a channel still joining) — what comes to fill the hole is no older
     * than that. {@link Long#MIN_VALUE} before anything arrived. Every event delivered so far has been passed to
     * the listener, so a consumer told this time has everything before it but what fills a hole.
     */
    public synchronized long watermark() {
        long w = maxTime;
        for (ChannelState ch : channels.values()) {
            if (ch.hasHole()) {
                w = Math.min(w, ch.lastTime);
            }
        }
        return w;
    }

    /** Whether a channel waits for a hole to be filled (events held, an announced tail, a channel joining). */
    public synchronized boolean hasHole() {
        for (ChannelState ch : channels.values()) {
            if (ch.hasHole()) {
                return true;
            }
        }
        return false;
    }

    /** Clock time of the last event any source delivered (a copy or not), {@link Long#MIN_VALUE} before any. */
    public synchronized long lastInputAt() {
        return lastInputAt;
    }

    @Override
    public synchronized void onEvent(String source, MarketEvent event) {
        long now = clock.millis();
        lastInputAt = now;
        SourceState src = touch(source, now);
        src.eventsIn++;
        if (event instanceof Snapshot s) {
            onSnapshot(src, s, now);
        } else {
            Trade t = (Trade) event;
            if (t.channelSeq() > 0) {
                onSequenced(src, t, now);
            } else if (src == preferred()) {
                deliver(src, t);
            } else {
                src.duplicates++;
            }
        }
        checkHoles(now);
    }

    private void onSnapshot(SourceState src, Snapshot s, long now) {
        long own = src.lastSnapshot.getOrDefault(s.code(), Long.MIN_VALUE);
        if (s.exchangeTime() < own) {
            src.outOfOrder++;
            problems.report(src.name, "out-of-order snapshot", s.code() + " at " + s.exchangeTime() + " after "
                    + own, now);
            return;
        }
        src.lastSnapshot.put(s.code(), s.exchangeTime());
        SnapshotState st = snapshots.get(s.code());
        Snapshot plain = normalised(s);
        if (st != null && (s.exchangeTime() < st.time
                || (s.exchangeTime() == st.time && st.versions.contains(plain)))) {
            src.duplicates++;
            return;
        }
        remember(plain);
        if (s.channel() != 0) {
            channel(s.channel()).codes.add(s.code());
        }
        deliver(src, s);
        if (stale.remove(s.code())) {
            listener.onFresh(s.code());
        }
    }

    private void remember(Snapshot plain) {
        SnapshotState st = snapshots.computeIfAbsent(plain.code(), c -> new SnapshotState());
        if (plain.exchangeTime() > st.time) {
            st.time = plain.exchangeTime();
            st.versions.clear();
        }
        if (st.versions.size() == SAME_TIME_VERSIONS) {
            st.versions.removeFirst();
        }
        st.versions.addLast(plain);
    }

    private static Snapshot normalised(Snapshot s) {
        return s.seq() == 0 && s.source().isEmpty() && s.channelSeq() == 0 && s.channel() == 0 ? s
                : new Snapshot(s.code(), s.exchangeTime(), s.phase(), s.preClose(), s.open(), s.high(), s.low(),
                        s.last(), s.volume(), s.turnover(), s.numTrades(), s.upperLimit(), s.lowerLimit(),
                        s.openInterest(), s.settlement(), s.preSettlement(), s.bid(), s.ask(), 0, 0, 0, "");
    }

    /**
     * A sequence number taken by a message that is not delivered (an order): it fills its place in the channel
     * like a trade would, so the trades after it are not held as behind a hole.
     */
    @Override
    public synchronized void onSequenceOnly(String source, int channel, long channelSeq, long exchangeTime) {
        long now = clock.millis();
        SourceState src = touch(source, now);
        if (channelSeq > 0) {
            onSequenced(src, channel, channelSeq, null, now);
            checkHoles(now);
        }
    }

    private void onSequenced(SourceState src, Trade t, long now) {
        onSequenced(src, t.channel(), t.channelSeq(), t, now);
    }

    /** A sequenced message of a channel: a trade, or (null) a number taken by a message not delivered. */
    private void onSequenced(SourceState src, int channel, long seq, Trade t, long now) {
        ChannelState ch = channel(channel);
        Long own = src.lastSeq.get(channel);
        if (own != null && seq <= own) {
            src.outOfOrder++;
            problems.report(src.name, "out-of-order", "channel " + channel + " seq " + seq + " after " + own,
                    now);
            return;
        }
        src.lastSeq.put(channel, seq);
        if (t != null) {
            ch.codes.add(t.code());
        }
        if (ch.lastDelivered < 0 && !ch.joining) {
            if (seq == 1 || sources.size() == 1) {
                // the start of the channel's day, or no other line to wait for: start here
                ch.lastDelivered = seq - 1;
            } else {
                ch.joining = true; // mid-stream: wait one window for lower sequences from the other line
                ch.joinSince = now;
            }
        }
        if (seq <= ch.lastDelivered || ch.held.containsKey(seq)) {
            if (t != null) {
                src.duplicates++;
                // normal on a redundant line, so DEBUG only; the count (duplicates per source) is the useful part
                problems.report(src.name, "duplicate", "channel " + channel + " seq " + seq, now,
                        System.Logger.Level.DEBUG);
            }
            return;
        }
        if (seq == ch.lastDelivered + 1 && !ch.joining) {
            ch.lastDelivered = seq;
            if (t != null) {
                ch.lastTime = Math.max(ch.lastTime, t.exchangeTime());
                deliver(src, t);
            }
            drain(ch);
            return;
        }
        ch.held.put(seq, new Held(src, t, now));
        held++;
        if (ch.held.size() >= config.maxHeldPerChannel()) {
            declareHole(channel, ch, "more than " + config.maxHeldPerChannel() + " events held behind it");
        }
    }

    private void drain(ChannelState ch) {
        Map.Entry<Long, Held> first;
        while ((first = ch.held.firstEntry()) != null && first.getKey() == ch.lastDelivered + 1) {
            ch.held.pollFirstEntry();
            held--;
            ch.lastDelivered = first.getKey();
            Trade t = first.getValue().event;
            if (t != null) { // null: a number taken by an order
                ch.lastTime = Math.max(ch.lastTime, t.exchangeTime());
                deliver(first.getValue().source, t);
            }
        }
        if (ch.expectedUpTo <= ch.lastDelivered) {
            ch.tailSince = -1;
        }
    }

    private void deliver(SourceState src, MarketEvent event) {
        src.won++;
        delivered++;
        maxTime = Math.max(maxTime, event.exchangeTime());
        MarketEvent stamped = event instanceof Trade t ? t.withSequencing(0, src.name)
                : ((Snapshot) event).withSequencing(0, src.name);
        listener.onEvent(stamped);
    }

    @Override
    public synchronized void onHeartbeat(String source, int channel, long lastSeq, long exchangeTime) {
        long now = clock.millis();
        SourceState src = touch(source, now);
        src.heartbeats++;
        if (exchangeTime > 0) {
            maxTime = Math.max(maxTime, exchangeTime);
        }
        ChannelState ch = channel(channel);
        if (ch.lastDelivered < 0 && !ch.joining) {
            ch.lastDelivered = lastSeq; // joining a channel at its current position
        }
        if (lastSeq > ch.expectedUpTo) {
            ch.expectedUpTo = lastSeq;
            if (lastSeq > ch.lastDelivered && ch.tailSince < 0) {
                ch.tailSince = now;
            }
        }
        checkHoles(now);
    }

    @Override
    public synchronized void onMalformed(String source, String reason) {
        long now = clock.millis();
        SourceState src = touch(source, now);
        src.malformed++;
        problems.report(source, "malformed", reason, now);
    }

    @Override
    public synchronized void onDisconnected(String source, String reason) {
        SourceState src = source(source, clock.millis());
        markDown(src, "disconnected: " + reason);
    }

    @Override
    public synchronized void onConnected(String source) {
        touch(source, clock.millis());
    }

    /** Declares holes whose window has passed and sources silent for too long; call periodically. */
    public synchronized void checkTimers() {
        long now = clock.millis();
        checkHoles(now);
        for (SourceState src : sources.values()) {
            if (src.up && now - src.lastSeen >= config.silenceMillis()) {
                markDown(src, "silent for " + (now - src.lastSeen) + " ms");
            }
        }
    }

    private void checkHoles(long now) {
        if (held == 0 && !anyTailHole()) {
            return;
        }
        for (Map.Entry<Integer, ChannelState> e : channels.entrySet()) {
            ChannelState ch = e.getValue();
            while (true) {
                long since = holeSince(ch);
                if (since < 0 || now - since < config.gapWindowMillis()) {
                    break;
                }
                declareHole(e.getKey(), ch, "not received from any source within " + config.gapWindowMillis()
                        + " ms");
            }
        }
    }

    private boolean anyTailHole() {
        for (ChannelState ch : channels.values()) {
            if (ch.tailSince >= 0) {
                return true;
            }
        }
        return false;
    }

    /** When the channel's first hole was revealed, or -1 when it has none. */
    private static long holeSince(ChannelState ch) {
        Map.Entry<Long, Held> first = ch.held.firstEntry();
        if (ch.joining) {
            return ch.joinSince;
        }
        if (first != null) {
            return ch.tailSince >= 0 ? Math.min(first.getValue().arrived, ch.tailSince) : first.getValue().arrived;
        }
        return ch.tailSince;
    }

    private void declareHole(int channel, ChannelState ch, String reason) {
        Map.Entry<Long, Held> first = ch.held.firstEntry();
        if (ch.joining) {
            // joined mid-stream: start at the lowest sequence any line delivered; earlier ones are the snapshot's
            ch.joining = false;
            ch.lastDelivered = first.getKey() - 1;
            drain(ch);
            return;
        }
        long from = ch.lastDelivered + 1;
        long to = first != null ? first.getKey() - 1 : ch.expectedUpTo;
        if (to < from) {
            drain(ch);
            return;
        }
        gaps++;
        lostMessages += to - from + 1;
        ch.lastDelivered = to;
        listener.onGap(channel, from, to, reason);
        markStale(ch.codes, "gap " + from + ".." + to + " on channel " + channel);
        drain(ch);
    }

    private void markStale(Set<String> codes, String reason) {
        Set<String> newly = new HashSet<>();
        for (String code : codes) {
            if (stale.add(code)) {
                newly.add(code);
            }
        }
        if (!newly.isEmpty()) {
            staleMarks += newly.size();
            listener.onStale(Collections.unmodifiableSet(newly), reason);
        }
    }

    private void markDown(SourceState src, String reason) {
        if (!src.up) {
            return;
        }
        src.up = false;
        src.downs++;
        listener.onSourceDown(src.name, reason);
        if (!allDownReported && sources.values().stream().noneMatch(s -> s.up)) {
            allDownReported = true;
            Set<String> all = new HashSet<>(snapshots.keySet());
            channels.values().forEach(c -> all.addAll(c.codes));
            markStale(all, "every source is down");
        }
    }

    private SourceState touch(String name, long now) {
        SourceState src = source(name, now);
        src.lastSeen = now;
        if (!src.up) {
            src.up = true;
            allDownReported = false;
            listener.onSourceUp(name);
        }
        return src;
    }

    private SourceState source(String name, long now) {
        return sources.computeIfAbsent(name, n -> new SourceState(n, now));
    }

    private SourceState preferred() {
        for (SourceState s : sources.values()) {
            if (s.up) {
                return s;
            }
        }
        return null;
    }

    private ChannelState channel(int channel) {
        return channels.computeIfAbsent(channel, c -> new ChannelState());
    }

    /** True when {@code code} is stale (see {@link ArbitratedEventListener#onStale}). */
    public synchronized boolean isStale(String code) {
        return stale.contains(code);
    }

    public synchronized ArbitrationMetrics metrics() {
        Map<String, SourceMetrics> m = new LinkedHashMap<>();
        for (SourceState s : sources.values()) {
            m.put(s.name, new SourceMetrics(s.up, s.eventsIn, s.won, s.duplicates, s.outOfOrder, s.malformed,
                    s.heartbeats, s.downs));
        }
        return new ArbitrationMetrics(Collections.unmodifiableMap(m), delivered, gaps, lostMessages, stale.size(),
                staleMarks, held);
    }

    private static final class SourceState {
        final String name;
        final Map<Integer, Long> lastSeq = new HashMap<>();
        final Map<String, Long> lastSnapshot = new HashMap<>();
        boolean up = true;
        long lastSeen;
        long eventsIn;
        long won;
        long duplicates;
        long outOfOrder;
        long malformed;
        long heartbeats;
        long downs;

        SourceState(String name, long now) {
            this.name = name;
            this.lastSeen = now;
        }
    }

    private static final class ChannelState {
        final TreeMap<Long, Held> held = new TreeMap<>();
        final Set<String> codes = new HashSet<>();
        long lastDelivered = -1;
        /** Exchange time of the last trade delivered on the channel. */
        long lastTime = Long.MIN_VALUE;
        /** First events of a channel joined mid-stream are held one window so the earliest line's copy leads. */
        boolean joining;
        long joinSince;
        long expectedUpTo = -1;
        long tailSince = -1;

        boolean hasHole() {
            return joining || !held.isEmpty() || tailSince >= 0;
        }
    }

    private static final class SnapshotState {
        final ArrayDeque<Snapshot> versions = new ArrayDeque<>(SAME_TIME_VERSIONS);
        long time = Long.MIN_VALUE;
    }

    /** A held message: a trade, or ({@code event} null) a sequence number taken by a message not delivered. */
    private record Held(SourceState source, Trade event, long arrived) {}
}
