package com.quotebus.cluster.hazelcast;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.quotebus.access.routing.PolicyStore;
import com.quotebus.access.routing.ServicePolicy;
import com.quotebus.cluster.registry.ServiceInstance;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Policies shared by all access nodes: a Hazelcast {@code IMap} mirrored into local memory by an entry
 * listener, so {@link #policy} is a local read. {@link #start()} and {@link #close()} block; call them from a
 * worker thread.
 */
public final class HazelcastPolicyStore implements PolicyStore, AutoCloseable {

    private final HazelcastInstance hazelcast;
    private final String mapName;
    private final Map<String, ServicePolicy> local = new ConcurrentHashMap<>();
    private IMap<String, ServicePolicy> map;
    private UUID listenerId;

    public HazelcastPolicyStore(HazelcastInstance hazelcast, String mapName) {
        if (hazelcast == null || mapName == null || mapName.isBlank()) {
            throw new IllegalArgumentException("hazelcast and mapName are required");
        }
        this.hazelcast = hazelcast;
        this.mapName = mapName;
    }

    /** A started store: built and started on a worker thread of {@code vertx}. Close it there too. */
    public static Future<HazelcastPolicyStore> started(Vertx vertx, HazelcastInstance hazelcast, String mapName) {
        return vertx.executeBlocking(() -> {
            HazelcastPolicyStore store = new HazelcastPolicyStore(hazelcast, mapName);
            store.start();
            return store;
        });
    }

    /** Blocking: listener first, then the snapshot fills only what the listener has not seen. */
    public synchronized void start() {
        if (map != null) {
            throw new IllegalStateException("policy store already started");
        }
        IMap<String, ServicePolicy> m = hazelcast.getMap(mapName);
        listenerId = m.addEntryListener(new Events(), true);
        for (Map.Entry<String, ServicePolicy> e : m.entrySet()) {
            local.putIfAbsent(e.getKey(), e.getValue());
        }
        map = m;
    }

    @Override
    public synchronized void close() {
        if (map != null) {
            map.removeEntryListener(listenerId);
            map = null;
        }
    }

    private IMap<String, ServicePolicy> map() {
        IMap<String, ServicePolicy> m = map;
        if (m == null) {
            throw new IllegalStateException("HazelcastPolicyStore is not started");
        }
        return m;
    }

    @Override
    public ServicePolicy policy(String service) {
        return local.getOrDefault(service, ServicePolicy.DEFAULT);
    }

    @Override
    public Map<String, ServicePolicy> all() {
        return Map.copyOf(local);
    }

    @Override
    public CompletionStage<Void> setPolicy(String service, ServicePolicy policy) {
        ServiceInstance.checkService(service);
        if (policy == null) {
            throw new IllegalArgumentException("policy is required");
        }
        return map().setAsync(service, policy);
    }

    @Override
    public CompletionStage<Void> clearPolicy(String service) {
        return map().removeAsync(service).thenApply(old -> null);
    }

    private final class Events implements EntryAddedListener<String, ServicePolicy>,
            EntryUpdatedListener<String, ServicePolicy>, EntryRemovedListener<String, ServicePolicy> {
        @Override
        public void entryAdded(EntryEvent<String, ServicePolicy> event) {
            local.put(event.getKey(), event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<String, ServicePolicy> event) {
            local.put(event.getKey(), event.getValue());
        }

        @Override
        public void entryRemoved(EntryEvent<String, ServicePolicy> event) {
            local.remove(event.getKey());
        }
    }
}
