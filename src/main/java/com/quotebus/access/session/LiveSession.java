package com.quotebus.access.session;

import com.quotebus.access.bridge.ConnectionSession;
import com.quotebus.access.bridge.GatewayConnection;
import com.quotebus.access.bridge.frame.FrameEncoder;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The session of one connection. Runs on the connection's event loop (callbacks from the store and
 * the tick source hop back to it). Tracks the last {@code seq} queued per stream address (one map
 * write per message, no store write: {@link #sync()} writes at most every {@code sync-ms}, and only
 * when something changed or the entry's TTL needs refreshing), and drives resumption.
 */
final class LiveSession implements ConnectionSession {
    static final String TICK_PREFIX = "tick.";
    /** Fetch rounds per address per resume (one, plus fills for holes seen while replaying). */
    private static final int MAX_ROUNDS = 4;
    private static final int PAGE = 1000;

    private final SessionManager manager;
    private final GatewayConnection conn;
    private final long incarnation;
    private String id;
    private String token;
    /** Last seq queued to the client, per stream address. */
    private final Map<String, long[]> seqs = new HashMap<>();
    /** Stream addresses being replayed after a resume. */
    private Map<String, StreamResume> resumes;
    /** Last-value addresses whose next value carries {@code resync: "true"}. */
    private Set<String> resyncNext;
    /** Non-null while a resume subscribes: frames delivered meanwhile, queued after the reply. */
    private List<Object[]> deferred;
    private boolean dirty = true;
    private boolean writing;
    /** The last store write started; removals wait for it so that a late write cannot revive a session. */
    private Future<Void> lastWrite;
    private boolean resuming;
    private long lastWriteMs;
    private long activeMs;
    /** Ended by kick, take-over or session.close of a resumed one: never written again. */
    private boolean ended;
    private boolean closed;

    LiveSession(SessionManager manager, GatewayConnection conn, long incarnation) {
        this.manager = manager;
        this.conn = conn;
        this.incarnation = incarnation;
        this.activeMs = manager.now();
    }

    long incarnation() {
        return incarnation;
    }

    /** Takes {@code newId} (and its token, or a new one) as this connection's session. */
    void assign(String newId, String newToken) {
        if (id != null) {
            manager.released(id, this);
        }
        id = newId;
        token = newToken != null ? newToken : manager.newToken(newId);
        manager.held(id, this);
        dirty = true;
    }

    // ---------------------------------------------------------------- requests

    @Override
    public void onRequest(String address, Object body, String replyAddress) {
        activeMs = manager.now();
        if (SessionManager.CLOSE.equals(address)) {
            String old = id;
            removeStored(old);
            seqs.clear();
            assign(manager.newId(), null);
            conn.reply(replyAddress, address, new JsonObject().put("session", old).put("closed", true)
                    .put("next", id));
            return;
        }
        JsonObject req = body == null ? new JsonObject() : body instanceof JsonObject o ? o : null;
        if (req == null) {
            conn.replyFailure(replyAddress, address, 400, "bad_request: the body must be a JSON object");
            return;
        }
        Object t = req.getValue("token");
        if (t == null || token.equals(t)) {
            conn.reply(replyAddress, address, new JsonObject().put("session", id).put("token", token)
                    .put("resumed", false).put("ttlMs", manager.options.ttlMs()));
            return;
        }
        if (!(t instanceof String tokenText) || tokenText.indexOf('.') <= 0) {
            conn.replyFailure(replyAddress, address, 400, "bad_request: 'token' must be a session token string");
            return;
        }
        Object clientSeqs = req.getValue("seqs");
        if (clientSeqs != null && !(clientSeqs instanceof JsonObject so
                && so.stream().allMatch(e -> e.getValue() instanceof Number))) {
            conn.replyFailure(replyAddress, address, 400, "bad_request: 'seqs' must be an object of address: seq");
            return;
        }
        if (resuming) {
            conn.replyFailure(replyAddress, address, 409, "conflict: a resume is in progress");
            return;
        }
        resuming = true;
        String resumeId = tokenText.substring(0, tokenText.indexOf('.'));
        Future<SessionRecord> found;
        try {
            found = manager.store.get(resumeId);
        } catch (RuntimeException e) {
            found = Future.failedFuture(e);
        }
        JsonObject seen = (JsonObject) clientSeqs;
        found.onComplete(ar -> onLoop(() -> resume(tokenText, seen, ar, replyAddress, address)));
    }

    /** @param seen the client's own last seq per address, or null: exact where the stored one may lag or lead */
    private void resume(String tokenText, JsonObject seen, AsyncResult<SessionRecord> ar, String replyAddress,
                        String address) {
        resuming = false;
        if (closed) {
            return; // the stored session stays resumable
        }
        if (ar.failed()) {
            conn.replyFailure(replyAddress, address, 503, "unavailable: session store: " + ar.cause().getMessage());
            return;
        }
        SessionRecord r = ar.result();
        if (r == null || !MessageDigest.isEqual(r.token().getBytes(StandardCharsets.UTF_8),
                tokenText.getBytes(StandardCharsets.UTF_8))) {
            manager.metrics.expired.increment();
            conn.replyFailure(replyAddress, address, 440, "session_expired");
            return;
        }
        manager.metrics.resumed.increment();
        String fresh = id;
        removeStored(fresh); // this connection's own session ends: it becomes the resumed one
        assign(r.id(), r.token());
        manager.takeOver(r.id(), incarnation);
        Set<String> already = conn.subscriptions();
        // State first: subscribing may deliver a cached value at once.
        List<String> wanted = new ArrayList<>();
        for (String a : r.subscriptions()) {
            if (already.contains(a)) {
                continue; // this connection gets it live already
            }
            wanted.add(a);
            if (conn.isStream(a)) {
                Long last = seen != null && seen.getValue(a) instanceof Number n ? Long.valueOf(n.longValue())
                        : r.seqs().get(a);
                if (resumes == null) {
                    resumes = new HashMap<>();
                }
                resumes.put(a, new StreamResume(a, last == null ? -1 : last));
            } else if (conn.isLastValue(a)) {
                if (resyncNext == null) {
                    resyncNext = new HashSet<>();
                }
                resyncNext.add(a);
            }
        }
        JsonArray taken = new JsonArray();
        already.forEach(taken::add);
        List<String> refused = new ArrayList<>();
        deferred = new ArrayList<>(); // cached values delivered while subscribing go after the reply
        for (String a : wanted) {
            if (!conn.subscribe(a)) {
                refused.add(a);
                if (resumes != null) {
                    resumes.remove(a);
                }
                if (resyncNext != null) {
                    resyncNext.remove(a);
                }
            } else {
                taken.add(a);
            }
        }
        JsonObject reply = new JsonObject().put("session", id).put("token", token).put("resumed", true)
                .put("ttlMs", manager.options.ttlMs()).put("subscriptions", taken);
        if (!refused.isEmpty()) {
            reply.put("refused", new JsonArray(refused));
        }
        conn.reply(replyAddress, address, reply);
        List<Object[]> early = deferred;
        deferred = null;
        for (Object[] d : early) {
            onMarketData((String) d[0], (boolean) d[1], (byte[]) d[2], (long) d[3]);
        }
        if (resumes != null) {
            for (StreamResume s : new ArrayList<>(resumes.values())) {
                s.start();
            }
        }
        dirty = true;
    }

    // ---------------------------------------------------------------- delivery

    @Override
    public void onMarketData(String address, boolean stream, byte[] frame, long seq) {
        if (deferred != null) {
            deferred.add(new Object[] {address, stream, frame, seq});
            return;
        }
        if (!stream) {
            if (resyncNext != null && resyncNext.remove(address)) {
                frame = withResyncHeader(address, frame);
                manager.metrics.resyncs.increment();
            }
            conn.enqueueMarketData(frame, false, address);
            return;
        }
        StreamResume r = resumes == null ? null : resumes.get(address);
        if (r != null) {
            r.onLive(frame, seq);
            return;
        }
        emit(address, frame, seq);
    }

    /** Queues a stream frame and records its seq when it was not dropped. */
    private void emit(String address, byte[] frame, long seq) {
        if (conn.enqueueMarketData(frame, true, address) && seq >= 0) {
            seqs.computeIfAbsent(address, a -> new long[1])[0] = seq;
            dirty = true;
        }
    }

    @Override
    public void onSubscribed(String address) {
        activeMs = manager.now();
        dirty = true;
    }

    @Override
    public void onUnsubscribed(String address) {
        activeMs = manager.now();
        seqs.remove(address);
        if (resumes != null) {
            resumes.remove(address);
        }
        if (resyncNext != null) {
            resyncNext.remove(address);
        }
        dirty = true;
    }

    // ---------------------------------------------------------------- store

    @Override
    public void sync() {
        if (ended || closed || writing) {
            return;
        }
        long now = manager.now();
        // An unchanged session is written again at a third of its TTL so that it does not expire while held.
        if (!dirty && now - lastWriteMs < manager.options.ttlMs() / 3) {
            return;
        }
        write(true, now);
    }

    private void write(boolean connected, long now) {
        dirty = false;
        writing = true;
        lastWriteMs = now;
        Set<String> subs = conn.subscriptions();
        Map<String, Long> last = new LinkedHashMap<>();
        for (String a : subs) {
            long[] s = seqs.get(a);
            if (s != null) {
                last.put(a, s[0]);
            }
        }
        SessionRecord record = new SessionRecord(id, token, manager.nodeId, connected, List.copyOf(subs), last, now,
                connected ? activeMs : now);
        lastWrite = manager.write(record, manager.options.ttlMs());
        lastWrite.onComplete(ar -> onLoop(() -> {
            writing = false;
            if (ar.failed()) {
                dirty = true;
            }
        }));
    }

    @Override
    public void onClosed(boolean shutdown) {
        if (closed) {
            return;
        }
        if (!ended) {
            write(false, manager.now()); // resumable for ttl-ms from now, on any node
        }
        closed = true;
        resumes = null;
        manager.released(id, this);
        manager.closed();
    }

    /** Kick or take-over: close the connection; the stored state is removed ({@code remove}) or left to the new holder. */
    void end(boolean remove) {
        onLoop(() -> {
            if (ended || closed) {
                return;
            }
            ended = true;
            if (remove) {
                removeStored(id);
            }
            conn.close();
        });
    }

    private void removeStored(String storedId) {
        if (lastWrite == null || lastWrite.isComplete()) {
            manager.store.remove(storedId);
        } else {
            lastWrite.onComplete(ar -> manager.store.remove(storedId));
        }
    }

    private void onLoop(Runnable action) {
        if (conn.context().nettyEventLoop().inEventLoop()) {
            action.run();
        } else {
            conn.context().execute(action);
        }
    }

    private static byte[] withResyncHeader(String address, byte[] frame) {
        JsonObject f = new JsonObject(new String(frame, 4, frame.length - 4, StandardCharsets.UTF_8));
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        JsonObject h = f.getJsonObject("headers");
        if (h != null) {
            h.forEach(e -> headers.set(e.getKey(), String.valueOf(e.getValue())));
        }
        headers.set("resync", "true");
        return FrameEncoder.message(address, null, headers, f.getValue("body"), false);
    }

    // ---------------------------------------------------------------- replay

    /**
     * Resumption of one stream address: replays what the tape holds after {@link #delivered}, holding
     * live messages back meanwhile, and stays until the first live message proves the sequence has no
     * hole (the new consumer may have started a moment after the tape was read: then the hole is
     * fetched too).
     */
    private final class StreamResume {
        final String address;
        /** Last seq the client has; -1 unknown (nothing was delivered before the disconnect). */
        long delivered;
        final ArrayDeque<Object[]> held = new ArrayDeque<>();
        boolean fetching;
        int rounds;
        /** Bumped on resync: late pages of an abandoned fetch are ignored. */
        int generation;

        StreamResume(String address, long delivered) {
            this.address = address;
            this.delivered = delivered;
        }

        void start() {
            if (!address.startsWith(TICK_PREFIX)) {
                resync(Math.max(delivered, 0)); // no tape for other streams
                return;
            }
            fetch(-1);
        }

        void onLive(byte[] frame, long seq) {
            if (seq < 0) {
                conn.enqueueMarketData(frame, true, address); // no seq: cannot be ordered, pass through
                return;
            }
            if (!fetching && held.isEmpty() && delivered >= 0) {
                if (seq <= delivered) {
                    return;
                }
                if (seq == delivered + 1) {
                    deliver(frame, seq);
                    done();
                    return;
                }
            }
            if (held.size() >= manager.options.maxReplay()) {
                resync(((long) held.peekFirst()[0]) - 1); // the replay is too slow: give up on it
                if (seq > delivered) {
                    emit(address, frame, seq);
                }
                return;
            }
            held.add(new Object[] {seq, frame});
            if (!fetching) {
                fetch(seq); // a hole before this live message
            }
        }

        /** Reads the tape backwards from {@code before} (exclusive; -1 = the newest) down to {@link #delivered}. */
        void fetch(long before) {
            if (rounds++ >= MAX_ROUNDS) {
                resync(before > 0 ? before - 1 : delivered);
                return;
            }
            fetching = true;
            page(before, new ArrayDeque<>(), generation);
        }

        private void page(long before, ArrayDeque<JsonArray> pages, int gen) {
            int count = delivered < 0 ? 1 : (int) Math.max(1, Math.min(PAGE,
                    before < 0 ? PAGE : before - delivered - 1));
            JsonObject req = new JsonObject().put("code", address.substring(TICK_PREFIX.length())).put("count", count);
            if (before >= 0) {
                req.put("beforeSeq", before);
            }
            Future<JsonObject> f;
            try {
                f = manager.ticks.ticks(req);
            } catch (RuntimeException e) {
                f = Future.failedFuture(e);
            }
            f.onComplete(ar -> onLoop(() -> {
                if (gen != generation || closed || resumes == null || resumes.get(address) != this) {
                    return;
                }
                onPage(before, pages, ar);
            }));
        }

        private void onPage(long before, ArrayDeque<JsonArray> pages, AsyncResult<JsonObject> ar) {
            if (ar.failed() || ar.result() == null) {
                resync(held.isEmpty() ? Math.max(delivered, 0) : ((long) held.peekFirst()[0]) - 1);
                return;
            }
            JsonObject reply = ar.result();
            long current = reply.getLong("seq", -1L);
            long oldest = reply.getLong("oldestInMemory", Long.MAX_VALUE);
            JsonArray rows = reply.getJsonArray("ticks", new JsonArray());
            long upper = before < 0 ? current : before - 1; // highest seq wanted in this round
            if (delivered < 0 || current < delivered) {
                resync(current); // no known place, or the sequence restarted (new trading day)
                return;
            }
            if (upper <= delivered) {
                finishFetch(pages);
                return;
            }
            long needed = upper - delivered;
            if (oldest > delivered + 1 || needed > manager.options.maxReplay()) {
                resync(current); // the missed range is no longer in memory, or too long to replay
                return;
            }
            if (rows.isEmpty()) {
                resync(current);
                return;
            }
            pages.addFirst(rows);
            long lowest = rows.getJsonArray(0).getLong(0);
            if (lowest <= delivered + 1) {
                finishFetch(pages);
            } else {
                page(lowest, pages, generation);
            }
        }

        private void finishFetch(ArrayDeque<JsonArray> pages) {
            String code = address.substring(TICK_PREFIX.length());
            for (JsonArray rows : pages) {
                for (int i = 0; i < rows.size(); i++) {
                    JsonArray row = rows.getJsonArray(i);
                    long seq = row.getLong(0);
                    if (seq <= delivered) {
                        continue;
                    }
                    // The push body of tick.<code> (JsonViews.tick) without chSeq, which the tape does not keep.
                    JsonObject body = new JsonObject().put("code", code).put("seq", seq).put("time", row.getLong(1))
                            .put("price", row.getLong(2)).put("qty", row.getLong(3)).put("amount", row.getValue(4))
                            .put("side", row.getValue(5));
                    deliver(FrameEncoder.message(address, null, List.of(), body, false), seq);
                    manager.metrics.replayed.increment();
                }
            }
            fetching = false;
            drain();
        }

        /** Delivers held live messages in order; a hole before one of them starts another fetch. */
        private void drain() {
            boolean liveDelivered = false;
            while (!held.isEmpty()) {
                Object[] h = held.peekFirst();
                long seq = (long) h[0];
                if (seq <= delivered) {
                    held.pollFirst();
                    continue;
                }
                if (seq == delivered + 1) {
                    held.pollFirst();
                    deliver((byte[]) h[1], seq);
                    liveDelivered = true;
                    continue;
                }
                fetch(seq);
                return;
            }
            if (liveDelivered) {
                done(); // the replay joined the live messages without a hole
            }
            // else: the first live message will show whether there is a hole (see onLive)
        }

        private void deliver(byte[] frame, long seq) {
            emit(address, frame, seq);
            delivered = seq;
        }

        /** Gives up on the missed range: one marker, then live messages after {@code current}. */
        private void resync(long current) {
            generation++;
            fetching = false;
            String code = address.startsWith(TICK_PREFIX) ? address.substring(TICK_PREFIX.length()) : address;
            byte[] marker = FrameEncoder.message(address, null, List.of(Map.entry("resync", "true")),
                    new JsonObject().put("code", code).put("seq", current).put("resync", true), false);
            conn.enqueueMarketData(marker, true, address);
            manager.metrics.resyncs.increment();
            if (current >= 0) {
                seqs.computeIfAbsent(address, a -> new long[1])[0] = current;
                delivered = current;
            }
            dirty = true;
            ArrayDeque<Object[]> rest = new ArrayDeque<>(held);
            held.clear();
            done();
            for (Object[] h : rest) {
                if ((long) h[0] > current) {
                    emit(address, (byte[]) h[1], (long) h[0]);
                }
            }
        }

        private void done() {
            if (resumes != null) {
                resumes.remove(address);
            }
        }
    }
}
