package com.quotebus.testkit;

import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.time.TradingCalendar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A collector's stream of one day: synthetic trades and snapshots of instruments, interleaved, sequenced per code. */
public final class RecordedDay {
    private RecordedDay() {
    }

    /**
     * Every trade of {@link TestInstruments#PUFA} and {@link TestInstruments#PINGAN} (3 a minute) and every fifth
     * snapshot, in time order (a trade before a snapshot of the same time), with collector seqs 1, 2, 3… per code.
     */
    public static List<MarketEvent> twoStocks(LocalDate day, TradingCalendar calendar) {
        List<MarketEvent> events = new ArrayList<>();
        for (var inst : List.of(TestInstruments.PUFA, TestInstruments.PINGAN)) {
            SyntheticDay d = SyntheticDay.generate(inst, day, calendar, inst.code().hashCode(), 3);
            for (int i = 0; i < d.trades.size(); i++) {
                events.add(d.trades.get(i));
                if (i % 5 == 4) {
                    events.add(d.snapshots.get(i));
                }
            }
        }
        events.sort(Comparator.comparingLong(MarketEvent::exchangeTime)
                .thenComparing(e -> e instanceof Snapshot ? 1 : 0));
        Map<String, Long> seq = new HashMap<>();
        List<MarketEvent> out = new ArrayList<>();
        for (MarketEvent e : events) {
            long s = seq.merge(e.code(), 1L, Long::sum);
            out.add(e instanceof Trade t ? t.withSequencing(s, "a") : ((Snapshot) e).withSequencing(s, "a"));
        }
        return out;
    }
}
