package com.quotebus.cluster.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.LifecycleEvent;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.quotebus.cluster.InMemoryShardMap;
import com.quotebus.cluster.ShardHolding;
import com.quotebus.cluster.ShardMap;
import com.quotebus.cluster.ShardState;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@link ShardMap} in a Hazelcast {@code IMap} keyed by instance id, mirrored into a local view by an entry
 * listener ({@link NodeOwnedMapMirror}; reads never leave the node). A write is an entry processor that keeps the higher version. The
 * entries of a member that leaves are removed at once by every node (idempotent), and the view is reloaded after
 * a split-brain merge. This node's own entries are remembered and written again after a merge or when a member
 * removal took them (a frozen member that resumes).
 *
 * <p>{@link #start()} and {@link #close()} block: call them on a worker thread.
 */
public final class HazelcastShardMap implements ShardMap, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HazelcastShardMap.class.getName());
    public static final String DEFAULT_MAP_NAME = "quotebus.shard-map";

    private final HazelcastInstance hazelcast;
    private final String mapName;
    private final InMemoryShardMap view = new InMemoryShardMap();
    /** What this node's instances last published (written again after a merge). */
    private final Map<String, ShardHolding> mine = new ConcurrentHashMap<>();
    private final NodeOwnedMapMirror<ShardHolding> mirror;
    private IMap<String, ShardHolding> map;
    private UUID lifecycleListener;

    public HazelcastShardMap(HazelcastInstance hazelcast, String mapName) {
        this.hazelcast = hazelcast;
        this.mapName = mapName;
        this.mirror = new NodeOwnedMapMirror<>(hazelcast, NodeOfHolding.INSTANCE, new MirrorView(), () -> map);
    }

    /** Blocking: listeners first, then the current entries. */
    public synchronized void start() {
        IMap<String, ShardHolding> m = hazelcast.getMap(mapName);
        mirror.listen(m);
        lifecycleListener = hazelcast.getLifecycleService().addLifecycleListener(e -> {
            if (e.getState() == LifecycleEvent.LifecycleState.MERGED) {
                Thread t = new Thread(this::afterMerge, "shard-map-reload");
                t.setDaemon(true);
                t.start();
            }
        });
        map = m;
        reload();
    }

    private void reload() {
        IMap<String, ShardHolding> m = map;
        if (m == null) {
            return;
        }
        for (ShardHolding h : m.values()) {
            view.publish(h);
        }
    }

    /** After a merge the map may have lost this node's entries or kept the other side's view: write ours again. */
    private void afterMerge() {
        try {
            for (ShardHolding h : mine.values()) {
                write(h);
            }
            reload();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "shard map not reloaded after a merge", e);
        }
    }

    @Override
    public synchronized void close() {
        if (map == null) {
            return;
        }
        mirror.close();
        hazelcast.getLifecycleService().removeLifecycleListener(lifecycleListener);
        map = null;
    }

    @Override
    public void publish(ShardHolding holding) {
        mine.put(holding.instanceId(), holding);
        view.publish(holding); // this node routes by it at once
        write(holding);
    }

    private void write(ShardHolding holding) {
        IMap<String, ShardHolding> m = map;
        if (m != null) {
            m.submitToKey(holding.instanceId(), new KeepNewer(holding)).whenComplete((r, e) -> {
                if (e != null) {
                    LOG.log(Level.WARNING, "shard map entry of " + holding.instanceId() + " not written", e);
                }
            });
        }
    }

    @Override
    public void withdraw(String instanceId) {
        mine.remove(instanceId);
        view.withdraw(instanceId);
        IMap<String, ShardHolding> m = map;
        if (m != null) {
            m.removeAsync(instanceId);
        }
    }

    @Override
    public Map<String, ShardHolding> holdings() {
        return view.holdings();
    }

    @Override
    public ShardState state(int shard, String instanceId) {
        return view.state(shard, instanceId);
    }

    @Override
    public long epoch() {
        return view.epoch();
    }

    @Override
    public void addListener(Runnable onChange) {
        view.addListener(onChange);
    }

    @Override
    public void removeListener(Runnable onChange) {
        view.removeListener(onChange);
    }

    /** The shard map's side of the mirror: the view, keyed by instance id. */
    private final class MirrorView implements NodeOwnedMapMirror.View<ShardHolding> {
        @Override
        public void put(ShardHolding holding) {
            view.publish(holding);
        }

        @Override
        public void gone(String instanceId) {
            ShardHolding own = mine.get(instanceId);
            if (own != null) {
                write(own); // a member removal took it while this instance still holds its shards
            } else {
                view.withdraw(instanceId);
            }
        }

        @Override
        public Collection<String> dropNodes(Set<String> nodeIds) {
            var before = view.holdings().values();
            view.withdrawNodes(nodeIds);
            return before.stream().filter(h -> nodeIds.contains(h.nodeId())).map(ShardHolding::instanceId).toList();
        }
    }

    /** A holding belongs to the node its calculator runs on. */
    enum NodeOfHolding implements NodeOwnedMapMirror.NodeIdOf<ShardHolding> {
        INSTANCE;

        @Override
        public String nodeId(ShardHolding holding) {
            return holding.nodeId();
        }
    }

    /** Keeps the entry with the higher version. */
    static final class KeepNewer implements EntryProcessor<String, ShardHolding, Boolean> {
        private static final long serialVersionUID = 1L;
        private final ShardHolding holding;

        KeepNewer(ShardHolding holding) {
            this.holding = holding;
        }

        @Override
        public Boolean process(Map.Entry<String, ShardHolding> entry) {
            ShardHolding current = entry.getValue();
            if (current != null && current.version() >= holding.version()) {
                return false;
            }
            entry.setValue(holding);
            return true;
        }
    }
}
