package com.quotebus.collector.pipeline;

import com.quotebus.core.event.MarketEvent;

/**
 * Where the leader's pipeline sends what it collected (the verticle: event-bus addresses). Called with the
 * pipeline's lock held, in per-symbol sequence order; must not block.
 */
public interface PipelineOutput {
    /** A sequenced, journaled event. */
    void publish(MarketEvent event);

    /** A change in stream health. */
    void status(CollectorStatus status);
}
