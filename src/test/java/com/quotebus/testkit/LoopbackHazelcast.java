package com.quotebus.testkit;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;

/** Hazelcast configuration for tests: a private cluster on 127.0.0.1, TCP/IP join over a fixed port range. */
public final class LoopbackHazelcast {
    private LoopbackHazelcast() {}

    /** Members of {@code clusterName} on ports {@code firstPort .. firstPort + count - 1}; no multicast, no logging. */
    public static Config config(String clusterName, int firstPort, int count) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(firstPort).setPortAutoIncrement(true).setPortCount(count);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        for (int port = firstPort; port < firstPort + count; port++) {
            join.getTcpIpConfig().addMember("127.0.0.1:" + port);
        }
        return config;
    }
}
