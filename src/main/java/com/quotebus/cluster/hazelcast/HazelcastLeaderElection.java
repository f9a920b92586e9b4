package com.quotebus.cluster.hazelcast;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;
import com.quotebus.collector.pipeline.LeaderElection;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Leader lease in a Hazelcast {@link IMap} entry ({@code quotebus.collector.leases[name] = member}) with a TTL:
 * an entry processor takes the lease when the entry is absent (never taken, released, or expired) and renews it
 * (resetting the TTL) when this member holds it — atomically, on the key's partition. A collector that dies
 * stops renewing and its lease expires after {@code leaseMillis}.
 *
 * <p>Why not {@code FencedLock}: its ownership is per thread and CP session, while Vert.x runs the renewal on
 * pooled threads, and the CP subsystem needs three CP members to be safe. A lease does not need either. Like
 * any lease it cannot stop a paused old leader from publishing until it next renews (and a split cluster can
 * elect one per side); consumers drop duplicates by per-symbol seq, so overlap is harmless. Calls block for a
 * cluster round trip: run them off the event loop.
 */
public final class HazelcastLeaderElection implements LeaderElection {
    /**
     * Shortest lease accepted. Hazelcast keeps update times in whole seconds and rounds a TTL up to a second, so
     * a lease can lapse up to one second early: renew at least every {@code (leaseMillis - 1000) / 2} ms.
     */
    public static final long MIN_LEASE_MILLIS = 2_000;

    /** The map holding the leases. */
    public static final String MAP = "quotebus.collector.leases";

    private final IMap<String, String> leases;
    private final String name;
    private final String member;
    private final long leaseMillis;

    public HazelcastLeaderElection(HazelcastInstance hazelcast, String name, String member, long leaseMillis) {
        if (leaseMillis < MIN_LEASE_MILLIS) {
            throw new IllegalArgumentException("leaseMillis must be >= " + MIN_LEASE_MILLIS
                    + " (Hazelcast expiry has one-second granularity), was " + leaseMillis);
        }
        this.leases = hazelcast.getMap(MAP);
        this.name = name;
        this.member = member;
        this.leaseMillis = leaseMillis;
    }

    @Override
    public boolean tryAcquireOrRenew() {
        return leases.executeOnKey(name, new AcquireOrRenew(member, leaseMillis));
    }

    @Override
    public void close() {
        leases.remove(name, member);
    }

    /** Runs on the partition owning the lease key; serializable so it can travel to that member. */
    static final class AcquireOrRenew implements EntryProcessor<String, String, Boolean> {
        private static final long serialVersionUID = 1L;
        private final String member;
        private final long leaseMillis;

        AcquireOrRenew(String member, long leaseMillis) {
            this.member = member;
            this.leaseMillis = leaseMillis;
        }

        @Override
        public Boolean process(Map.Entry<String, String> entry) {
            String holder = entry.getValue();
            if (holder == null || holder.equals(member)) {
                ((ExtendedMapEntry<String, String>) entry).setValue(member, leaseMillis, TimeUnit.MILLISECONDS);
                return true;
            }
            return false;
        }
    }
}
