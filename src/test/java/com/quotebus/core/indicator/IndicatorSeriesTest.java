package com.quotebus.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quotebus.core.kline.Bar;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorSeriesTest {
    private static final List<Bar> BARS = RandomBars.generate(3, 30, 10);

    private static Bar open(Bar b) {
        return new Bar(b.code(), b.period(), b.tradingDay(), b.start(), b.end(), b.open(), b.high(), b.low(),
                b.close(), b.volume(), b.turnover(), b.openInterest(), false);
    }

    @Test
    void aTrailingBarInProgressIsEvaluatedLikeAClosedOne() {
        List<Bar> streaming = new ArrayList<>(BARS);
        streaming.set(BARS.size() - 1, open(BARS.get(BARS.size() - 1)));
        IndicatorSeries withOpenBar = IndicatorSeries.compute(Indicators.create("KDJ"), streaming);
        IndicatorSeries allClosed = IndicatorSeries.compute(Indicators.create("KDJ"), BARS);
        assertThat(withOpenBar).isEqualTo(allClosed);
        assertThat(withOpenBar.spec()).isEqualTo("KDJ(9,3,3)");
        assertThat(withOpenBar.ends()).containsExactly(BARS.stream().mapToLong(Bar::end).toArray());
        assertThat(withOpenBar.values()).hasDimensions(3, 30);
    }

    @Test
    void aBarInProgressBeforeTheLastIsRejected() {
        List<Bar> bars = new ArrayList<>(BARS);
        bars.set(5, open(bars.get(5)));
        assertThatThrownBy(() -> IndicatorSeries.compute(Indicators.create("MA"), bars))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bar 5 (end " + bars.get(5).end() + ") is in progress; only the last bar may be");
    }

    @Test
    void barsOutOfOrderAreRejected() {
        List<Bar> bars = new ArrayList<>(BARS);
        bars.set(3, BARS.get(2));
        assertThatThrownBy(() -> IndicatorSeries.compute(Indicators.create("MA"), bars))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bar 3 ends at");
    }

    @Test
    void anIndicatorThatHasSeenBarsIsRejected() {
        Indicator ma = Indicators.create("MA");
        ma.commit(BARS.get(0));
        assertThatThrownBy(() -> IndicatorSeries.compute(ma, BARS)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MA(5,10,20,60) has already committed 1 bars; a series needs a fresh indicator");
    }

    @Test
    void unknownOutputColumnsAreRejected() {
        IndicatorSeries s = IndicatorSeries.compute(Indicators.create("BOLL"), BARS);
        assertThatThrownBy(() -> s.column("MID")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BOLL(20,2) has no output 'MID' (has BOLL UB LB)");
    }
}
