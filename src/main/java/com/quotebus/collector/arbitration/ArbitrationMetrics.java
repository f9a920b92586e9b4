package com.quotebus.collector.arbitration;

import java.util.Map;

/**
 * A consistent snapshot of arbitration counters.
 *
 * @param sources      per source, in registration order
 * @param delivered    events delivered downstream
 * @param gaps         holes declared lost
 * @param lostMessages sequence numbers covered by those holes
 * @param staleSymbols symbols stale right now
 * @param staleMarks   times a symbol was marked stale
 * @param held         events currently held behind holes
 */
public record ArbitrationMetrics(Map<String, SourceMetrics> sources, long delivered, long gaps, long lostMessages,
        int staleSymbols, long staleMarks, int held) {}
