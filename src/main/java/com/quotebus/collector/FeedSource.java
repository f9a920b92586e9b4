package com.quotebus.collector;

import java.util.concurrent.CompletionStage;

/**
 * A source of normalised market events: a feed adapter (SZSE binary over TCP), a file replay, … Every
 * implementation decodes its own format and reports through a {@link FeedSink}; it never throws for
 * bad input (it reports {@link FeedSink#onMalformed}) and never stops the feed for one bad message.
 */
public interface FeedSource {
    /** Unique source name, recorded on every event it wins with (e.g. {@code szse-a}). */
    String name();

    /**
     * Starts delivering to {@code sink}. Completes when the source is connected (or the file opened);
     * completes exceptionally with a readable reason when it cannot start.
     */
    CompletionStage<Void> start(FeedSink sink);

    /** Stops delivering and releases connections/files. Idempotent. */
    CompletionStage<Void> stop();
}
