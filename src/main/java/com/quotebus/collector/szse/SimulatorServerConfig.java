package com.quotebus.collector.szse;

import com.quotebus.config.Settings;
/**
 * The simulator's TCP server. Checked once, at construction.
 *
 * @param host                 interface to bind ({@code simulator.host}, default 0.0.0.0)
 * @param port                 TCP port, 0 = any free port ({@code simulator.port}, default 9100)
 * @param publishIntervalMs    how often the generator is advanced to the market clock and its bytes sent,
 *                             1..1000 ({@code simulator.publish-interval-ms}, default 10)
 * @param heartbeatIntervalMs  channel heartbeat (390095) period, 100..60000 ({@code simulator.heartbeat-interval-ms},
 *                             default 1000)
 * @param maxClientQueueBytes  bytes a client may have unsent before it is disconnected as a slow consumer,
 *                             64 KiB..1 GiB ({@code simulator.max-client-queue-bytes}, default 16 MiB)
 * @param maxBatchBytes        bytes encoded per publish at most; a burst beyond (high speed, catching up) is
 *                             spread over later publishes ({@code simulator.max-batch-bytes}, default 4 MiB)
 * @param logonTimeoutMs       time a client has to send Logon, 100..60000 ({@code simulator.logon-timeout-ms},
 *                             default 5000)
 * @param senderCompId         our SenderCompID in the Logon reply ({@code simulator.sender-comp-id}, default SZSE-SIM)
 * @param password             required Logon password; empty = any ({@code simulator.password})
 */
public record SimulatorServerConfig(String host, int port, int publishIntervalMs, int heartbeatIntervalMs,
        int maxClientQueueBytes, int maxBatchBytes, int logonTimeoutMs, String senderCompId, String password) {

    public static final SimulatorServerConfig DEFAULT =
            new SimulatorServerConfig("0.0.0.0", 9100, 10, 1000, 16 << 20, 4 << 20, 5000, "SZSE-SIM", "");

    /** From the {@code simulator} section (server keys; the market keys are read by {@code SimulatorConfig}). */
    public static SimulatorServerConfig from(Settings c) {
        SimulatorServerConfig d = DEFAULT;
        return c.build(() -> new SimulatorServerConfig(c.string("host", d.host()), c.intValue("port", d.port()),
                c.intValue("publish-interval-ms", d.publishIntervalMs()),
                c.intValue("heartbeat-interval-ms", d.heartbeatIntervalMs()),
                c.intValue("max-client-queue-bytes", d.maxClientQueueBytes()),
                c.intValue("max-batch-bytes", d.maxBatchBytes()), c.intValue("logon-timeout-ms", d.logonTimeoutMs()),
                c.string("sender-comp-id", d.senderCompId()), c.string("password", d.password())));
    }

    public SimulatorServerConfig {
        check(host != null && !host.isBlank(), "host", host, "an interface address");
        check(port >= 0 && port <= 65535, "port", port, "0..65535");
        check(publishIntervalMs >= 1 && publishIntervalMs <= 1000, "publish-interval-ms", publishIntervalMs, "1..1000");
        check(heartbeatIntervalMs >= 100 && heartbeatIntervalMs <= 60_000, "heartbeat-interval-ms", heartbeatIntervalMs,
                "100..60000");
        check(maxClientQueueBytes >= 64 * 1024 && maxClientQueueBytes <= 1 << 30, "max-client-queue-bytes",
                maxClientQueueBytes, "65536..1073741824");
        check(maxBatchBytes >= 4096 && maxBatchBytes <= 256 << 20, "max-batch-bytes", maxBatchBytes, "4096..268435456");
        check(logonTimeoutMs >= 100 && logonTimeoutMs <= 60_000, "logon-timeout-ms", logonTimeoutMs, "100..60000");
        check(senderCompId != null && senderCompId.length() <= SzseLayout.COMP_ID_LENGTH, "sender-comp-id", senderCompId,
                "at most 20 characters");
        check(password != null && password.length() <= SzseLayout.PASSWORD_LENGTH, "password", "(hidden)",
                "at most 16 characters");
    }

    private static void check(boolean ok, String key, Object value, String what) {
        if (!ok) {
            throw new IllegalArgumentException("simulator." + key + " must be " + what + ", was " + value);
        }
    }

    public SimulatorServerConfig withPort(int p) {
        return new SimulatorServerConfig(host, p, publishIntervalMs, heartbeatIntervalMs, maxClientQueueBytes,
                maxBatchBytes, logonTimeoutMs, senderCompId, password);
    }

    public SimulatorServerConfig withHost(String h) {
        return new SimulatorServerConfig(h, port, publishIntervalMs, heartbeatIntervalMs, maxClientQueueBytes,
                maxBatchBytes, logonTimeoutMs, senderCompId, password);
    }

    public SimulatorServerConfig withMaxClientQueueBytes(int n) {
        return new SimulatorServerConfig(host, port, publishIntervalMs, heartbeatIntervalMs, n, maxBatchBytes,
                logonTimeoutMs, senderCompId, password);
    }
}
