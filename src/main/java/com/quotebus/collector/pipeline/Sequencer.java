package com.quotebus.collector.pipeline;

import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import java.util.HashMap;
import java.util.Map;

/**
 * Numbers events per symbol: 1, 2, 3, … per code for one trading day — the number every consumer uses to
 * detect a gap or a duplicate. Restart-safe when rebuilt from the day's journal with {@link #restore}: numbering
 * continues after the highest number journaled, so no number is ever reused. One instance per trading day;
 * memory is one counter per symbol seen. Not thread-safe (the pipeline serialises calls).
 */
public final class Sequencer {
    private final Map<String, long[]> last = new HashMap<>();

    /** The same event numbered with its code's next sequence, keeping its winning source. */
    public MarketEvent assign(MarketEvent event) {
        long[] counter = last.computeIfAbsent(event.code(), c -> new long[1]);
        long next = ++counter[0];
        return event instanceof Trade t ? t.withSequencing(next, t.source())
                : ((Snapshot) event).withSequencing(next, event.source());
    }

    /** Takes note of an event numbered before a restart (read back from the journal). */
    public void restore(MarketEvent journaled) {
        long[] counter = last.computeIfAbsent(journaled.code(), c -> new long[1]);
        counter[0] = Math.max(counter[0], journaled.seq());
    }

    /** Last number given to {@code code} today, 0 when none. */
    public long lastSeq(String code) {
        long[] counter = last.get(code);
        return counter == null ? 0 : counter[0];
    }

    /** Symbols numbered so far. */
    public int symbols() {
        return last.size();
    }
}
