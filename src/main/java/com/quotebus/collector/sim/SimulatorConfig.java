package com.quotebus.collector.sim;

import com.quotebus.config.Settings;
/**
 * What the market generator simulates. Checked once, at construction; a bad value fails with the key's name.
 *
 * @param seed               seed of every random choice; same seed and settings ⇒ the same market ({@code seed})
 * @param stocks             number of A-share symbols, 1..6000, spread over SH 600/601/688 and SZ 000/002/300
 *                           ({@code symbols})
 * @param futures            whether to add the futures {@code rb2605.SHF} (night session to 23:00) and
 *                           {@code IF2606.CFX} ({@code futures})
 * @param tradesPerSecond    total trades per second of market time over all symbols in continuous trading,
 *                           1..1,000,000; each trade comes with 1–2 orders, and changed symbols get a snapshot
 *                           every snapshot interval ({@code rate})
 * @param channels           number of feed channels, symbols assigned by hash, 1..64 ({@code channels})
 * @param snapshotIntervalMs snapshot cadence in market ms, a divisor of 60000 (SZSE: 3000) ({@code snapshot-interval-ms})
 * @param bookDepth          levels per book side, 5 or 10 ({@code book-depth})
 */
public record SimulatorConfig(long seed, int stocks, boolean futures, int tradesPerSecond, int channels,
        int snapshotIntervalMs, int bookDepth) {

    public static final SimulatorConfig DEFAULT = new SimulatorConfig(20250101L, 2000, true, 500, 4, 3000, 10);

    /** From the {@code simulator} section: keys as in the parameter list, missing keys take the defaults. */
    public static SimulatorConfig from(Settings c) {
        SimulatorConfig d = DEFAULT;
        return c.build(() -> new SimulatorConfig(c.longValue("seed", d.seed()), c.intValue("symbols", d.stocks()),
                c.bool("futures", d.futures()), c.intValue("rate", d.tradesPerSecond()),
                c.intValue("channels", d.channels()), c.intValue("snapshot-interval-ms", d.snapshotIntervalMs()),
                c.intValue("book-depth", d.bookDepth())));
    }

    public SimulatorConfig {
        require(stocks >= 1 && stocks <= 6000, "symbols", stocks, "1..6000");
        require(tradesPerSecond >= 1 && tradesPerSecond <= 1_000_000, "rate", tradesPerSecond, "1..1000000");
        require(channels >= 1 && channels <= 64, "channels", channels, "1..64");
        require(snapshotIntervalMs >= 100 && 60_000 % snapshotIntervalMs == 0, "snapshot-interval-ms",
                snapshotIntervalMs, "a divisor of 60000, at least 100");
        require(bookDepth == 5 || bookDepth == 10, "book-depth", bookDepth, "5 or 10");
    }

    private static void require(boolean ok, String key, long value, String range) {
        if (!ok) {
            throw new IllegalArgumentException("simulator." + key + " must be " + range + ", was " + value);
        }
    }

    public SimulatorConfig withStocks(int n) {
        return new SimulatorConfig(seed, n, futures, tradesPerSecond, channels, snapshotIntervalMs, bookDepth);
    }

    public SimulatorConfig withRate(int rate) {
        return new SimulatorConfig(seed, stocks, futures, rate, channels, snapshotIntervalMs, bookDepth);
    }

    public SimulatorConfig withSeed(long s) {
        return new SimulatorConfig(s, stocks, futures, tradesPerSecond, channels, snapshotIntervalMs, bookDepth);
    }
}
