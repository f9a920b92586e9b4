package com.quotebus.collector;

import com.quotebus.core.event.MarketEvent;

/**
 * Receives what a {@link FeedSource} decodes. Called on one thread per source, in wire order.
 * Implementations (arbitration) must be cheap: they run on the feed's I/O thread.
 */
public interface FeedSink {
    /** A decoded, normalised event carrying its channel and per-channel sequence. */
    void onEvent(String source, MarketEvent event);

    /**
     * A channel heartbeat: the source says the last sequence it has sent on {@code channel} is
     * {@code lastSeq} (SZSE 390095); lets the receiver detect a gap at the tail and a silent line.
     */
    void onHeartbeat(String source, int channel, long lastSeq, long exchangeTime);

    /**
     * A message that uses a per-channel sequence number but carries no event Quotebus delivers (an SZSE order,
     * 300192): the receiver must know the number is taken, or it waits for it as a hole. Default: ignored (for
     * sinks that do not follow channel sequences).
     */
    default void onSequenceOnly(String source, int channel, long channelSeq, long exchangeTime) {}

    /** A message that could not be decoded; {@code reason} says what was wrong. The feed continues. */
    void onMalformed(String source, String reason);

    /** The source lost its connection (it will try to reconnect by itself). */
    void onDisconnected(String source, String reason);

    /** The source is (re)connected and delivering. */
    void onConnected(String source);
}
