package com.quotebus.calculator.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.core.event.Side;
import com.quotebus.core.event.Trade;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BarRingTest {
    private static Bar bar(int i) {
        return new Bar("600001.SH", Period.M1, LocalDate.parse("2025-03-10"), i * 60_000L - 60_000, i * 60_000L, 10 + i,
                20 + i, 5 + i, 15 + i, 100L * i, 1000L * i, 0, true);
    }

    @Test
    void aFullRingKeepsTheNewestBarsInOrderAfterGrowingAndWrapping() {
        BarRing ring = new BarRing("600001.SH", Period.M1, 40);
        List<Bar> all = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            all.add(bar(i));
            ring.add(bar(i));
        }
        assertThat(ring.size()).isEqualTo(40);
        assertThat(ring.latest(100, Long.MAX_VALUE)).isEqualTo(all.subList(60, 100));
        assertThat(ring.latest(5, 80 * 60_000L)).isEqualTo(all.subList(75, 80));
        assertThat(ring.oldestEnd()).isEqualTo(61 * 60_000L);
    }

    @Test
    void theTapePagesBackwardsBySequence() {
        TradeTape tape = new TradeTape("600001.SH", 50);
        for (int i = 1; i <= 120; i++) {
            tape.add(i, new Trade("600001.SH", i, 100, 100, 10_000, Side.BUY, 1, i, 0, 0, i, "t"));
        }
        assertThat(tape.size()).isEqualTo(50);
        assertThat(tape.oldestSeq()).isEqualTo(71);
        assertThat(tape.page(3, Long.MAX_VALUE)).extracting(TradeTape.Tick::seq).containsExactly(118L, 119L, 120L);
        assertThat(tape.page(3, 100)).extracting(TradeTape.Tick::seq).containsExactly(97L, 98L, 99L);
        assertThat(tape.page(10, 75)).extracting(TradeTape.Tick::seq).containsExactly(71L, 72L, 73L, 74L);
        tape.clear();
        assertThat(tape.page(3, Long.MAX_VALUE)).isEmpty();
    }
}
