package com.quotebus.access.bridge;

import io.vertx.core.eventbus.Message;
import io.vertx.core.internal.ContextInternal;

/**
 * The hub's view of one bridge server (one event loop): where it delivers the messages of the
 * addresses that server has attached to. Every method is called on the sink's own event loop.
 */
interface TopicSink {

    ContextInternal context();

    /**
     * The attachment {@code attachId} of {@code address} is live; {@code snapshot} is the cached
     * last value (a complete frame) or null. Comes before any message delivered for that attachment.
     */
    void onAttached(String address, long attachId, byte[] snapshot);

    /**
     * A published message, encoded once; the array is shared by all sinks and must not be modified.
     *
     * @param seq the {@code seq} field of the message's JSON body, or -1
     */
    void onPublish(String address, byte[] frame, long seq);

    /** A point-to-point message for one of this sink's subscribers of {@code address}. */
    void onSend(String address, Message<Object> message);
}
