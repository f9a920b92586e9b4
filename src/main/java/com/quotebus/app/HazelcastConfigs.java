package com.quotebus.app;

import com.hazelcast.config.Config;
import com.hazelcast.config.InvalidConfigurationException;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.config.XmlConfigBuilder;
import com.quotebus.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Builds the Hazelcast configuration: cluster.xml, then the node's overrides from verticles.conf. */
final class HazelcastConfigs {
    private HazelcastConfigs() {}

    static Config load(NodeOptions o) {
        Path file = o.clusterConfig();
        if (file == null && Files.isRegularFile(Path.of("cluster.xml"))) {
            file = Path.of("cluster.xml");
        }
        Config config;
        try (InputStream in = file != null ? Files.newInputStream(file)
                : HazelcastConfigs.class.getResourceAsStream("/cluster.xml")) {
            if (in == null) {
                throw new ConfigException("cluster.config", "cluster.xml", "a Hazelcast XML file (none in the jar)");
            }
            config = new XmlConfigBuilder(in).build();
        } catch (IOException e) {
            throw new ConfigException("cluster.config", file, "a readable Hazelcast XML file (" + e.getMessage() + ")");
        } catch (InvalidConfigurationException e) {
            throw new ConfigException("cluster.config", file == null ? "cluster.xml (jar)" : file,
                    "a valid Hazelcast XML file (" + e.getMessage() + ")");
        }
        config.setClusterName(o.clusterName());
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(o.clusterPort());
        network.getInterfaces().setEnabled(true).setInterfaces(java.util.List.of(o.clusterHost()));
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(o.members());
        return config;
    }
}
