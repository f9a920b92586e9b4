package com.quotebus.access.bridge;

import com.quotebus.config.Settings;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Configuration of the client-facing bridge server, checked once when built. Every bad value fails
 * with an {@link IllegalArgumentException} naming the key. Built with {@link #builder()} or read
 * from JSON/HOCON with {@link #fromJson(JsonObject)} (keys as the component names below).
 *
 * @param host                          interface to listen on
 * @param port                          TCP port; 0 picks a free one (tests)
 * @param maxFrameSize                  largest accepted JSON payload of one client frame, bytes; a larger declared
 *                                      length closes the connection ({@code frame_too_large})
 * @param idleTimeoutMs                 a connection with no traffic in either direction for this long (no frame from
 *                                      the client, pings included, and no bytes written to it) gets
 *                                      {@code err idle_timeout} and is closed; 0 (the default, as the stock bridge)
 *                                      disables. Dead peers are found by TCP keep-alive and failed writes instead
 * @param tcpKeepAlive                  SO_KEEPALIVE on client sockets: the kernel probes a silent peer and the
 *                                      connection fails when it does not answer (stock clients never ping)
 * @param tcpKeepAliveIdleSeconds       silence before the first keep-alive probe (TCP_KEEPIDLE); 0 keeps the OS
 *                                      default (Linux: 7200 s). Applied with the NIO and epoll transports
 * @param tcpKeepAliveIntervalSeconds   between unanswered probes (TCP_KEEPINTVL); 0 keeps the OS default (75 s)
 * @param tcpKeepAliveCount             unanswered probes before the connection fails (TCP_KEEPCNT); 0 keeps the
 *                                      OS default (9)
 * @param writeQueueMaxBytes            bytes queued in the socket before the client counts as backed up; then
 *                                      last-value data is conflated and stream data goes to the bounded backlog
 * @param flushThresholdBytes           outgoing bytes of one connection are coalesced and written once per
 *                                      event-loop turn, or as soon as this many are pending
 * @param socketSendBufferBytes         SO_SNDBUF of client sockets; 0 keeps the OS default (auto-tuned, up to
 *                                      megabytes per socket on Linux: set it to bound kernel memory per client)
 * @param inboundPermits                addresses clients may {@code send}/{@code publish} to
 * @param outboundPermits               addresses clients may {@code register} for
 * @param internalPrefixes              addresses starting with one of these are never reachable by clients,
 *                                      whatever the permits say
 * @param lastValuePrefixes             market-data addresses where only the newest value matters: cached for
 *                                      new subscribers and conflated for slow ones
 * @param streamPrefixes                market-data addresses where every message matters (ticks): bounded backlog,
 *                                      then {@link #slowConsumerPolicy}
 * @param adminPrefix                   addresses needing header {@code token} equal to {@link #adminToken}
 * @param adminToken                    the admin token; null makes admin addresses unreachable
 * @param maxSubscriptionsPerConnection register quota per connection
 * @param rateLimitPerSecond            sustained send/publish/register/unregister frames per second per
 *                                      connection (token bucket refill rate)
 * @param rateLimitBurst                token bucket size
 * @param requestTimeoutMs              timeout of a client request when it sets no {@code timeout} header
 * @param maxRequestTimeoutMs           upper bound for a client's {@code timeout} header
 * @param maxInFlightRequestsPerConnection requests of one connection waiting for a reply
 * @param routedPrefixes                requests to these addresses go to the pluggable {@link RequestRouter};
 *                                      others are plain event-bus requests
 * @param slowConsumerPolicy            what happens when a stream backlog overflows
 * @param streamBacklogMaxFrames        stream frames held for one backed-up connection
 * @param controlBacklogMaxFrames       replies, errors and point-to-point messages held for one backed-up
 *                                      connection; overflow disconnects it ({@code slow_consumer})
 * @param lastValueCacheMaxEntries      addresses whose last value the node keeps for new subscribers (LRU)
 * @param maxPendingServerRequestsPerConnection server→client requests waiting for this client's answer
 */
public record BridgeServerOptions(
        String host,
        int port,
        int maxFrameSize,
        long idleTimeoutMs,
        boolean tcpKeepAlive,
        int tcpKeepAliveIdleSeconds,
        int tcpKeepAliveIntervalSeconds,
        int tcpKeepAliveCount,
        int writeQueueMaxBytes,
        int flushThresholdBytes,
        int socketSendBufferBytes,
        List<AddressPermit> inboundPermits,
        List<AddressPermit> outboundPermits,
        List<String> internalPrefixes,
        List<String> lastValuePrefixes,
        List<String> streamPrefixes,
        String adminPrefix,
        String adminToken,
        int maxSubscriptionsPerConnection,
        double rateLimitPerSecond,
        int rateLimitBurst,
        long requestTimeoutMs,
        long maxRequestTimeoutMs,
        int maxInFlightRequestsPerConnection,
        List<String> routedPrefixes,
        SlowConsumerPolicy slowConsumerPolicy,
        int streamBacklogMaxFrames,
        int controlBacklogMaxFrames,
        int lastValueCacheMaxEntries,
        int maxPendingServerRequestsPerConnection) {


    public BridgeServerOptions {
        inboundPermits = listOf(inboundPermits, "access.inbound-permits");
        outboundPermits = listOf(outboundPermits, "access.outbound-permits");
        internalPrefixes = listOf(internalPrefixes, "access.internal-prefixes");
        lastValuePrefixes = listOf(lastValuePrefixes, "access.last-value-prefixes");
        streamPrefixes = listOf(streamPrefixes, "access.stream-prefixes");
        routedPrefixes = listOf(routedPrefixes, "access.routed-prefixes");
        require(host != null && !host.isBlank(), "access.host", "must not be empty", host);
        require(port >= 0 && port <= 65535, "access.port", "must be 0..65535", port);
        require(maxFrameSize >= 64 && maxFrameSize <= 16 << 20, "access.max-frame-size", "must be 64..16777216", maxFrameSize);
        require(idleTimeoutMs >= 0, "access.idle-timeout-ms", "must be >= 0", idleTimeoutMs);
        require(tcpKeepAliveIdleSeconds >= 0 && tcpKeepAliveIdleSeconds <= 32767, "access.tcp-keep-alive-idle-seconds",
                "must be 0..32767", tcpKeepAliveIdleSeconds);
        require(tcpKeepAliveIntervalSeconds >= 0 && tcpKeepAliveIntervalSeconds <= 32767,
                "access.tcp-keep-alive-interval-seconds", "must be 0..32767", tcpKeepAliveIntervalSeconds);
        require(tcpKeepAliveCount >= 0 && tcpKeepAliveCount <= 127, "access.tcp-keep-alive-count", "must be 0..127",
                tcpKeepAliveCount);
        require(writeQueueMaxBytes >= 1024, "access.write-queue-max-bytes", "must be >= 1024", writeQueueMaxBytes);
        require(flushThresholdBytes >= 256 && flushThresholdBytes <= writeQueueMaxBytes, "access.flush-threshold-bytes",
                "must be 256..access.write-queue-max-bytes", flushThresholdBytes);
        require(socketSendBufferBytes >= 0, "access.socket-send-buffer-bytes", "must be >= 0", socketSendBufferBytes);
        requirePrefixes(internalPrefixes, "access.internal-prefixes");
        requirePrefixes(lastValuePrefixes, "access.last-value-prefixes");
        requirePrefixes(streamPrefixes, "access.stream-prefixes");
        requirePrefixes(routedPrefixes, "access.routed-prefixes");
        for (String lv : lastValuePrefixes) {
            for (String st : streamPrefixes) {
                require(!lv.startsWith(st) && !st.startsWith(lv), "access.stream-prefixes",
                        "overlaps access.last-value-prefixes entry '" + lv + "'", st);
            }
        }
        require(adminPrefix != null && !adminPrefix.isEmpty(), "access.admin-prefix", "must not be empty", adminPrefix);
        require(adminToken == null || !adminToken.isEmpty(), "access.admin-token", "must be absent or non-empty", "\"\"");
        require(maxSubscriptionsPerConnection >= 1, "access.max-subscriptions-per-connection", "must be >= 1",
                maxSubscriptionsPerConnection);
        require(rateLimitPerSecond > 0 && Double.isFinite(rateLimitPerSecond), "access.rate-limit-per-second", "must be > 0",
                rateLimitPerSecond);
        require(rateLimitBurst >= 1, "access.rate-limit-burst", "must be >= 1", rateLimitBurst);
        require(requestTimeoutMs >= 1, "access.request-timeout-ms", "must be >= 1", requestTimeoutMs);
        require(maxRequestTimeoutMs >= requestTimeoutMs, "access.max-request-timeout-ms", "must be >= access.request-timeout-ms",
                maxRequestTimeoutMs);
        require(maxInFlightRequestsPerConnection >= 1, "access.max-in-flight-requests-per-connection", "must be >= 1",
                maxInFlightRequestsPerConnection);
        require(slowConsumerPolicy != null, "access.slow-consumer-policy", "must be gap or disconnect", null);
        require(streamBacklogMaxFrames >= 1, "access.stream-backlog-max-frames", "must be >= 1", streamBacklogMaxFrames);
        require(controlBacklogMaxFrames >= 1, "access.control-backlog-max-frames", "must be >= 1", controlBacklogMaxFrames);
        require(lastValueCacheMaxEntries >= 0, "access.last-value-cache-max-entries", "must be >= 0", lastValueCacheMaxEntries);
        require(maxPendingServerRequestsPerConnection >= 1, "access.max-pending-server-requests-per-connection", "must be >= 1",
                maxPendingServerRequestsPerConnection);
    }

    /** The defaults; see {@link Builder} for each value. */
    public static BridgeServerOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.maxFrameSize = maxFrameSize;
        b.idleTimeoutMs = idleTimeoutMs;
        b.tcpKeepAlive = tcpKeepAlive;
        b.tcpKeepAliveIdleSeconds = tcpKeepAliveIdleSeconds;
        b.tcpKeepAliveIntervalSeconds = tcpKeepAliveIntervalSeconds;
        b.tcpKeepAliveCount = tcpKeepAliveCount;
        b.writeQueueMaxBytes = writeQueueMaxBytes;
        b.flushThresholdBytes = flushThresholdBytes;
        b.socketSendBufferBytes = socketSendBufferBytes;
        b.inboundPermits = inboundPermits;
        b.outboundPermits = outboundPermits;
        b.internalPrefixes = internalPrefixes;
        b.lastValuePrefixes = lastValuePrefixes;
        b.streamPrefixes = streamPrefixes;
        b.adminPrefix = adminPrefix;
        b.adminToken = adminToken;
        b.maxSubscriptionsPerConnection = maxSubscriptionsPerConnection;
        b.rateLimitPerSecond = rateLimitPerSecond;
        b.rateLimitBurst = rateLimitBurst;
        b.requestTimeoutMs = requestTimeoutMs;
        b.maxRequestTimeoutMs = maxRequestTimeoutMs;
        b.maxInFlightRequestsPerConnection = maxInFlightRequestsPerConnection;
        b.routedPrefixes = routedPrefixes;
        b.slowConsumerPolicy = slowConsumerPolicy;
        b.streamBacklogMaxFrames = streamBacklogMaxFrames;
        b.controlBacklogMaxFrames = controlBacklogMaxFrames;
        b.lastValueCacheMaxEntries = lastValueCacheMaxEntries;
        b.maxPendingServerRequestsPerConnection = maxPendingServerRequestsPerConnection;
        return b;
    }

    /**
     * Reads the {@code access} section (its {@code session} and {@code router} subsections are read by
     * {@code SessionOptions} and {@code RouterConfig}); absent keys keep their defaults. Permits are lists of
     * {@code {address = ..}} or {@code {address-regex = ..}} objects, as the stock bridge's {@code PermittedOptions}.
     */
    public static BridgeServerOptions from(Settings s) {
        BridgeServerOptions d = defaults();
        Builder b = builder()
                .host(s.string("host", d.host))
                .port(s.intValue("port", d.port, 0, 65535))
                .maxFrameSize(s.intValue("max-frame-size", d.maxFrameSize, 64, 16 << 20))
                .idleTimeoutMs(s.longValue("idle-timeout-ms", d.idleTimeoutMs, 0, Long.MAX_VALUE))
                .tcpKeepAlive(s.bool("tcp-keep-alive", d.tcpKeepAlive))
                .tcpKeepAliveIdleSeconds(s.intValue("tcp-keep-alive-idle-seconds", d.tcpKeepAliveIdleSeconds, 0, 32767))
                .tcpKeepAliveIntervalSeconds(s.intValue("tcp-keep-alive-interval-seconds", d.tcpKeepAliveIntervalSeconds,
                        0, 32767))
                .tcpKeepAliveCount(s.intValue("tcp-keep-alive-count", d.tcpKeepAliveCount, 0, 127))
                .writeQueueMaxBytes(s.intValue("write-queue-max-bytes", d.writeQueueMaxBytes, 1024, Integer.MAX_VALUE))
                .flushThresholdBytes(s.intValue("flush-threshold-bytes", d.flushThresholdBytes))
                .socketSendBufferBytes(s.intValue("socket-send-buffer-bytes", d.socketSendBufferBytes, 0, Integer.MAX_VALUE))
                .inboundPermits(permits(s, "inbound-permits", d.inboundPermits))
                .outboundPermits(permits(s, "outbound-permits", d.outboundPermits))
                .internalPrefixes(s.list("internal-prefixes", d.internalPrefixes))
                .lastValuePrefixes(s.list("last-value-prefixes", d.lastValuePrefixes))
                .streamPrefixes(s.list("stream-prefixes", d.streamPrefixes))
                .adminPrefix(s.string("admin-prefix", d.adminPrefix))
                .adminToken(s.string("admin-token", d.adminToken))
                .maxSubscriptionsPerConnection(s.intValue("max-subscriptions-per-connection",
                        d.maxSubscriptionsPerConnection, 1, Integer.MAX_VALUE))
                .rateLimitPerSecond(s.doubleValue("rate-limit-per-second", d.rateLimitPerSecond))
                .rateLimitBurst(s.intValue("rate-limit-burst", d.rateLimitBurst, 1, Integer.MAX_VALUE))
                .requestTimeoutMs(s.longValue("request-timeout-ms", d.requestTimeoutMs, 1, Long.MAX_VALUE))
                .maxRequestTimeoutMs(s.longValue("max-request-timeout-ms", d.maxRequestTimeoutMs))
                .maxInFlightRequestsPerConnection(s.intValue("max-in-flight-requests-per-connection",
                        d.maxInFlightRequestsPerConnection, 1, Integer.MAX_VALUE))
                .routedPrefixes(s.list("routed-prefixes", d.routedPrefixes))
                .slowConsumerPolicy(s.enumValue("slow-consumer-policy", d.slowConsumerPolicy, SlowConsumerPolicy.class))
                .streamBacklogMaxFrames(s.intValue("stream-backlog-max-frames", d.streamBacklogMaxFrames, 1, Integer.MAX_VALUE))
                .controlBacklogMaxFrames(s.intValue("control-backlog-max-frames", d.controlBacklogMaxFrames, 1,
                        Integer.MAX_VALUE))
                .lastValueCacheMaxEntries(s.intValue("last-value-cache-max-entries", d.lastValueCacheMaxEntries, 0,
                        Integer.MAX_VALUE))
                .maxPendingServerRequestsPerConnection(s.intValue("max-pending-server-requests-per-connection",
                        d.maxPendingServerRequestsPerConnection, 1, Integer.MAX_VALUE));
        return s.build(b::build);
    }

    /** Reads options from a verticle's deployment config: the {@code access} section's keys. */
    public static BridgeServerOptions fromJson(JsonObject json) {
        return from(com.quotebus.config.ConfigLoader.section("access", json));
    }

    /** True when clients may never reach {@code address}. */
    public boolean isInternal(String address) {
        return startsWithAny(address, internalPrefixes);
    }

    /** True for addresses where only the newest value matters. */
    public boolean isLastValue(String address) {
        return startsWithAny(address, lastValuePrefixes);
    }

    /** True for addresses where every message matters. */
    public boolean isStream(String address) {
        return startsWithAny(address, streamPrefixes);
    }

    static boolean startsWithAny(String address, List<String> prefixes) {
        for (int i = 0, n = prefixes.size(); i < n; i++) {
            if (address.startsWith(prefixes.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static List<AddressPermit> permits(Settings s, String key, List<AddressPermit> dflt) {
        if (!s.has(key)) {
            return dflt;
        }
        List<AddressPermit> out = new ArrayList<>();
        for (Settings p : s.objects(key)) {
            String address = p.string("address", null);
            String regex = p.string("address-regex", null);
            if ((address == null) == (regex == null)) {
                throw p.invalid("address", address, "exactly one of address, address-regex");
            }
            try {
                out.add(address != null ? AddressPermit.exact(address) : AddressPermit.regex(regex));
            } catch (IllegalArgumentException e) {
                throw p.invalid(address != null ? "address" : "address-regex", address != null ? address : regex,
                        "a valid address or regular expression (" + e.getMessage() + ")");
            }
        }
        return out;
    }

    private static <T> List<T> listOf(List<T> list, String key) {
        require(list != null && list.stream().allMatch(java.util.Objects::nonNull), key, "must be a list without nulls", list);
        return List.copyOf(list);
    }

    private static void requirePrefixes(List<String> prefixes, String key) {
        for (String p : prefixes) {
            require(p != null && !p.isEmpty(), key, "entries must be non-empty strings", prefixes);
        }
    }

    private static void require(boolean ok, String key, String reason, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(key + " " + reason + ", was " + value);
        }
    }

    /** Mutable builder; {@link #build()} validates. Defaults are listed on each field. */
    public static final class Builder {
        private String host = "0.0.0.0";
        private int port = 7000;
        private int maxFrameSize = 64 * 1024;
        private long idleTimeoutMs = 0;
        private boolean tcpKeepAlive = true;
        private int tcpKeepAliveIdleSeconds = 60;
        private int tcpKeepAliveIntervalSeconds = 10;
        private int tcpKeepAliveCount = 6;
        private int writeQueueMaxBytes = 256 * 1024;
        private int flushThresholdBytes = 16 * 1024;
        private int socketSendBufferBytes = 0;
        private List<AddressPermit> inboundPermits = List.of(AddressPermit.regex("svc\\..+"));
        private List<AddressPermit> outboundPermits =
                List.of(AddressPermit.regex("(quote|kline|minute|pricevol|tick)\\..+"));
        private List<String> internalPrefixes = List.of("internal.");
        private List<String> lastValuePrefixes = List.of("quote.", "kline.", "minute.", "pricevol.");
        private List<String> streamPrefixes = List.of("tick.");
        private String adminPrefix = "admin.";
        private String adminToken = null;
        private int maxSubscriptionsPerConnection = 2000;
        private double rateLimitPerSecond = 200;
        private int rateLimitBurst = 400;
        private long requestTimeoutMs = 2000;
        private long maxRequestTimeoutMs = 10_000;
        private int maxInFlightRequestsPerConnection = 256;
        private List<String> routedPrefixes = List.of("svc.");
        private SlowConsumerPolicy slowConsumerPolicy = SlowConsumerPolicy.GAP;
        private int streamBacklogMaxFrames = 1024;
        private int controlBacklogMaxFrames = 1024;
        private int lastValueCacheMaxEntries = 200_000;
        private int maxPendingServerRequestsPerConnection = 256;

        public Builder host(String v) { host = v; return this; }
        public Builder port(int v) { port = v; return this; }
        public Builder maxFrameSize(int v) { maxFrameSize = v; return this; }
        public Builder idleTimeoutMs(long v) { idleTimeoutMs = v; return this; }
        public Builder tcpKeepAlive(boolean v) { tcpKeepAlive = v; return this; }
        public Builder tcpKeepAliveIdleSeconds(int v) { tcpKeepAliveIdleSeconds = v; return this; }
        public Builder tcpKeepAliveIntervalSeconds(int v) { tcpKeepAliveIntervalSeconds = v; return this; }
        public Builder tcpKeepAliveCount(int v) { tcpKeepAliveCount = v; return this; }
        public Builder writeQueueMaxBytes(int v) { writeQueueMaxBytes = v; return this; }
        public Builder flushThresholdBytes(int v) { flushThresholdBytes = v; return this; }
        public Builder socketSendBufferBytes(int v) { socketSendBufferBytes = v; return this; }
        public Builder inboundPermits(List<AddressPermit> v) { inboundPermits = v; return this; }
        public Builder outboundPermits(List<AddressPermit> v) { outboundPermits = v; return this; }
        public Builder internalPrefixes(List<String> v) { internalPrefixes = v; return this; }
        public Builder lastValuePrefixes(List<String> v) { lastValuePrefixes = v; return this; }
        public Builder streamPrefixes(List<String> v) { streamPrefixes = v; return this; }
        public Builder adminPrefix(String v) { adminPrefix = v; return this; }
        public Builder adminToken(String v) { adminToken = v; return this; }
        public Builder maxSubscriptionsPerConnection(int v) { maxSubscriptionsPerConnection = v; return this; }
        public Builder rateLimitPerSecond(double v) { rateLimitPerSecond = v; return this; }
        public Builder rateLimitBurst(int v) { rateLimitBurst = v; return this; }
        public Builder requestTimeoutMs(long v) { requestTimeoutMs = v; return this; }
        public Builder maxRequestTimeoutMs(long v) { maxRequestTimeoutMs = v; return this; }
        public Builder maxInFlightRequestsPerConnection(int v) { maxInFlightRequestsPerConnection = v; return this; }
        public Builder routedPrefixes(List<String> v) { routedPrefixes = v; return this; }
        public Builder slowConsumerPolicy(SlowConsumerPolicy v) { slowConsumerPolicy = v; return this; }
        public Builder streamBacklogMaxFrames(int v) { streamBacklogMaxFrames = v; return this; }
        public Builder controlBacklogMaxFrames(int v) { controlBacklogMaxFrames = v; return this; }
        public Builder lastValueCacheMaxEntries(int v) { lastValueCacheMaxEntries = v; return this; }
        public Builder maxPendingServerRequestsPerConnection(int v) {
            maxPendingServerRequestsPerConnection = v;
            return this;
        }

        public BridgeServerOptions build() {
            return new BridgeServerOptions(host, port, maxFrameSize, idleTimeoutMs, tcpKeepAlive,
                    tcpKeepAliveIdleSeconds, tcpKeepAliveIntervalSeconds, tcpKeepAliveCount, writeQueueMaxBytes,
                    flushThresholdBytes, socketSendBufferBytes, inboundPermits, outboundPermits, internalPrefixes, lastValuePrefixes,
                    streamPrefixes, adminPrefix, adminToken, maxSubscriptionsPerConnection, rateLimitPerSecond,
                    rateLimitBurst, requestTimeoutMs, maxRequestTimeoutMs, maxInFlightRequestsPerConnection,
                    routedPrefixes, slowConsumerPolicy, streamBacklogMaxFrames, controlBacklogMaxFrames,
                    lastValueCacheMaxEntries, maxPendingServerRequestsPerConnection);
        }
    }
}
