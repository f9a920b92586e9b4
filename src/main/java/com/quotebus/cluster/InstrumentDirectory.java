package com.quotebus.cluster;

import com.quotebus.core.instrument.Instrument;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The instrument list every node shares: written by the collector (from its feed's static data or the
 * simulator), read by calculators and gateways. Reads are local and non-blocking.
 */
public interface InstrumentDirectory {
    /** Every known instrument by code (a snapshot copy). */
    Map<String, Instrument> all();

    /** The instrument with this code, or {@code null}. */
    default Instrument get(String code) {
        return all().get(code);
    }

    /** Adds or replaces instruments (a new trading day's limits and previous close). */
    void putAll(Iterable<Instrument> instruments);

    /** Called (on any thread) for every instrument added or changed after the listener was added. */
    void addListener(Consumer<Instrument> listener);
}
