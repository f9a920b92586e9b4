package com.quotebus.collector.pipeline;

import com.quotebus.core.event.MarketEvent;

/**
 * Where the leader's pipeline sends what it collected (the verticle: event-bus addresses). Called from the
 * trading day's journal thread only, in the order the pipeline produced its output (so per symbol in sequence
 * order), each event after its record is in the journal; must not block (it holds up that day's journal).
 */
public interface PipelineOutput {
    /** A sequenced, journaled event. */
    void publish(MarketEvent event);

    /** A change in stream health. */
    void status(CollectorStatus status);
}
