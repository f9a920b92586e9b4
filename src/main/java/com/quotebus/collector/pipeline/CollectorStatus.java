package com.quotebus.collector.pipeline;

import java.util.List;

/**
 * A change in the health of the collected stream, published for operators and consumers.
 *
 * @param kind     what happened
 * @param time     collector clock, epoch ms
 * @param source   the source concerned ({@code SOURCE_DOWN}/{@code SOURCE_UP}), else empty
 * @param channel  the channel ({@code GAP}), else 0
 * @param fromSeq  first lost channel sequence ({@code GAP}), else 0
 * @param toSeq    last lost channel sequence ({@code GAP}), else 0
 * @param codes    symbols concerned ({@code STALE}: now stale; {@code FRESH}: whole again), sorted
 * @param reason   readable cause
 */
public record CollectorStatus(Kind kind, long time, String source, int channel, long fromSeq, long toSeq,
        List<String> codes, String reason) {
    public enum Kind { GAP, STALE, FRESH, SOURCE_DOWN, SOURCE_UP, LEADER, STANDBY }

    public CollectorStatus {
        codes = List.copyOf(codes);
    }
}
