package com.quotebus.calculator.history;

import com.quotebus.core.event.Side;
import com.quotebus.core.event.Trade;
import java.util.ArrayList;
import java.util.List;

/**
 * The most recent trades (逐笔) of one code, in a bounded ring of primitive columns, each with its
 * per-code tick sequence (1, 2, 3 … per trading day — the {@code seq} of {@code tick.<code>} pushes).
 * Not thread-safe.
 */
public final class TradeTape {
    private static final int W = 7; // tickSeq time price qty amount side channelSeq
    private final String code;
    private final LongRows rows;

    public TradeTape(String code, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("trade tape capacity must be > 0, was " + capacity);
        }
        this.code = code;
        this.rows = new LongRows(W, capacity, 32);
    }

    public int size() {
        return rows.size();
    }

    public void clear() {
        rows.clear();
    }

    public void add(long tickSeq, Trade t) {
        int o = rows.append();
        long[] data = rows.data();
        data[o] = tickSeq;
        data[o + 1] = t.exchangeTime();
        data[o + 2] = t.price();
        data[o + 3] = t.quantity();
        data[o + 4] = t.amount();
        data[o + 5] = t.side().flag();
        data[o + 6] = t.channelSeq();
    }

    /** One recorded trade. */
    public record Tick(long seq, long time, long price, long quantity, long amount, Side side, long channelSeq) {}

    private Tick at(int i) {
        int o = rows.offset(i);
        long[] data = rows.data();
        return new Tick(data[o], data[o + 1], data[o + 2], data[o + 3], data[o + 4], Side.ofFlag((char) data[o + 5]),
                data[o + 6]);
    }

    /** Up to {@code count} trades with {@code seq < beforeSeq}, oldest first. */
    public List<Tick> page(int count, long beforeSeq) {
        int hi = rows.size() - 1;
        while (hi >= 0 && at(hi).seq() >= beforeSeq) {
            hi--;
        }
        int lo = Math.max(0, hi - count + 1);
        List<Tick> out = new ArrayList<>();
        for (int i = lo; i <= hi; i++) {
            out.add(at(i));
        }
        return out;
    }

    /** Sequence of the oldest trade held (older ones are no longer in memory), 0 when empty. */
    public long oldestSeq() {
        return rows.size() == 0 ? 0 : at(0).seq();
    }

    public String code() {
        return code;
    }
}
