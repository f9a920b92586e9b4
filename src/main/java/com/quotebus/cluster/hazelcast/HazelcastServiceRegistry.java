package com.quotebus.cluster.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.quotebus.cluster.registry.InstanceState;
import com.quotebus.cluster.registry.RegistryConfig;
import com.quotebus.cluster.registry.RegistryListener;
import com.quotebus.cluster.registry.RegistryView;
import com.quotebus.cluster.registry.ServiceInstance;
import com.quotebus.cluster.registry.ServiceRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Cluster-wide registry: the instances live in a Hazelcast {@code IMap} keyed {@code service/instanceId}; every
 * node mirrors it into a local view through an entry listener ({@link NodeOwnedMapMirror}), so reads are local
 * and every node sees every instance. Writes are {@code setAsync} or {@code submitToKey} entry processors, so they never block the caller
 * and a heartbeat cannot undo a concurrent drain or weight change (it only touches load and time).
 *
 * <p>Removal of dead instances, on every node (idempotent, so no leader is needed):
 * <ul>
 *   <li>when Hazelcast reports a member removed, the node drops that member's instances from its local view at
 *       once and removes them from the map (matching {@code nodeId} against the member UUID and the Vert.x node
 *       id member attribute {@value #VERTX_NODE_ID_ATTRIBUTE});</li>
 *   <li>{@link #sweep()} drops instances whose last heartbeat is older than the TTL (hung processes, members
 *       that left before this node joined). Heartbeat times come from the heartbeating node's clock, so cluster
 *       clocks must agree to well within the TTL (NTP).</li>
 * </ul>
 *
 * <p>{@link #start()} and {@link #close()} block (listener registration, initial load): call them from a worker
 * thread, e.g. with {@link #started}. Everything else is
 * safe on an event loop.
 */
public final class HazelcastServiceRegistry implements ServiceRegistry, AutoCloseable {

    /** Member attribute where vertx-hazelcast stores the Vert.x node id. */
    public static final String VERTX_NODE_ID_ATTRIBUTE = NodeOwnedMapMirror.VERTX_NODE_ID_ATTRIBUTE;

    private final HazelcastInstance hazelcast;
    private final RegistryConfig config;
    private final Clock clock;
    private final RegistryView view = new RegistryView();
    private final NodeOwnedMapMirror<ServiceInstance> mirror;
    private IMap<String, ServiceInstance> map;

    public HazelcastServiceRegistry(HazelcastInstance hazelcast, RegistryConfig config, Clock clock) {
        if (hazelcast == null || config == null || clock == null) {
            throw new IllegalArgumentException("hazelcast, config and clock are required");
        }
        this.hazelcast = hazelcast;
        this.config = config;
        this.clock = clock;
        this.mirror = new NodeOwnedMapMirror<>(hazelcast, NodeOfInstance.INSTANCE, new MirrorView(), () -> map);
    }

    /** A started registry: built and started on a worker thread of {@code vertx}. Close it there too. */
    public static Future<HazelcastServiceRegistry> started(Vertx vertx, HazelcastInstance hazelcast,
                                                           RegistryConfig config, Clock clock) {
        return vertx.executeBlocking(() -> {
            HazelcastServiceRegistry registry = new HazelcastServiceRegistry(hazelcast, config, clock);
            registry.start();
            return registry;
        });
    }

    /** Blocking: registers the listeners, then loads the current instances. */
    public synchronized void start() {
        if (map != null) {
            throw new IllegalStateException("registry already started");
        }
        IMap<String, ServiceInstance> m = hazelcast.getMap(config.mapName());
        mirror.listen(m);
        // Listener first, then the snapshot: an entry changed in between is seen by the listener; the snapshot
        // only fills what the listener has not, so it never puts back an older value over a newer one.
        for (ServiceInstance i : m.values()) {
            synchronized (view) {
                if (view.get(i.service(), i.instanceId()) == null) {
                    view.put(i);
                }
            }
        }
        map = m;
    }

    /** Blocking: removes the listeners. Registered instances stay in the map (other nodes still route to them). */
    @Override
    public synchronized void close() {
        if (map == null) {
            return;
        }
        mirror.close();
        map = null;
    }

    private IMap<String, ServiceInstance> map() {
        IMap<String, ServiceInstance> m = map;
        if (m == null) {
            throw new IllegalStateException("HazelcastServiceRegistry is not started");
        }
        return m;
    }

    @Override
    public CompletionStage<Void> register(ServiceInstance instance) {
        if (instance == null) {
            throw new IllegalArgumentException("instance is required");
        }
        ServiceInstance stamped = instance.withLastHeartbeat(clock.millis());
        return map().setAsync(stamped.key(), stamped);
    }

    @Override
    public CompletionStage<Boolean> heartbeat(String service, String instanceId, long load) {
        if (load < 0) {
            throw new IllegalArgumentException("load " + load + " is negative");
        }
        return map().submitToKey(ServiceInstance.key(service, instanceId), new Heartbeat(load, clock.millis()));
    }

    @Override
    public CompletionStage<Boolean> deregister(String service, String instanceId) {
        return map().removeAsync(ServiceInstance.key(service, instanceId)).thenApply(old -> old != null);
    }

    @Override
    public CompletionStage<Boolean> setState(String service, String instanceId, InstanceState state) {
        if (state == null) {
            throw new IllegalArgumentException("state is required");
        }
        return map().submitToKey(ServiceInstance.key(service, instanceId), new SetState(state));
    }

    @Override
    public CompletionStage<Boolean> setWeight(String service, String instanceId, int weight) {
        ServiceInstance.checkWeight(weight);
        return map().submitToKey(ServiceInstance.key(service, instanceId), new SetWeight(weight));
    }

    @Override
    public List<ServiceInstance> instances(String service) {
        return view.instances(service);
    }

    @Override
    public Set<String> services() {
        return view.services();
    }

    @Override
    public int sweep() {
        IMap<String, ServiceInstance> m = map();
        long cutoff = clock.millis() - config.ttl().toMillis();
        List<ServiceInstance> expired = view.removeIf(i -> i.lastHeartbeatMillis() < cutoff);
        for (ServiceInstance i : expired) {
            // Conditional on the stored value: an instance that heartbeat meanwhile stays (and its update
            // event puts it back into the view).
            m.submitToKey(i.key(), new RemoveIfStale(cutoff));
        }
        return expired.size();
    }

    @Override
    public void addListener(RegistryListener listener) {
        view.addListener(listener);
    }

    @Override
    public void removeListener(RegistryListener listener) {
        view.removeListener(listener);
    }

    /** The registry's side of the mirror: the view, keyed {@code service/instanceId}. */
    private final class MirrorView implements NodeOwnedMapMirror.View<ServiceInstance> {
        @Override
        public void put(ServiceInstance instance) {
            view.put(instance);
        }

        @Override
        public void gone(String key) {
            int slash = key.indexOf('/');
            if (slash > 0) {
                view.remove(key.substring(0, slash), key.substring(slash + 1));
            }
        }

        @Override
        public Collection<String> dropNodes(Set<String> nodeIds) {
            return view.removeIf(i -> nodeIds.contains(i.nodeId())).stream().map(ServiceInstance::key).toList();
        }
    }

    /** An instance belongs to the node it runs on. */
    enum NodeOfInstance implements NodeOwnedMapMirror.NodeIdOf<ServiceInstance> {
        INSTANCE;

        @Override
        public String nodeId(ServiceInstance instance) {
            return instance.nodeId();
        }
    }

    /** Updates load and time only, so it cannot undo a drain or weight change made meanwhile. */
    static final class Heartbeat implements EntryProcessor<String, ServiceInstance, Boolean> {
        private static final long serialVersionUID = 1L;
        private final long load;
        private final long nowMillis;

        Heartbeat(long load, long nowMillis) {
            this.load = load;
            this.nowMillis = nowMillis;
        }

        @Override
        public Boolean process(Map.Entry<String, ServiceInstance> entry) {
            ServiceInstance current = entry.getValue();
            if (current == null) {
                return false;
            }
            entry.setValue(current.withHeartbeat(load, nowMillis));
            return true;
        }
    }

    static final class SetState implements EntryProcessor<String, ServiceInstance, Boolean> {
        private static final long serialVersionUID = 1L;
        private final InstanceState state;

        SetState(InstanceState state) {
            this.state = state;
        }

        @Override
        public Boolean process(Map.Entry<String, ServiceInstance> entry) {
            ServiceInstance current = entry.getValue();
            if (current == null) {
                return false;
            }
            entry.setValue(current.withState(state));
            return true;
        }
    }

    static final class SetWeight implements EntryProcessor<String, ServiceInstance, Boolean> {
        private static final long serialVersionUID = 1L;
        private final int weight;

        SetWeight(int weight) {
            this.weight = weight;
        }

        @Override
        public Boolean process(Map.Entry<String, ServiceInstance> entry) {
            ServiceInstance current = entry.getValue();
            if (current == null) {
                return false;
            }
            entry.setValue(current.withWeight(weight));
            return true;
        }
    }

    static final class RemoveIfStale implements EntryProcessor<String, ServiceInstance, Boolean> {
        private static final long serialVersionUID = 1L;
        private final long cutoffMillis;

        RemoveIfStale(long cutoffMillis) {
            this.cutoffMillis = cutoffMillis;
        }

        @Override
        public Boolean process(Map.Entry<String, ServiceInstance> entry) {
            ServiceInstance current = entry.getValue();
            if (current == null || current.lastHeartbeatMillis() >= cutoffMillis) {
                return false;
            }
            entry.setValue(null);
            return true;
        }
    }
}
