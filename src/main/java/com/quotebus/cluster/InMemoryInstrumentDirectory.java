package com.quotebus.cluster;

import com.quotebus.core.instrument.Instrument;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** {@link InstrumentDirectory} in one process (tests, single-node runs without a cluster map). */
public final class InMemoryInstrumentDirectory implements InstrumentDirectory {
    private final Map<String, Instrument> byCode = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<Instrument>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, Instrument> all() {
        return Map.copyOf(byCode);
    }

    @Override
    public Instrument get(String code) {
        return byCode.get(code);
    }

    @Override
    public void putAll(Iterable<Instrument> instruments) {
        for (Instrument i : instruments) {
            Instrument old = byCode.put(i.codeText(), i);
            if (!i.equals(old)) {
                listeners.forEach(l -> l.accept(i));
            }
        }
    }

    @Override
    public void addListener(Consumer<Instrument> listener) {
        listeners.add(listener);
    }
}
