package com.quotebus.app;

import com.quotebus.access.bridge.BridgeMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/**
 * The gateway's counters as Prometheus meters ({@code quotebus_gateway_*}): connections, subscriptions,
 * frames and bytes in/out, conflated and dropped frames, gap markers, requests, pushes dropped as replicas'
 * duplicates, and err frames by code.
 */
final class GatewayMeters {
    private GatewayMeters() {}

    static void bind(MeterRegistry registry, BridgeMetrics metrics) {
        gauge(registry, "quotebus.gateway.connections", "open client connections", metrics,
                m -> m.snapshot().connectionsActive());
        gauge(registry, "quotebus.gateway.subscriptions", "client subscriptions (connection x address)", metrics,
                m -> m.snapshot().subscriptions());
        gauge(registry, "quotebus.gateway.consumers", "event-bus consumers (one per subscribed address)", metrics,
                m -> m.snapshot().consumers());
        counter(registry, "quotebus.gateway.connections.opened", "accepted connections", metrics,
                m -> m.snapshot().connectionsOpened());
        counter(registry, "quotebus.gateway.frames.in", "client frames decoded", metrics, m -> m.snapshot().framesIn());
        counter(registry, "quotebus.gateway.bytes.in", "client bytes decoded", metrics, m -> m.snapshot().bytesIn());
        counter(registry, "quotebus.gateway.frames.out", "frames queued to clients", metrics,
                m -> m.snapshot().framesOut());
        counter(registry, "quotebus.gateway.bytes.out", "bytes queued to clients", metrics, m -> m.snapshot().bytesOut());
        counter(registry, "quotebus.gateway.socket.writes", "socket writes (coalesced frames)", metrics,
                m -> m.snapshot().socketWrites());
        counter(registry, "quotebus.gateway.bus.messages", "event-bus messages received for clients", metrics,
                m -> m.snapshot().messagesFromBus());
        counter(registry, "quotebus.gateway.conflated", "last-value frames replaced for slow clients", metrics,
                m -> m.snapshot().conflated());
        counter(registry, "quotebus.gateway.dropped", "stream frames dropped for slow clients", metrics,
                m -> m.snapshot().dropped());
        counter(registry, "quotebus.gateway.gap.markers", "gap markers sent", metrics, m -> m.snapshot().gapMarkers());
        counter(registry, "quotebus.gateway.requests", "client requests forwarded", metrics,
                m -> m.snapshot().requests());
        counter(registry, "quotebus.gateway.request.failures", "client requests answered with a failure", metrics,
                m -> m.snapshot().requestFailures());
        counter(registry, "quotebus.gateway.push.duplicates.dropped",
                "published pushes dropped as duplicates (the same address and seq arrived first from another replica)",
                metrics, m -> m.snapshot().pushDuplicates());
        counter(registry, "quotebus.gateway.push.held",
                "stream pushes held until the seqs before them arrived from another replica (kept in order)",
                metrics, m -> m.snapshot().pushesHeld());
        counter(registry, "quotebus.gateway.push.holds.expired",
                "stream push holds that ended with seqs still missing (subscribers see a gap)",
                metrics, m -> m.snapshot().pushHoldsExpired());
        for (var code : com.quotebus.access.bridge.frame.ErrorCode.values()) {
            FunctionCounter.builder("quotebus.gateway.errors", metrics, m -> m.snapshot().errors(code))
                    .description("err frames sent, by code").tag("code", code.name().toLowerCase())
                    .register(registry);
        }
    }

    private static void gauge(MeterRegistry r, String name, String help, BridgeMetrics m,
                              ToDoubleFunction<BridgeMetrics> f) {
        Gauge.builder(name, m, f).description(help).register(r);
    }

    private static void counter(MeterRegistry r, String name, String help, BridgeMetrics m,
                                ToDoubleFunction<BridgeMetrics> f) {
        FunctionCounter.builder(name, m, f).description(help).register(r);
    }
}
