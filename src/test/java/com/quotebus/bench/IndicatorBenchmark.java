package com.quotebus.bench;

import com.quotebus.core.indicator.Indicator;
import com.quotebus.core.indicator.Indicators;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Cost of one indicator update with default parameters: {@code commit} of a closed bar and
 * {@code evaluate} of a bar in progress. Run with {@code -prof gc} to see that neither allocates.
 * See docs/benchmarks.md for how to run and the figures measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
@State(Scope.Thread)
public class IndicatorBenchmark {
    private static final int BARS = 4096;

    @Param({"MA", "EMA", "MACD", "KDJ", "RSI", "BOLL", "VOL", "BIAS", "WR", "CCI", "ATR", "OBV", "DMI", "SAR"})
    public String name;

    private Indicator indicator;
    private Bar[] bars;
    private double[] out;
    private int next;

    @Setup
    public void setup() {
        SplittableRandom random = new SplittableRandom(1);
        bars = new Bar[BARS];
        long close = 100_000;
        for (int i = 0; i < BARS; i++) {
            long open = Math.max(100, close + (random.nextLong(41) - 20) * 100);
            long c = Math.max(100, open + (random.nextLong(81) - 40) * 100);
            long high = Math.max(open, c) + random.nextLong(30) * 100;
            long low = Math.max(100, Math.min(open, c) - random.nextLong(30) * 100);
            bars[i] = new Bar("600000.SH", Period.M1, LocalDate.of(2024, 1, 2), i * 60_000L, (i + 1) * 60_000L, open,
                    high, low, c, 100 * (1 + random.nextLong(1000)), 0, 0, true);
            close = c;
        }
        indicator = Indicators.create(name);
        out = new double[indicator.outputs().length];
        for (Bar b : bars) {
            indicator.commit(b);
        }
    }

    private Bar nextBar() {
        Bar b = bars[next];
        next = (next + 1) & (BARS - 1);
        return b;
    }

    @Benchmark
    public double commit() {
        indicator.commit(nextBar());
        indicator.values(out);
        return out[0];
    }

    @Benchmark
    public double evaluate() {
        indicator.evaluate(nextBar(), out);
        return out[0];
    }
}
