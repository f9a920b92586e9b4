package com.quotebus.core.market;

import com.quotebus.core.event.Snapshot;
import com.quotebus.core.kline.BarAccumulator;
import com.quotebus.core.kline.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * End-of-day reconciliation of one symbol: when its day closes, what the calculator built from the trades (the
 * day bar, the 分时 total, the 分价 total) is checked against the exchange's own final figures in the day's last
 * snapshot (cumulative volume and turnover), and the day bar's close against the snapshot's last price (the
 * closing-auction print for A-shares). In a correct run every list is empty. Plain value; see
 * {@link MarketListener#onDayReconciled}.
 *
 * @param code       the symbol
 * @param tradingDay the day reconciled
 * @param wholeDay   false when the calculator joined the day after its first events (started mid-day with no
 *                   journal to rebuild from): its totals cannot match and are not checked
 * @param mismatches what differed, one entry per check that failed (empty when not {@code wholeDay})
 */
public record DayReconciliation(String code, LocalDate tradingDay, boolean wholeDay, List<Mismatch> mismatches) {
    /** One check. */
    public enum Check {
        /** Day bar volume vs the snapshot's cumulative volume. */
        BAR_VOLUME,
        /** Day bar turnover vs the snapshot's cumulative turnover. */
        BAR_TURNOVER,
        /** 分时 day volume vs the snapshot's cumulative volume. */
        MINUTE_VOLUME,
        /** 分价 day volume vs the snapshot's cumulative volume. */
        PRICE_VOLUME,
        /** Day bar close vs the snapshot's last price (the closing print). */
        CLOSE
    }

    /** A failed check: what the calculator has and what the exchange says. */
    public record Mismatch(Check check, long calculated, long exchange) {
        @Override
        public String toString() {
            return check + " " + calculated + " != " + exchange;
        }
    }

    public DayReconciliation {
        mismatches = List.copyOf(mismatches);
    }

    public boolean ok() {
        return mismatches.isEmpty();
    }

    /**
     * Reconciles a symbol whose day just closed, or returns null when there is nothing to check against (no
     * snapshot that day) or bars do not come from trades (then they are the snapshots' own differences).
     */
    static DayReconciliation of(SymbolState s, BarSource source) {
        Snapshot last = s.snapshot();
        if (last == null || source != BarSource.TRADES || s.schedule() == null) {
            return null;
        }
        if (!s.wholeDay()) {
            return new DayReconciliation(s.code(), s.schedule().tradingDay(), false, List.of());
        }
        List<Mismatch> out = new ArrayList<>();
        BarAccumulator day = s.bar(Period.DAY);
        long barVolume = day.hasData() ? day.volume() : 0;
        long barTurnover = day.hasData() ? day.turnover() : 0;
        check(out, Check.BAR_VOLUME, barVolume, last.volume());
        check(out, Check.BAR_TURNOVER, barTurnover, last.turnover());
        check(out, Check.MINUTE_VOLUME, s.minuteLine().dayVolume(), last.volume());
        check(out, Check.PRICE_VOLUME, s.priceVolume().dayVolume(), last.volume());
        if (day.hasData() && last.last() > 0) {
            check(out, Check.CLOSE, day.close(), last.last());
        }
        return new DayReconciliation(s.code(), s.schedule().tradingDay(), true, out.isEmpty() ? Collections.emptyList()
                : out);
    }

    private static void check(List<Mismatch> out, Check check, long calculated, long exchange) {
        if (calculated != exchange) {
            out.add(new Mismatch(check, calculated, exchange));
        }
    }
}
