package com.quotebus.cluster.registry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The local copy of the registry that readers use: per service an immutable list sorted by instance id,
 * replaced on every change so a read is one map lookup with no locking. Changes are serialised by a
 * lock and listeners are called under it, so every listener sees the changes in the order they were applied.
 * Public for the registry implementations outside this package (the Hazelcast one mirrors its map into it).
 */
public final class RegistryView {

    private static final Comparator<ServiceInstance> BY_ID = Comparator.comparing(ServiceInstance::instanceId);

    private final Map<String, List<ServiceInstance>> byService = new ConcurrentHashMap<>();
    private final List<RegistryListener> listeners = new CopyOnWriteArrayList<>();

    public List<ServiceInstance> instances(String service) {
        return byService.getOrDefault(service, List.of());
    }

    public Set<String> services() {
        return Set.copyOf(byService.keySet());
    }

    public List<ServiceInstance> all() {
        List<ServiceInstance> all = new ArrayList<>();
        byService.values().forEach(all::addAll);
        return all;
    }

    public ServiceInstance get(String service, String instanceId) {
        for (ServiceInstance i : instances(service)) {
            if (i.instanceId().equals(instanceId)) {
                return i;
            }
        }
        return null;
    }

    /** Adds or replaces; returns the previous value. */
    public synchronized ServiceInstance put(ServiceInstance instance) {
        List<ServiceInstance> old = instances(instance.service());
        List<ServiceInstance> next = new ArrayList<>(old.size() + 1);
        ServiceInstance previous = null;
        for (ServiceInstance i : old) {
            if (i.instanceId().equals(instance.instanceId())) {
                previous = i;
            } else {
                next.add(i);
            }
        }
        if (instance.equals(previous)) {
            return previous;
        }
        next.add(instance);
        next.sort(BY_ID);
        byService.put(instance.service(), List.copyOf(next));
        for (RegistryListener l : listeners) {
            if (previous == null) {
                l.added(instance);
            } else {
                l.updated(previous, instance);
            }
        }
        return previous;
    }

    /** Removes; returns the removed value or {@code null}. */
    public synchronized ServiceInstance remove(String service, String instanceId) {
        List<ServiceInstance> old = instances(service);
        List<ServiceInstance> next = new ArrayList<>(old.size());
        ServiceInstance removed = null;
        for (ServiceInstance i : old) {
            if (i.instanceId().equals(instanceId)) {
                removed = i;
            } else {
                next.add(i);
            }
        }
        if (removed == null) {
            return null;
        }
        if (next.isEmpty()) {
            byService.remove(service);
        } else {
            byService.put(service, List.copyOf(next));
        }
        for (RegistryListener l : listeners) {
            l.removed(removed);
        }
        return removed;
    }

    /** Removes every instance matching; returns them. */
    public synchronized List<ServiceInstance> removeIf(Predicate<ServiceInstance> condition) {
        List<ServiceInstance> removed = new ArrayList<>();
        for (ServiceInstance i : all()) {
            if (condition.test(i) && remove(i.service(), i.instanceId()) != null) {
                removed.add(i);
            }
        }
        return removed;
    }

    public void addListener(RegistryListener listener) {
        listeners.add(listener);
    }

    public void removeListener(RegistryListener listener) {
        listeners.remove(listener);
    }
}
