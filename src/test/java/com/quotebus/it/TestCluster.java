package com.quotebus.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A cluster of node processes on 127.0.0.1 for one test class: a unique cluster name, fixed Hazelcast ports
 * listed as members on every node, a data directory per node under {@code target/it/<test>/} (logs stay there
 * for a failed run), the simulator on a free port. {@link #close()} destroys every process it started.
 */
final class TestCluster implements AutoCloseable {
    /** Simulated market: 200 symbols, 20× real time, opening just before the continuous session. */
    static final List<String> MARKET = List.of("simulator.symbols=200", "simulator.futures=false",
            "simulator.rate=40", "simulator.seed-history=false", "clock.speed=20", "clock.start-time=09:29:40");

    final Path dir;
    final String name;
    final int simulatorPort;
    private final List<Integer> hazelcastPorts = new ArrayList<>();
    private final List<NodeProcess> processes = new ArrayList<>();

    TestCluster(String testName, int maxNodes) throws IOException {
        this.dir = Path.of("target", "it", testName + "-" + System.currentTimeMillis()).toAbsolutePath();
        Files.createDirectories(dir);
        this.name = "qb-it-" + testName + "-" + ProcessHandle.current().pid();
        this.simulatorPort = freePort();
        for (int i = 0; i < maxNodes; i++) {
            hazelcastPorts.add(freePort());
        }
    }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_PORT = new java.util.concurrent.atomic.AtomicInteger(
            20_000 + (int) (ProcessHandle.current().pid() * 7919 % 10_000));

    /**
     * A port that is free now, below the OS's ephemeral range (32768+): a port the OS handed out for one
     * socket may be reused for an outgoing connection before the node binds it, and a Hazelcast member list
     * that names someone else's port makes the join hang.
     */
    static int freePort() throws IOException {
        for (int i = 0; i < 1_000; i++) {
            int port = NEXT_PORT.getAndIncrement();
            if (port >= 32_000) {
                NEXT_PORT.set(20_000);
                continue;
            }
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(false);
                s.bind(new java.net.InetSocketAddress("127.0.0.1", port));
                return port;
            } catch (IOException taken) {
                // try the next one
            }
        }
        throw new IOException("no free port in 20000-32000");
    }

    /** Writes a HOCON file: the shipped defaults plus {@code extra} (e.g. the collector sources). */
    Path config(String file, String extra) throws IOException {
        Path p = dir.resolve(file);
        Files.writeString(p, "include classpath(\"verticles.conf\")\n" + extra + "\n");
        return p;
    }

    /** Sources reading {@code port} twice (A/B lines of one feed). */
    static String sources(int port) {
        return "collector.sources = [\n"
                + "  { name = szse-a, type = szse-binary, host = \"127.0.0.1\", port = " + port + " }\n"
                + "  { name = szse-b, type = szse-binary, host = \"127.0.0.1\", port = " + port + " }\n]\n";
    }

    /**
     * Starts node number {@code index} (its Hazelcast port) with {@code roles}; {@code accessPort} 0 = none.
     */
    NodeProcess node(String nodeName, int index, String roles, Path conf, int accessPort, List<String> extra)
            throws IOException {
        Path data = dir.resolve(nodeName);
        Files.createDirectories(data);
        List<String> members = hazelcastPorts.stream().map(p -> "127.0.0.1:" + p).toList();
        List<String> args = new ArrayList<>(List.of("--roles", roles, "node.name=" + nodeName,
                "cluster.name=" + name, "cluster.port=" + hazelcastPorts.get(index),
                "cluster.members=" + String.join(",", members), "data.dir=" + data, "http.port=0",
                "access.port=" + (accessPort == 0 ? freePort() : accessPort),
                "simulator.port=" + simulatorPort, "node.shutdown-grace-ms=3000"));
        args.addAll(MARKET);
        args.addAll(extra);
        NodeProcess p = NodeProcess.node(nodeName, dir, conf, args);
        processes.add(p);
        return p;
    }

    /** Starts the simulator alone ({@code SimulatorMain}) on {@link #simulatorPort}; {@code extra} overrides. */
    NodeProcess simulator(List<String> extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("port=" + simulatorPort));
        for (String m : MARKET) {
            if (!m.startsWith("simulator.seed-history")) {
                args.add(m);
            }
        }
        args.addAll(extra); // later values win
        NodeProcess p = NodeProcess.start("simulator", dir, "com.quotebus.collector.szse.SimulatorMain", args);
        processes.add(p);
        return p;
    }

    /**
     * Starts {@code old} again with the same settings and data directory (same node name, so the same
     * calculator instance ids); its output goes to {@code logName.log}. {@code old} must have exited.
     */
    NodeProcess restart(NodeProcess old, String logName) throws IOException {
        NodeProcess p = old.relaunch(logName);
        processes.add(p);
        return p;
    }

    /** Every process started so far, restarted ones included (for their logs). */
    List<NodeProcess> processes() {
        return List.copyOf(processes);
    }

    @Override
    public void close() {
        for (NodeProcess p : processes) {
            p.close();
        }
    }
}
