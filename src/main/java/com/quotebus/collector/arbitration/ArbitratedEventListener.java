package com.quotebus.collector.arbitration;

import com.quotebus.core.event.MarketEvent;
import java.util.Set;

/**
 * What arbitration reports: the winning events in order, and the health of the merged stream. Called under
 * the arbitrator's lock on whichever thread delivered the input; implementations must not call back into the
 * {@link Arbitrator}.
 */
public interface ArbitratedEventListener {
    /** A winning event: first copy of its sequence (or newest snapshot), {@code source()} set, {@code seq()} 0. */
    void onEvent(MarketEvent event);

    /** Sequences {@code fromSeq..toSeq} of {@code channel} were received from no source and are lost. */
    default void onGap(int channel, long fromSeq, long toSeq, String reason) {}

    /** A source stopped delivering (silent past the configured time, or disconnected). */
    default void onSourceDown(String source, String reason) {}

    /** A source delivers again. */
    default void onSourceUp(String source) {}

    /**
     * These symbols' derived state (from trades) may be incomplete: a gap on their channel or every source down.
     * Each stays stale until its next snapshot is delivered ({@link #onFresh}).
     */
    default void onStale(Set<String> codes, String reason) {}

    /** A stale symbol received a full snapshot and is whole again. */
    default void onFresh(String code) {}
}
