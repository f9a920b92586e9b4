package com.quotebus.collector.pipeline;

/**
 * Decides which of several collectors on the same sources publishes downstream; the others arbitrate and
 * journal the same events as hot standbys. Leadership is a lease: {@link #tryAcquireOrRenew()} is called
 * periodically (well within the lease) and answers whether this collector leads until the next call. An
 * implementation may block briefly (a cluster round trip), so callers run it off the event loop.
 */
public interface LeaderElection extends AutoCloseable {
    /** Takes the lease when free, renews it when held; true when this collector is the leader. */
    boolean tryAcquireOrRenew();

    /** Gives the lease up (at shutdown) so a standby takes over without waiting for it to expire. */
    @Override
    void close();

    /** For a single collector: always the leader. */
    static LeaderElection alwaysLeader() {
        return new LeaderElection() {
            @Override
            public boolean tryAcquireOrRenew() {
                return true;
            }

            @Override
            public void close() {}
        };
    }
}
