package com.quotebus.collector.szse;

import com.quotebus.config.Settings;
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

    /**
     * From one feed line's section: {@code host} and {@code port} are required unless given ({@code host} non-null:
     * a line to this deployment's simulator); the rest have the defaults of {@link #of}.
     */
    public static SzseFeedConfig from(Settings c, String name, String host, int port) {
        String h = host != null ? host : c.string("host", "");
        int p = host != null ? port : c.intValue("port", 0, 0, 65535);
        if (h.isBlank() || p == 0) {
            throw c.invalid(h.isBlank() ? "host" : "port", h.isBlank() ? null : c.raw("port"),
                    "a host and port of the feed (or simulator = true)");
        }
        SzseFeedConfig d = of(name, h, p);
        return c.build(() -> new SzseFeedConfig(name, h, p, c.string("sender-comp-id", d.senderCompId()),
                c.string("target-comp-id", d.targetCompId()), c.string("password", d.password()),
                c.intValue("heartbeat-seconds", d.heartbeatSeconds(), 1, 60),
                c.intValue("reconnect-initial-ms", d.reconnectInitialMs(), 10, 60_000),
                c.intValue("reconnect-max-ms", d.reconnectMaxMs(), 10, 300_000),
                c.intValue("logon-timeout-ms", d.logonTimeoutMs(), 100, 60_000),
                c.intValue("max-body-length", d.maxBodyLength(), SzseLayout.LOGOUT_BODY, 16 << 20)));
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
