package com.quotebus.cluster.hazelcast;

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
import java.util.List;

/** Builds the Hazelcast configuration: cluster.xml, then the node's overrides from verticles.conf. */
public final class HazelcastConfigs {
    private HazelcastConfigs() {}

    /**
     * @param clusterConfig the Hazelcast XML file ({@code cluster.config}); null: ./cluster.xml, else the one in the jar
     * @param clusterName   nodes join only their cluster ({@code cluster.name})
     * @param host          the interface Hazelcast binds to and announces ({@code cluster.host})
     * @param port          the first Hazelcast port tried ({@code cluster.port}, auto-increments)
     * @param members       where to look for other members, {@code host} or {@code host:port} ({@code cluster.members})
     */
    public static Config load(Path clusterConfig, String clusterName, String host, int port, List<String> members) {
        Path file = clusterConfig;
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
        config.setClusterName(clusterName);
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port);
        network.getInterfaces().setEnabled(true).setInterfaces(List.of(host));
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setMembers(members);
        return config;
    }
}
