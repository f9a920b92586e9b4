package com.quotebus.cluster.registry;

/**
 * Told about changes of the local view of a {@link ServiceRegistry}. Called on the registry's notification
 * thread (the caller's thread for the in-memory registry, a Hazelcast event thread for the Hazelcast one),
 * one event at a time and in order per instance; implementations must not block and hop to their own
 * thread (e.g. a Vert.x context) for real work.
 */
public interface RegistryListener {

    /** An instance appeared (registered, or first seen by this node). */
    default void added(ServiceInstance instance) {
    }

    /** An instance changed: load and heartbeat (every heartbeat), state or weight. */
    default void updated(ServiceInstance previous, ServiceInstance current) {
    }

    /** An instance is gone: deregistered, expired (no heartbeat within the TTL) or its node left. */
    default void removed(ServiceInstance instance) {
    }
}
