package com.quotebus.collector.szse;

/**
 * One SZSE Binary feed line (a TCP connection to a market-data gateway or to the simulator). Checked once.
 *
 * @param name               source name, unique per line, e.g. {@code szse-a} ({@code feeds.<line>.name})
 * @param host               gateway host ({@code host})
 * @param port               gateway port ({@code port})
 * @param senderCompId       our SenderCompID, ≤ 20 chars ({@code sender-comp-id})
 * @param targetCompId       the gateway's id, ≤ 20 chars ({@code target-comp-id})
 * @param password           Logon password, ≤ 16 chars ({@code password})
 * @param heartbeatSeconds   HeartBtInt we send and our Heartbeat period; no bytes for 3× this drops the line,
 *                           1..60 ({@code heartbeat-seconds})
 * @param reconnectInitialMs first reconnect delay, doubled per failure, 10..60000 ({@code reconnect-initial-ms})
 * @param reconnectMaxMs     largest reconnect delay, ≥ initial, ≤ 300000 ({@code reconnect-max-ms})
 * @param logonTimeoutMs     time to wait for the Logon reply, 100..60000 ({@code logon-timeout-ms})
 * @param maxBodyLength      BodyLength cap; above it the stream is corrupt and the line is dropped
 *                           ({@code max-body-length}, default 65536)
 */
public record SzseFeedConfig(String name, String host, int port, String senderCompId, String targetCompId,
        String password, int heartbeatSeconds, int reconnectInitialMs, int reconnectMaxMs, int logonTimeoutMs,
        int maxBodyLength) {

    /** From one feed line's section; {@code name}, {@code host} and {@code port} are required. */
    public static SzseFeedConfig from(com.quotebus.collector.sim.ConfigSection c) {
        String name = c.getString("name", null);
        String host = c.getString("host", null);
        if (name == null || host == null || c.getInt("port", 0) == 0) {
            throw new IllegalArgumentException(c.key("name") + ", " + c.key("host") + " and " + c.key("port")
                    + " are required");
        }
        SzseFeedConfig d = of(name, host, c.getInt("port", 0));
        return new SzseFeedConfig(name, host, d.port(), c.getString("sender-comp-id", d.senderCompId()),
                c.getString("target-comp-id", d.targetCompId()), c.getString("password", d.password()),
                c.getInt("heartbeat-seconds", d.heartbeatSeconds()),
                c.getInt("reconnect-initial-ms", d.reconnectInitialMs()),
                c.getInt("reconnect-max-ms", d.reconnectMaxMs()), c.getInt("logon-timeout-ms", d.logonTimeoutMs()),
                c.getInt("max-body-length", d.maxBodyLength()));
    }

    public SzseFeedConfig {
        check(name != null && !name.isBlank(), name, "name", "non-empty");
        check(host != null && !host.isBlank(), name, "host", "non-empty");
        check(port >= 1 && port <= 65535, name, "port", "1..65535, was " + port);
        check(senderCompId != null && senderCompId.length() <= 20, name, "sender-comp-id", "at most 20 characters");
        check(targetCompId != null && targetCompId.length() <= 20, name, "target-comp-id", "at most 20 characters");
        check(password != null && password.length() <= 16, name, "password", "at most 16 characters");
        check(heartbeatSeconds >= 1 && heartbeatSeconds <= 60, name, "heartbeat-seconds", "1..60, was " + heartbeatSeconds);
        check(reconnectInitialMs >= 10 && reconnectInitialMs <= 60_000, name, "reconnect-initial-ms",
                "10..60000, was " + reconnectInitialMs);
        check(reconnectMaxMs >= reconnectInitialMs && reconnectMaxMs <= 300_000, name, "reconnect-max-ms",
                "reconnect-initial-ms..300000, was " + reconnectMaxMs);
        check(logonTimeoutMs >= 100 && logonTimeoutMs <= 60_000, name, "logon-timeout-ms", "100..60000, was "
                + logonTimeoutMs);
        check(maxBodyLength >= SzseLayout.LOGOUT_BODY && maxBodyLength <= 16 << 20, name, "max-body-length",
                SzseLayout.LOGOUT_BODY + ".." + (16 << 20) + ", was " + maxBodyLength);
    }

    /** A line with the defaults: heartbeat 5 s, reconnect 100 ms doubling to 5 s, logon timeout 5 s, cap 64 KiB. */
    public static SzseFeedConfig of(String name, String host, int port) {
        return new SzseFeedConfig(name, host, port, "QUOTEBUS", "SZSE-SIM", "", 5, 100, 5000, 5000,
                SzseLayout.DEFAULT_MAX_BODY_LENGTH);
    }

    private static void check(boolean ok, String line, String key, String what) {
        if (!ok) {
            throw new IllegalArgumentException("feed " + line + ": " + key + " must be " + what);
        }
    }
}
