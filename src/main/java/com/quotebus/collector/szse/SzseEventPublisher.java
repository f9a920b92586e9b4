package com.quotebus.collector.szse;

import com.quotebus.collector.sim.MarketGenerator;
import com.quotebus.collector.sim.SimListener;
import com.quotebus.collector.sim.SimOrder;
import com.quotebus.core.event.Side;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;

/**
 * Encodes the simulator's events as SZSE Binary frames (300111, 300191, 300192) and channel heartbeats
 * (390095), remembering the last ApplSeqNum sent per channel. Plain Java; the caller takes the bytes with
 * {@link #encoder()} and clears them. Not thread-safe.
 */
public final class SzseEventPublisher implements SimListener {
    private final SzseEncoder encoder = new SzseEncoder(64 * 1024);
    private final long[] lastSeq;

    /** @param channels channel numbers are 1..channels */
    public SzseEventPublisher(int channels) {
        this.lastSeq = new long[channels + 1];
    }

    public SzseEncoder encoder() {
        return encoder;
    }

    @Override
    public void onOrder(SimOrder o) {
        encoder.order(o.channel(), o.channelSeq(), o.code(), o.price(), o.quantity() * SzseLayout.QTY_PER_UNIT,
                o.side() == Side.BUY ? '1' : '2', SzseTime.fromEpochMillis(o.exchangeTime()), '2');
        lastSeq[o.channel()] = o.channelSeq();
    }

    @Override
    public void onTrade(Trade t) {
        encoder.trade(t);
        lastSeq[t.channel()] = t.channelSeq();
    }

    @Override
    public void onSnapshot(Snapshot s) {
        encoder.snapshot(s);
    }

    /** One 390095 per channel with the last sequence sent on it. */
    public void channelHeartbeats() {
        for (int ch = 1; ch < lastSeq.length; ch++) {
            encoder.channelHeartbeat(ch, lastSeq[ch], false);
        }
    }

    /**
     * Continues from the generator's channel sequences (a market started, or resumed, after its day began), so
     * that channel heartbeats announce where each channel stands before its next message.
     */
    public void continueFrom(MarketGenerator generator) {
        for (int ch = 1; ch < lastSeq.length; ch++) {
            lastSeq[ch] = generator.lastChannelSeq(ch);
        }
    }

    /** A new trading day restarts the sequences at 1. */
    public void resetSequences() {
        java.util.Arrays.fill(lastSeq, 0);
    }

    public long lastSeq(int channel) {
        return lastSeq[channel];
    }
}
