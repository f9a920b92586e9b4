package com.quotebus.client;

import java.time.Duration;
import java.util.List;

/**
 * How a {@link QuotebusClient} connects. Checked once when built; a bad value fails naming the field.
 *
 * @param endpoints             access gateways, tried in order and in rotation on reconnect (at least one)
 * @param requestTimeout        default deadline of a request (queries, admin), also sent to the gateway as
 *                              the {@code timeout} header; 2 s
 * @param connectTimeout        TCP connect timeout per attempt; 2 s
 * @param reconnectInitialDelay first reconnect delay, doubled per failed attempt; 100 ms
 * @param reconnectMaxDelay     cap of the reconnect delay; 5 s
 * @param jitterSeed            seed of the reconnect jitter (tests fix it; by default it differs per client)
 * @param heartbeatInterval     a ping is sent this often; a connection silent for 3 intervals is dropped; 5 s
 * @param maxFrameSize          largest frame accepted from the gateway (replies of 1000 bars are ~60 kB); 16 MiB
 * @param fillPageSize          ticks fetched per {@code svc.ticks} gap fill (the service's maximum is 1000)
 * @param holdMaxMessages       pushes of one address held while its gap is being filled; beyond it the
 *                              oldest held are dropped (and fetched again by the next fill)
 */
public record ClientOptions(List<Endpoint> endpoints, Duration requestTimeout, Duration connectTimeout,
                            Duration reconnectInitialDelay, Duration reconnectMaxDelay, long jitterSeed,
                            Duration heartbeatInterval, int maxFrameSize, int fillPageSize, int holdMaxMessages) {
    public ClientOptions {
        endpoints = List.copyOf(endpoints);
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("endpoints: at least one gateway host:port is needed");
        }
        positive(requestTimeout, "requestTimeout");
        positive(connectTimeout, "connectTimeout");
        positive(reconnectInitialDelay, "reconnectInitialDelay");
        positive(reconnectMaxDelay, "reconnectMaxDelay");
        positive(heartbeatInterval, "heartbeatInterval");
        if (reconnectMaxDelay.compareTo(reconnectInitialDelay) < 0) {
            throw new IllegalArgumentException("reconnectMaxDelay must be >= reconnectInitialDelay");
        }
        if (maxFrameSize < 1024) {
            throw new IllegalArgumentException("maxFrameSize must be >= 1024, was " + maxFrameSize);
        }
        if (fillPageSize < 1 || fillPageSize > 1000) {
            throw new IllegalArgumentException("fillPageSize must be 1..1000, was " + fillPageSize);
        }
        if (holdMaxMessages < 1) {
            throw new IllegalArgumentException("holdMaxMessages must be >= 1, was " + holdMaxMessages);
        }
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, was " + d);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options with defaults for the given gateways ({@code host:port} texts). */
    public static ClientOptions of(String... endpoints) {
        Builder b = builder();
        for (String e : endpoints) {
            b.endpoint(Endpoint.parse(e));
        }
        return b.build();
    }

    public static final class Builder {
        private final java.util.ArrayList<Endpoint> endpoints = new java.util.ArrayList<>();
        private Duration requestTimeout = Duration.ofSeconds(2);
        private Duration connectTimeout = Duration.ofSeconds(2);
        private Duration reconnectInitialDelay = Duration.ofMillis(100);
        private Duration reconnectMaxDelay = Duration.ofSeconds(5);
        private long jitterSeed = System.nanoTime();
        private Duration heartbeatInterval = Duration.ofSeconds(5);
        private int maxFrameSize = 16 << 20;
        private int fillPageSize = 1000;
        private int holdMaxMessages = 10_000;

        public Builder endpoint(Endpoint e) { endpoints.add(e); return this; }
        public Builder endpoint(String host, int port) { return endpoint(new Endpoint(host, port)); }
        public Builder endpoints(List<Endpoint> list) { endpoints.addAll(list); return this; }
        public Builder requestTimeout(Duration d) { requestTimeout = d; return this; }
        public Builder connectTimeout(Duration d) { connectTimeout = d; return this; }
        public Builder reconnectInitialDelay(Duration d) { reconnectInitialDelay = d; return this; }
        public Builder reconnectMaxDelay(Duration d) { reconnectMaxDelay = d; return this; }
        public Builder jitterSeed(long s) { jitterSeed = s; return this; }
        public Builder heartbeatInterval(Duration d) { heartbeatInterval = d; return this; }
        public Builder maxFrameSize(int n) { maxFrameSize = n; return this; }
        public Builder fillPageSize(int n) { fillPageSize = n; return this; }
        public Builder holdMaxMessages(int n) { holdMaxMessages = n; return this; }

        public ClientOptions build() {
            return new ClientOptions(endpoints, requestTimeout, connectTimeout, reconnectInitialDelay,
                    reconnectMaxDelay, jitterSeed, heartbeatInterval, maxFrameSize, fillPageSize, holdMaxMessages);
        }
    }
}
