package com.quotebus.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link ShardMap} in one process (a single node, tests); also the local view the clustered map mirrors into.
 * Thread-safe.
 */
public final class InMemoryShardMap implements ShardMap {
    private final Map<String, ShardHolding> holdings = new ConcurrentHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong epoch = new AtomicLong();

    @Override
    public void publish(ShardHolding holding) {
        boolean[] changed = {false};
        holdings.compute(holding.instanceId(), (id, old) -> {
            if (old != null && old.version() >= holding.version()) {
                return old;
            }
            changed[0] = true;
            return holding;
        });
        if (changed[0]) {
            changed();
        }
    }

    @Override
    public void withdraw(String instanceId) {
        if (holdings.remove(instanceId) != null) {
            changed();
        }
    }

    /** Removes every entry of instances on {@code nodeIds} (their node left); returns how many. */
    public int withdrawNodes(java.util.Set<String> nodeIds) {
        int[] n = {0};
        holdings.values().removeIf(h -> {
            boolean gone = nodeIds.contains(h.nodeId());
            if (gone) {
                n[0]++;
            }
            return gone;
        });
        if (n[0] > 0) {
            changed();
        }
        return n[0];
    }

    @Override
    public Map<String, ShardHolding> holdings() {
        return Map.copyOf(holdings);
    }

    @Override
    public ShardState state(int shard, String instanceId) {
        ShardHolding h = holdings.get(instanceId);
        return h == null ? null : h.state(shard);
    }

    @Override
    public long epoch() {
        return epoch.get();
    }

    @Override
    public void addListener(Runnable onChange) {
        listeners.add(onChange);
    }

    @Override
    public void removeListener(Runnable onChange) {
        listeners.remove(onChange);
    }

    private void changed() {
        epoch.incrementAndGet();
        for (Runnable l : listeners) {
            l.run();
        }
    }
}
