package com.quotebus.collector.pipeline;

import com.quotebus.core.time.MarketClock;
import java.util.Objects;

/**
 * Lease-based election among collectors in one JVM that share a {@link Lease}; for tests and for running
 * several pipelines in one process. The Hazelcast implementation follows the same lease rules cluster-wide.
 */
public final class InMemoryLeaderElection implements LeaderElection {
    private final Lease lease;
    private final String member;

    public InMemoryLeaderElection(Lease lease, String member) {
        this.lease = Objects.requireNonNull(lease, "lease");
        this.member = Objects.requireNonNull(member, "member");
    }

    @Override
    public boolean tryAcquireOrRenew() {
        return lease.acquireOrRenew(member);
    }

    @Override
    public void close() {
        lease.release(member);
    }

    /** One lease: held by one member until it lapses ({@code leaseMillis} after the last renewal) or is released. */
    public static final class Lease {
        private final MarketClock clock;
        private final long leaseMillis;
        private String holder;
        private long expires;

        public Lease(MarketClock clock, long leaseMillis) {
            if (leaseMillis <= 0) {
                throw new IllegalArgumentException("leaseMillis must be > 0, was " + leaseMillis);
            }
            this.clock = clock;
            this.leaseMillis = leaseMillis;
        }

        synchronized boolean acquireOrRenew(String member) {
            long now = clock.millis();
            if (holder == null || holder.equals(member) || now >= expires) {
                holder = member;
                expires = now + leaseMillis;
                return true;
            }
            return false;
        }

        synchronized void release(String member) {
            if (member.equals(holder)) {
                holder = null;
            }
        }

        /** Current holder, or null. */
        public synchronized String holder() {
            return holder != null && clock.millis() < expires ? holder : null;
        }
    }
}
