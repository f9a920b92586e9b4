package com.quotebus.access.bridge;

import com.quotebus.access.bridge.frame.FrameEncoder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.internal.ContextInternal;
import io.vertx.core.internal.logging.Logger;
import io.vertx.core.internal.logging.LoggerFactory;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One event-bus consumer per address per node, shared by every client of every bridge server of
 * the node. Each published message is encoded to its frame once, here, and the same bytes go to
 * every bridge server that has subscribers (which copies them into each subscriber's coalescing
 * buffer). The newest frame of each last-value address is kept (LRU, capped) and handed to new
 * subscribers before any update. When several publishers send the same pushes (calculator replicas), each
 * push is delivered once, at its first arrival ({@link DuplicatePushFilter}, per address).
 *
 * <p>All state lives on the hub's own context; bridge servers on other event loops reach it by
 * posting to that context, and it reaches them through one outbox per server, handed over when the
 * hub's turn ends (a burst crosses as one task), so each pair sees the other's events in order.
 * Create one per node and pass it to every {@link BridgeServer}.
 */
public final class SubscriptionHub {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionHub.class);

    private final ContextInternal context;
    private final EventBus eventBus;
    private final BridgeServerOptions options;
    private final BridgeMetrics metrics;
    private final Map<String, Topic> topics = new HashMap<>();
    /** Last-value topics holding a cached frame, least recently updated first. */
    private final LinkedHashMap<String, Topic> cached;
    private boolean loggedEncodeFailure;
    private java.util.function.Function<String, Future<Object>> initialValues;
    private boolean closed;
    /** Per sink on another event loop, what to run there at the end of the hub's turn (see toSink). */
    private final Map<TopicSink, ArrayList<Runnable>> outboxes = new java.util.IdentityHashMap<>();
    private boolean outboxesScheduled;

    /** How long a stream push that jumped ahead waits for the seqs before it from the other replicas. */
    static final long STREAM_HOLD_MS = 200;

    private static final class Topic {
        final String address;
        final boolean lastValue;
        final List<TopicSink> sinks = new ArrayList<>(2);
        MessageConsumer<Object> consumer;
        byte[] lastFrame;
        int sendCursor;
        /** Which published pushes to deliver when replicas publish the same ones; created by the first with a seq. */
        DuplicatePushFilter pushes;
        /** Stream addresses: pushes held until the seqs before them arrive; created by the first hold. */
        StreamOrder<Message<Object>> order;
        long orderTimer = -1;

        Topic(String address, boolean lastValue) {
            this.address = address;
            this.lastValue = lastValue;
        }
    }

    /**
     * Creates a hub bound to the calling thread's context (or a new event-loop context when called
     * outside Vert.x).
     */
    public SubscriptionHub(Vertx vertx, BridgeServerOptions options, BridgeMetrics metrics) {
        this.context = (ContextInternal) vertx.getOrCreateContext();
        this.eventBus = vertx.eventBus();
        this.options = options;
        this.metrics = metrics;
        int cap = options.lastValueCacheMaxEntries();
        this.cached = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Topic> eldest) {
                if (size() > cap) {
                    eldest.getValue().lastFrame = null;
                    return true;
                }
                return false;
            }
        };
    }

    public BridgeMetrics metrics() {
        return metrics;
    }

    /**
     * Where the current value of a last-value address comes from when this node subscribes to it first
     * (its cache is empty then): e.g. the calculator's {@code svc.last}. The loaded value is delivered
     * like a publish unless a live message arrived first (a newer whole value), and counts as the first arrival of
     * its {@code seq} (a live copy of it arriving later is dropped). A null or empty body means
     * "no value yet". Set before the server accepts connections.
     */
    public void setInitialValues(java.util.function.Function<String, Future<Object>> loader) {
        this.initialValues = loader;
    }

    /** Number of addresses with a consumer; read on any thread (approximate while changing). */
    public int consumerCount() {
        return (int) metrics.consumers.sum();
    }

    /** Adds one attachment of {@code sink} to {@code address}; answered by {@link TopicSink#onAttached}. */
    void attach(String address, TopicSink sink, long attachId) {
        onHub(() -> {
            if (closed) {
                return;
            }
            Topic topic = topics.get(address);
            if (topic == null) {
                topic = new Topic(address, options.isLastValue(address));
                Topic t = topic;
                topic.consumer = eventBus.consumer(address, m -> onMessage(t, m));
                topics.put(address, topic);
                metrics.consumers.increment();
                if (topic.lastValue && initialValues != null) {
                    topic.consumer.completion().compose(v -> initialValues.apply(address))
                            .onSuccess(body -> onHub(() -> deliverInitial(t, body)));
                }
            }
            topic.sinks.add(sink);
            byte[] snapshot = topic.lastFrame;
            toSink(sink, () -> sink.onAttached(address, attachId, snapshot));
        });
    }

    /** Removes one attachment of {@code sink}; the consumer goes when the last one does. */
    void detach(String address, TopicSink sink) {
        onHub(() -> {
            Topic topic = topics.get(address);
            if (topic == null || !topic.sinks.remove(sink)) {
                return;
            }
            if (topic.sinks.isEmpty()) {
                removeTopic(topic);
            }
        });
    }

    /** Unregisters every consumer. */
    public Future<Void> close() {
        ContextInternal ctx = context;
        return Future.future(p -> ctx.runOnContext(v -> {
            closed = true;
            for (Topic t : new ArrayList<>(topics.values())) {
                removeTopic(t);
            }
            p.complete();
        }));
    }

    private void removeTopic(Topic topic) {
        if (topic.orderTimer >= 0) {
            context.owner().cancelTimer(topic.orderTimer);
            topic.orderTimer = -1;
        }
        topics.remove(topic.address);
        cached.remove(topic.address);
        topic.lastFrame = null;
        topic.consumer.unregister();
        metrics.consumers.decrement();
    }

    private void deliverInitial(Topic topic, Object body) {
        if (topics.get(topic.address) != topic || topic.lastFrame != null || body == null
                || (body instanceof JsonObject o && o.isEmpty())) {
            return; // gone, or a live value came first
        }
        long seq = seqOf(body);
        if (seq >= 0 && !firstArrival(topic, (JsonObject) body, seq)) {
            return; // live pushes delivered since the subscription are as new or newer
        }
        byte[] frame = FrameEncoder.message(topic.address, null, io.vertx.core.MultiMap.caseInsensitiveMultiMap(),
                body, false);
        topic.lastFrame = frame;
        cached.put(topic.address, topic);
        for (TopicSink sink : topic.sinks) {
            toSink(sink, () -> sink.onPublish(topic.address, frame, seq));
        }
    }

    private void onMessage(Topic topic, Message<Object> message) {
        metrics.messagesFromBus.increment();
        List<TopicSink> sinks = topic.sinks;
        if (sinks.isEmpty()) {
            return;
        }
        if (message.isSend()) {
            // Point-to-point: one subscriber gets it, as with one consumer per subscriber.
            TopicSink sink = sinks.get(Math.floorMod(topic.sendCursor++, sinks.size()));
            toSink(sink, () -> sink.onSend(topic.address, message));
            return;
        }
        // Read from the body object the bus delivered (no parsing): deduplicated here, tracked per client by sessions.
        long seq = seqOf(message.body());
        if (seq >= 0 && !topic.lastValue && ((JsonObject) message.body()).getValue("time") instanceof Number) {
            inOrder(topic, message, seq);
            return;
        }
        publish(topic, message, seq);
    }

    /**
     * A stream push: passed on in seq order across the replicas' interleaving ({@link StreamOrder}); one that jumps
     * ahead waits up to {@link #STREAM_HOLD_MS} for the seqs before it.
     */
    private void inOrder(Topic topic, Message<Object> message, long seq) {
        if (topic.order == null) {
            topic.order = new StreamOrder<>();
        }
        JsonObject body = (JsonObject) message.body();
        if (topic.pushes != null && topic.pushes.ofEarlierDay(((Number) body.getValue("time")).longValue(),
                body.getValue("day") instanceof String d ? d : null)) {
            metrics.pushDuplicates.increment(); // a lagging replica's day before: not waited for, not held
            return;
        }
        if (topic.order.hold(seq, message)) {
            metrics.pushesHeld.increment();
            if (topic.orderTimer < 0) {
                topic.orderTimer = context.owner().setTimer(STREAM_HOLD_MS, t -> {
                    topic.orderTimer = -1;
                    if (topics.get(topic.address) != topic) {
                        return; // unsubscribed meanwhile
                    }
                    if (topic.order.holding()) {
                        metrics.pushHoldsExpired.increment(); // the seqs before them never came: the client sees a gap
                    }
                    for (var e = topic.order.release(); e != null; e = topic.order.release()) {
                        passOn(topic, e.getValue(), e.getKey());
                        drainReady(topic);
                    }
                });
            }
            return;
        }
        passOn(topic, message, seq);
        drainReady(topic);
        if (!topic.order.holding() && topic.orderTimer >= 0) {
            context.owner().cancelTimer(topic.orderTimer);
            topic.orderTimer = -1;
        }
    }

    private void drainReady(Topic topic) {
        for (var e = topic.order.ready(); e != null; e = topic.order.ready()) {
            passOn(topic, e.getValue(), e.getKey());
        }
    }

    /** Through the duplicate filter to the subscribers; the stream continues after it when delivered. */
    private void passOn(Topic topic, Message<Object> message, long seq) {
        if (publish(topic, message, seq)) {
            topic.order.passed(seq);
        }
    }

    /** Delivers a published message (unless it is a duplicate push); whether it was delivered. */
    private boolean publish(Topic topic, Message<Object> message, long seq) {
        List<TopicSink> sinks = topic.sinks;
        if (seq >= 0 && !firstArrival(topic, (JsonObject) message.body(), seq)) {
            metrics.pushDuplicates.increment();
            return false;
        }
        byte[] frame;
        try {
            frame = FrameEncoder.message(topic.address, null, message.headers(), message.body(), false);
        } catch (RuntimeException e) {
            metrics.encodeFailures.increment();
            if (!loggedEncodeFailure) {
                loggedEncodeFailure = true;
                LOG.warn("cannot encode a message on " + topic.address + " as JSON (logged once): " + e);
            }
            return false;
        }
        if (topic.lastValue && options.lastValueCacheMaxEntries() > 0) {
            topic.lastFrame = frame;
            cached.put(topic.address, topic);
        }
        for (int i = 0, n = sinks.size(); i < n; i++) {
            TopicSink sink = sinks.get(i);
            toSink(sink, () -> sink.onPublish(topic.address, frame, seq));
        }
        return true;
    }

    /** The {@code seq} of a JSON object body, or -1 (no body, not an object, no numeric or a negative seq). */
    private static long seqOf(Object body) {
        return body instanceof JsonObject o && o.getValue("seq") instanceof Number n && n.longValue() >= 0
                ? n.longValue() : -1;
    }

    /**
     * Whether a published body with a {@code seq} is the first arrival of its push (see {@link DuplicatePushFilter});
     * bodies without a numeric {@code time} cannot be placed and always pass.
     */
    private static boolean firstArrival(Topic topic, JsonObject body, long seq) {
        if (!(body.getValue("time") instanceof Number time)) {
            return true;
        }
        if (topic.pushes == null) {
            topic.pushes = new DuplicatePushFilter();
        }
        return topic.pushes.accept(seq, time.longValue(), body.getValue("day") instanceof String d ? d : null);
    }

    /** Fails a point-to-point request nobody can take. */
    static void noHandlers(Message<Object> message) {
        if (message.replyAddress() != null) {
            message.fail(ReplyFailure.NO_HANDLERS.toInt(), "no subscriber for " + message.address());
        }
    }

    private void onHub(Runnable action) {
        if (context.isRunningOnContext()) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    /**
     * Runs {@code action} on the sink's event loop: inline when that is the hub's, else through the sink's
     * outbox, which goes over in one task when the hub's current turn ends. A burst of messages (a
     * publisher's slot, a cluster read) thus crosses to another loop as one task, not one per message:
     * one wake-up instead of many, and the sink sees the whole burst before it flushes its sockets, so
     * each client's frames coalesce into one write. Order per sink is kept (everything for a remote sink
     * goes through its outbox).
     */
    private void toSink(TopicSink sink, Runnable action) {
        if (sink.context().nettyEventLoop().inEventLoop()) {
            action.run();
            return;
        }
        ArrayList<Runnable> box = outboxes.get(sink);
        if (box == null) {
            box = new ArrayList<>();
            outboxes.put(sink, box);
        }
        box.add(action);
        if (!outboxesScheduled) {
            outboxesScheduled = true;
            context.nettyEventLoop().execute(this::sendOutboxes); // after the tasks already queued
        }
    }

    private void sendOutboxes() {
        outboxesScheduled = false;
        for (Map.Entry<TopicSink, ArrayList<Runnable>> e : outboxes.entrySet()) {
            ArrayList<Runnable> batch = e.getValue();
            e.getKey().context().execute(() -> {
                for (int i = 0, n = batch.size(); i < n; i++) {
                    try {
                        batch.get(i).run();
                    } catch (RuntimeException ex) { // as if each had been its own task: the rest still runs
                        LOG.error("delivery to a bridge server failed", ex);
                    }
                }
            });
        }
        outboxes.clear(); // a sink without traffic holds nothing here
    }
}
