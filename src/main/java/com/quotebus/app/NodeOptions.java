package com.quotebus.app;

import com.quotebus.config.ConfigException;
import com.quotebus.config.Settings;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a node runs and how it joins the cluster ({@code node.*}, {@code cluster.*}, {@code http.*},
 * {@code data.*} in verticles.conf).
 *
 * @param roles               the parts this node runs
 * @param nodeName            a name for logs and status (default: host-pid)
 * @param calculatorInstances calculator verticle instances on this node
 * @param clusterName         Hazelcast cluster name; nodes join only their cluster
 * @param clusterHost         address Hazelcast and the event bus bind to and announce
 * @param clusterPort         first Hazelcast port tried (auto-increments)
 * @param members             where to look for other members (host or host:port)
 * @param clusterConfig       the Hazelcast XML file (default: ./cluster.xml, else the one in the jar)
 * @param shards              symbol shards; the same on every node
 * @param replicas            calculator instances serving each shard at once (fewer while there are fewer
 *                            calculators); the same on every node
 * @param httpHost            status/metrics HTTP bind address
 * @param httpPort            status/metrics HTTP port (0 = off)
 * @param dataDir             where the journal and the history store live
 * @param holidaysFile        replacement holiday file, or {@code null} for the shipped one
 * @param shutdownGraceMs     how long SIGTERM waits for clients to leave and work to drain
 */
public record NodeOptions(Set<Role> roles, String nodeName, int calculatorInstances, String clusterName,
                          String clusterHost, int clusterPort, List<String> members, Path clusterConfig, int shards, int replicas,
                          String httpHost, int httpPort, Path dataDir, Path holidaysFile, long shutdownGraceMs) {

    /** The parts of the system a node can run. */
    public enum Role { COLLECTOR, CALCULATOR, ACCESS }

    public static NodeOptions from(Settings s) {
        List<String> roleNames = s.list("node.roles", List.of("collector", "calculator", "access"));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String r : roleNames) {
            try {
                roles.add(Role.valueOf(r.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("node.roles", String.join(",", roleNames),
                        "a list of collector, calculator, access");
            }
        }
        if (roles.isEmpty()) {
            throw new ConfigException("node.roles", "", "at least one of collector, calculator, access");
        }
        String name = s.string("node.name", "");
        if (name.isBlank()) {
            name = ProcessHandle.current().pid() + "@" + hostName();
        }
        String config = s.string("cluster.config", "");
        String holidays = s.string("calendar.holidays-file", "");
        return new NodeOptions(roles, name,
                s.intValue("node.calculator-instances", 1, 1, 64),
                s.string("cluster.name", "quotebus"),
                s.string("cluster.host", "127.0.0.1"),
                s.intValue("cluster.port", 5701, 1, 65535),
                s.list("cluster.members", List.of("127.0.0.1")),
                config.isBlank() ? null : Path.of(config),
                s.intValue("cluster.shards", 16, 1, 4096),
                s.intValue("cluster.replicas", com.quotebus.cluster.Shards.DEFAULT_REPLICAS, 1, 8),
                s.string("http.host", "127.0.0.1"),
                s.intValue("http.port", 8080, 0, 65535),
                Path.of(s.string("data.dir", "data")),
                holidays.isBlank() ? null : Path.of(holidays),
                s.longValue("node.shutdown-grace-ms", 10_000, 0, 600_000));
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }

    public boolean runs(Role role) {
        return roles.contains(role);
    }
}
