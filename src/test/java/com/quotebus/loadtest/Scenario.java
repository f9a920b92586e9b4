package com.quotebus.loadtest;

/**
 * One load-test run against a fresh server JVM.
 *
 * @param name          short id (file names, report rows)
 * @param kind          what is measured
 * @param connections   client connections
 * @param eventLoops    server event loops (gateway instances)
 * @param rate          per-connection send rate (senders), or per-address publish rate (fan-out)
 * @param addresses     published addresses (fan-out); connections are spread over them
 * @param warmupMs      traffic before the measured window
 * @param measureMs     measured window
 * @param prefixes      fan-out: per published event one message on each {@code prefix + address index} (e.g. the
 *                      tick, quote and bar update of one trade), and each client subscribes to all of them
 */
record Scenario(String name, Kind kind, int connections, int eventLoops, double rate, int addresses,
                long warmupMs, long measureMs, java.util.List<String> prefixes) {

    Scenario(String name, Kind kind, int connections, int eventLoops, double rate, int addresses, long warmupMs,
             long measureMs) {
        this(name, kind, connections, eventLoops, rate, addresses, warmupMs, measureMs, java.util.List.of("tick."));
    }

    enum Kind {
        /** Clients subscribed, publisher fan-out: deliveries per second, tick→client latency. */
        FANOUT("subscribe"),
        /** Clients publish to an address nobody consumes: the gateway receives and decodes. */
        RECEIVE("publish"),
        /** Clients send to a counting service on the event bus. */
        FORWARD("send"),
        /** Clients request, the echo service replies (plain event-bus request: the gateway's own path). */
        REQUEST("request"),
        /**
         * Clients request {@code svc.echo} through the {@code ServiceRouter}, as a node routes {@code svc.*}: two
         * registered echo instances, round-robin, retries and metrics on (the production request path).
         */
        ROUTED_REQUEST("request");

        final String mode;

        Kind(String mode) {
            this.mode = mode;
        }
    }

    /** Messages offered per second (deliveries for fan-out). */
    double offeredRate() {
        return kind == Kind.FANOUT ? rate * connections * prefixes.size() : rate * connections;
    }

    /** Publishes per second (fan-out). */
    double publishRate() {
        return rate * addresses * prefixes.size();
    }
}
