package com.quotebus.core.market;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.core.event.BookSide;
import com.quotebus.core.event.Side;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.event.TradingPhase;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingSchedules;
import com.quotebus.testkit.TestInstruments;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** End-of-day reconciliation against the exchange's final snapshot, driven through the market state. */
class DayReconciliationTest {
    private static final LocalDate DAY = LocalDate.parse("2025-03-10");
    private final List<DayReconciliation> results = new ArrayList<>();
    private final MarketState market = new MarketState(new TradingSchedules(TradingCalendar.loadDefault()),
            BarSource.TRADES, 2_000, new MarketListener() {
                @Override
                public void onDayReconciled(SymbolState state, DayReconciliation result) {
                    results.add(result);
                }
            });
    private long seq;

    DayReconciliationTest() {
        market.addInstrument(TestInstruments.PUFA);
    }

    private static long at(String time) {
        return ChinaTime.epochMillis(LocalDateTime.parse("2025-03-10T" + time));
    }

    private void snapshot(String time, long last, long volume, long turnover) {
        market.apply(new Snapshot("600000.SH", at(time), TradingPhase.CONTINUOUS, 100_000, 100_000, 101_000, 99_000,
                last, volume, turnover, 1, 0, 0, 0, 0, 0, BookSide.EMPTY, BookSide.EMPTY, 0, 0, ++seq, "t"));
    }

    private void trade(String time, long price, long qty) {
        market.apply(new Trade("600000.SH", at(time), price, qty, price * qty, Side.BUY, 1, ++seq, 0, 0, seq, "t"));
    }

    @Test
    void aDayWhoseTradesAddUpToTheClosingSnapshotReconcilesClean() {
        snapshot("09:15:00", 0, 0, 0);
        trade("09:31:00", 100_000, 300);
        trade("15:00:00", 100_500, 200); // the closing-auction print
        snapshot("15:00:00", 100_500, 500, 100_000L * 300 + 100_500L * 200);
        market.advanceTo(at("15:00:03"));
        assertThat(results).containsExactly(new DayReconciliation("600000.SH", DAY, true, List.of()));
    }

    @Test
    void aMissingPrintAndAWrongCloseAreEachReportedWithTheirNumbers() {
        snapshot("09:15:00", 0, 0, 0);
        trade("09:31:00", 100_000, 300);
        snapshot("15:00:00", 100_500, 500, 100_000L * 300 + 100_500L * 200); // the exchange saw a 15:00 print
        market.advanceTo(at("15:00:03"));
        assertThat(results).singleElement().satisfies(r -> assertThat(r.mismatches()).containsExactly(
                new DayReconciliation.Mismatch(DayReconciliation.Check.BAR_VOLUME, 300, 500),
                new DayReconciliation.Mismatch(DayReconciliation.Check.BAR_TURNOVER, 30_000_000, 50_100_000),
                new DayReconciliation.Mismatch(DayReconciliation.Check.MINUTE_VOLUME, 300, 500),
                new DayReconciliation.Mismatch(DayReconciliation.Check.PRICE_VOLUME, 300, 500),
                new DayReconciliation.Mismatch(DayReconciliation.Check.CLOSE, 100_000, 100_500)));
    }

    @Test
    void aDayJoinedAfterTheExchangeHadTradedIsIncompleteNotAMismatch() {
        snapshot("10:00:00", 100_000, 10_000, 1_000_000_000); // the first snapshot seen: 10,000 already traded
        trade("10:00:30", 100_000, 300);
        snapshot("15:00:00", 100_000, 10_300, 1_030_000_000);
        market.advanceTo(at("15:00:03"));
        assertThat(results).containsExactly(new DayReconciliation("600000.SH", DAY, false, List.of()));
    }
}
