package com.quotebus.access.bridge;

import com.quotebus.access.bridge.frame.ErrorCode;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one gateway node, shared by its bridge servers and hub; updated from several event
 * loops (hence {@link LongAdder}). {@link #snapshot()} gives a consistent-enough copy for export
 * (the integrator binds it to Prometheus).
 */
public final class BridgeMetrics {
    final LongAdder connectionsOpened = new LongAdder();
    final LongAdder connectionsClosed = new LongAdder();
    final LongAdder subscriptions = new LongAdder();
    final LongAdder consumers = new LongAdder();
    final LongAdder framesIn = new LongAdder();
    final LongAdder bytesIn = new LongAdder();
    final LongAdder framesOut = new LongAdder();
    final LongAdder bytesOut = new LongAdder();
    final LongAdder socketWrites = new LongAdder();
    final LongAdder messagesFromBus = new LongAdder();
    final LongAdder conflated = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder gapMarkers = new LongAdder();
    final LongAdder requests = new LongAdder();
    final LongAdder requestFailures = new LongAdder();
    final LongAdder encodeFailures = new LongAdder();
    final LongAdder pushDuplicates = new LongAdder();
    final LongAdder pushesHeld = new LongAdder();
    final LongAdder pushHoldsExpired = new LongAdder();
    private final Map<ErrorCode, LongAdder> errors = new EnumMap<>(ErrorCode.class);

    public BridgeMetrics() {
        for (ErrorCode code : ErrorCode.values()) {
            errors.put(code, new LongAdder());
        }
    }

    void error(ErrorCode code) {
        errors.get(code).increment();
    }

    /**
     * @param connectionsOpened  accepted connections since start
     * @param connectionsActive  open connections now
     * @param subscriptions      client subscriptions (connection × address) now
     * @param consumers          event-bus consumers of the hub now (one per subscribed address)
     * @param framesIn           client frames decoded
     * @param bytesIn            client bytes decoded, length prefixes included
     * @param framesOut          frames queued to clients
     * @param bytesOut           bytes queued to clients
     * @param socketWrites       socket writes (each carries one or more coalesced frames)
     * @param messagesFromBus    event-bus messages received by the hub
     * @param conflated          last-value frames replaced by a newer one for a backed-up client
     * @param dropped            stream frames dropped for a backed-up client
     * @param gapMarkers         gap markers sent
     * @param requests           client requests forwarded
     * @param requestFailures    client requests answered with a failure
     * @param encodeFailures     bus messages whose body could not be written as JSON (not delivered)
     * @param pushDuplicates     published pushes not delivered because the same push (address, seq) arrived
     *                           before from another publisher, or of a trading day already over (replicas)
     * @param pushesHeld         stream pushes held until the seqs before them arrived from another replica
     * @param pushHoldsExpired   holds that ended with seqs still missing (the subscribers see a gap)
     * @param errors             err frames sent, by code
     */
    public record Snapshot(long connectionsOpened, long connectionsActive, long subscriptions, long consumers,
                           long framesIn, long bytesIn, long framesOut, long bytesOut, long socketWrites,
                           long messagesFromBus, long conflated, long dropped, long gapMarkers, long requests,
                           long requestFailures, long encodeFailures, long pushDuplicates, long pushesHeld,
                           long pushHoldsExpired, Map<ErrorCode, Long> errors) {
        public long errors(ErrorCode code) {
            return errors.getOrDefault(code, 0L);
        }
    }

    public Snapshot snapshot() {
        Map<ErrorCode, Long> errs = new EnumMap<>(ErrorCode.class);
        errors.forEach((code, adder) -> errs.put(code, adder.sum()));
        long opened = connectionsOpened.sum();
        return new Snapshot(opened, opened - connectionsClosed.sum(), subscriptions.sum(), consumers.sum(),
                framesIn.sum(), bytesIn.sum(), framesOut.sum(), bytesOut.sum(), socketWrites.sum(),
                messagesFromBus.sum(), conflated.sum(), dropped.sum(), gapMarkers.sum(), requests.sum(),
                requestFailures.sum(), encodeFailures.sum(), pushDuplicates.sum(), pushesHeld.sum(),
                pushHoldsExpired.sum(), Map.copyOf(errs));
    }
}
