package com.quotebus.cluster.hazelcast;

import static org.assertj.core.api.Assertions.assertThat;

import com.hazelcast.config.Config;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The lease on a real (single-member, 127.0.0.1-only) Hazelcast: exclusive, renewable, released, expiring. */
class HazelcastLeaderElectionIT {
    private HazelcastInstance hz;

    @BeforeEach
    void start() {
        Config config = new Config();
        config.setClusterName("leader-it-" + ProcessHandle.current().pid());
        config.getNetworkConfig().setPort(5901).setPortAutoIncrement(true);
        config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        config.getNetworkConfig().getJoin().getMulticastConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getTcpIpConfig().setEnabled(false);
        config.getNetworkConfig().getJoin().getAutoDetectionConfig().setEnabled(false);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        hz = Hazelcast.newHazelcastInstance(config);
    }

    @AfterEach
    void stop() {
        hz.shutdown();
    }

    @Test
    void oneMemberHoldsTheLeaseUntilItReleasesOrStopsRenewing() throws InterruptedException {
        HazelcastLeaderElection first = new HazelcastLeaderElection(hz, "collectors", "c1", 2_000);
        HazelcastLeaderElection second = new HazelcastLeaderElection(hz, "collectors", "c2", 2_000);

        assertThat(first.tryAcquireOrRenew()).isTrue();
        assertThat(second.tryAcquireOrRenew()).isFalse();
        assertThat(first.tryAcquireOrRenew()).isTrue();

        first.close();
        assertThat(second.tryAcquireOrRenew()).isTrue();
        assertThat(first.tryAcquireOrRenew()).isFalse();

        // c2 stops renewing: its lease lapses and c1 takes over (bounded wait, real time is the point here)
        boolean tookOver = false;
        for (int i = 0; i < 50 && !tookOver; i++) {
            Thread.sleep(100);
            tookOver = first.tryAcquireOrRenew();
        }
        assertThat(tookOver).isTrue();
        assertThat(second.tryAcquireOrRenew()).isFalse();
    }
}
