package com.quotebus.cluster.hazelcast;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.quotebus.cluster.InstrumentDirectory;
import com.quotebus.cluster.InstrumentJson;
import com.quotebus.core.instrument.Instrument;
import io.vertx.core.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The cluster's instrument list in the Hazelcast map {@code quotebus.instruments} (code → instrument
 * JSON text), mirrored into local memory by an entry listener so that reads never block. Construct
 * it on a worker thread (the initial load is a blocking read).
 */
public final class HazelcastInstrumentDirectory implements InstrumentDirectory {
    public static final String MAP = "quotebus.instruments";
    private static final Logger LOG = Logger.getLogger(HazelcastInstrumentDirectory.class.getName());

    private final IMap<String, String> map;
    private final Map<String, Instrument> local = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<Instrument>> listeners = new CopyOnWriteArrayList<>();

    public HazelcastInstrumentDirectory(HazelcastInstance hazelcast) {
        this.map = hazelcast.getMap(MAP);
        map.addEntryListener(new Listener(), true);
        map.forEach((code, json) -> accept(json));
    }

    private final class Listener implements EntryAddedListener<String, String>, EntryUpdatedListener<String, String> {
        @Override
        public void entryAdded(EntryEvent<String, String> event) {
            accept(event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<String, String> event) {
            accept(event.getValue());
        }
    }

    private void accept(String json) {
        try {
            Instrument i = InstrumentJson.fromJson(new JsonObject(json));
            Instrument old = local.put(i.codeText(), i);
            if (!i.equals(old)) {
                listeners.forEach(l -> l.accept(i));
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "ignoring a bad instrument in " + MAP + ": " + json, e);
        }
    }

    @Override
    public Map<String, Instrument> all() {
        return Map.copyOf(local);
    }

    @Override
    public Instrument get(String code) {
        return local.get(code);
    }

    @Override
    public void putAll(Iterable<Instrument> instruments) {
        Map<String, String> batch = new HashMap<>();
        for (Instrument i : instruments) {
            local.put(i.codeText(), i);
            batch.put(i.codeText(), InstrumentJson.toJson(i).encode());
        }
        map.putAllAsync(batch);
    }

    @Override
    public void addListener(Consumer<Instrument> listener) {
        listeners.add(listener);
    }
}
