package com.quotebus.cluster.hazelcast;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.EntryEvent;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import java.io.Serializable;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * A Hazelcast {@code IMap} mirrored into a local view, whose entries each belong to a cluster node (a registered
 * service instance, a calculator's shard holding): the plumbing {@link HazelcastServiceRegistry} and
 * {@link HazelcastShardMap} share.
 * <ul>
 *   <li>an entry listener hands every added or updated value to the {@link View}, and the key of every removed,
 *       expired or evicted entry;</li>
 *   <li>when Hazelcast reports a member removed, the view drops that member's entries at once and this node removes
 *       them from the map with {@link RemoveIfOnNode} (every node does it: idempotent, and conditional on the stored
 *       entry still being on that node). A member's node ids are its UUID and the Vert.x node id that
 *       vertx-hazelcast stores in member attribute {@value #VERTX_NODE_ID_ATTRIBUTE}.</li>
 * </ul>
 * The view is told on Hazelcast event threads. {@link #listen} and {@link #close} block (listener registration).
 *
 * @param <V> the entry type
 */
final class NodeOwnedMapMirror<V> implements AutoCloseable {
    /** Member attribute where vertx-hazelcast stores the Vert.x node id. */
    static final String VERTX_NODE_ID_ATTRIBUTE = "__vertx.nodeId";

    /** The local side of the mirror. */
    interface View<V> {
        /** An entry was added or updated to {@code value}. */
        void put(V value);

        /** The entry under {@code key} was removed, expired or evicted. */
        void gone(String key);

        /** A member with these node ids left: drops its entries from the view and returns their keys. */
        Collection<String> dropNodes(Set<String> nodeIds);
    }

    /** The node an entry belongs to. Serializable: it travels inside {@link RemoveIfOnNode}. */
    interface NodeIdOf<V> extends Serializable {
        String nodeId(V value);
    }

    private final HazelcastInstance hazelcast;
    private final NodeIdOf<V> nodeIdOf;
    private final View<V> view;
    /** The map to remove a left member's entries from, or null while the owner is not started (or closed). */
    private final Supplier<IMap<String, V>> writable;
    private IMap<String, V> listened;
    private UUID entryListener;
    private UUID membershipListener;

    /**
     * @param writable the map a left member's entries are removed from; null (not started yet, closed) skips that
     */
    NodeOwnedMapMirror(HazelcastInstance hazelcast, NodeIdOf<V> nodeIdOf, View<V> view,
                       Supplier<IMap<String, V>> writable) {
        this.hazelcast = hazelcast;
        this.nodeIdOf = nodeIdOf;
        this.view = view;
        this.writable = writable;
    }

    /** Blocking: registers the entry listener on {@code map} (with values) and the membership listener. */
    synchronized void listen(IMap<String, V> map) {
        entryListener = map.addEntryListener(new Events(), true);
        membershipListener = hazelcast.getCluster().addMembershipListener(new Members());
        listened = map;
    }

    /** Blocking: removes both listeners. */
    @Override
    public synchronized void close() {
        if (listened == null) {
            return;
        }
        listened.removeEntryListener(entryListener);
        hazelcast.getCluster().removeMembershipListener(membershipListener);
        listened = null;
    }

    /** The ids a member's entries may carry as their node id: its UUID and, when set, its Vert.x node id. */
    static Set<String> nodeIds(Member member) {
        String vertxNodeId = member.getAttribute(VERTX_NODE_ID_ATTRIBUTE);
        String uuid = member.getUuid().toString();
        return vertxNodeId == null ? Set.of(uuid) : Set.of(uuid, vertxNodeId);
    }

    private void memberLeft(Member member) {
        Set<String> ids = nodeIds(member);
        Collection<String> keys = view.dropNodes(ids);
        IMap<String, V> m = writable.get();
        if (m == null) {
            return;
        }
        for (String key : keys) {
            m.submitToKey(key, new RemoveIfOnNode<>(ids, nodeIdOf)); // every node does it: idempotent
        }
    }

    private final class Events implements EntryAddedListener<String, V>, EntryUpdatedListener<String, V>,
            EntryRemovedListener<String, V>, EntryExpiredListener<String, V>, EntryEvictedListener<String, V> {
        @Override
        public void entryAdded(EntryEvent<String, V> event) {
            view.put(event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<String, V> event) {
            view.put(event.getValue());
        }

        @Override
        public void entryRemoved(EntryEvent<String, V> event) {
            view.gone(event.getKey());
        }

        @Override
        public void entryExpired(EntryEvent<String, V> event) {
            view.gone(event.getKey());
        }

        @Override
        public void entryEvicted(EntryEvent<String, V> event) {
            view.gone(event.getKey());
        }
    }

    private final class Members implements MembershipListener {
        @Override
        public void memberAdded(MembershipEvent event) {
        }

        @Override
        public void memberRemoved(MembershipEvent event) {
            memberLeft(event.getMember());
        }
    }

    /** Removes the entry if it is still the one of an instance on a node that left. */
    static final class RemoveIfOnNode<V> implements EntryProcessor<String, V, Boolean> {
        private static final long serialVersionUID = 1L;
        private final Set<String> nodeIds;
        private final NodeIdOf<V> nodeIdOf;

        RemoveIfOnNode(Set<String> nodeIds, NodeIdOf<V> nodeIdOf) {
            this.nodeIds = Set.copyOf(nodeIds);
            this.nodeIdOf = nodeIdOf;
        }

        @Override
        public Boolean process(Map.Entry<String, V> entry) {
            V current = entry.getValue();
            if (current == null || !nodeIds.contains(nodeIdOf.nodeId(current))) {
                return false;
            }
            entry.setValue(null);
            return true;
        }
    }
}
