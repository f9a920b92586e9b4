package com.quotebus.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.core.kline.Bar;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code evaluate} on a bar in progress agrees with committing it, and leaves no trace. */
class InProgressEvaluationTest {
    private static final List<Bar> BARS = RandomBars.generate(77L, 260, 20.0);

    static List<String> names() {
        return Indicators.names();
    }

    /** A partial version of {@code bar}: a different close inside a range that may exceed the final one. */
    private static Bar inProgress(Bar bar, SplittableRandom random) {
        long close = Math.max(100, bar.close() + (random.nextLong(41) - 20) * 100);
        long high = Math.max(bar.open(), close) + random.nextLong(5) * 100;
        long low = Math.max(100, Math.min(bar.open(), close) - random.nextLong(5) * 100);
        return new Bar(bar.code(), bar.period(), bar.tradingDay(), bar.start(), bar.end(), bar.open(), high, low, close,
                bar.volume() / 2, bar.turnover() / 2, 0, false);
    }

    @ParameterizedTest
    @MethodSource("names")
    void evaluatingABarInProgressEqualsCommittingItOnACopy(String name) {
        SplittableRandom random = new SplittableRandom(5);
        Indicator live = Indicators.create(name);
        int width = live.outputs().length;
        double[] evaluated = new double[width];
        double[] committed = new double[width];
        for (int i = 0; i < BARS.size(); i++) {
            Bar partial = inProgress(BARS.get(i), random);
            live.evaluate(partial, evaluated);
            Indicator copy = Indicators.create(name);
            for (int j = 0; j < i; j++) {
                copy.commit(BARS.get(j));
            }
            copy.commit(partial);
            copy.values(committed);
            assertThat(evaluated).as("%s bar %d", name, i).containsExactly(committed);
            live.commit(BARS.get(i));
        }
    }

    @ParameterizedTest
    @MethodSource("names")
    void evaluatingBarsInProgressDoesNotChangeCommittedValues(String name) {
        SplittableRandom random = new SplittableRandom(9);
        Indicator streamed = Indicators.create(name);
        Indicator plain = Indicators.create(name);
        int width = plain.outputs().length;
        double[] scratch = new double[width];
        List<double[]> streamedValues = new ArrayList<>();
        List<double[]> plainValues = new ArrayList<>();
        for (Bar bar : BARS) {
            for (int update = 0; update < 5; update++) {
                streamed.evaluate(inProgress(bar, random), scratch);
            }
            streamed.commit(bar);
            plain.commit(bar);
            double[] a = new double[width];
            double[] b = new double[width];
            streamed.values(a);
            plain.values(b);
            streamedValues.add(a);
            plainValues.add(b);
        }
        assertThat(streamedValues).as(name).containsExactlyElementsOf(plainValues);
        assertThat(streamed.committed()).isEqualTo(BARS.size());
    }
}
