package com.quotebus.cluster.registry;

import java.util.ArrayList;
import java.util.List;

/** Records registry events as readable lines, e.g. {@code added kline/a ACTIVE w1 load0}. */
public final class RecordingListener implements RegistryListener {

    private final List<String> events = new ArrayList<>();

    @Override
    public synchronized void added(ServiceInstance i) {
        events.add("added " + describe(i));
    }

    @Override
    public synchronized void updated(ServiceInstance previous, ServiceInstance current) {
        events.add("updated " + describe(current));
    }

    @Override
    public synchronized void removed(ServiceInstance i) {
        events.add("removed " + i.key());
    }

    public synchronized List<String> events() {
        return List.copyOf(events);
    }

    static String describe(ServiceInstance i) {
        return i.key() + " " + i.state() + " w" + i.weight() + " load" + i.load() + " t" + i.lastHeartbeatMillis();
    }
}
