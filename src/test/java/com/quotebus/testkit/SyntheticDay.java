package com.quotebus.testkit;

import com.quotebus.core.event.BookSide;
import com.quotebus.core.event.Side;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.event.TradingPhase;
import com.quotebus.core.instrument.Instrument;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.SessionSegment;
import com.quotebus.core.time.SessionTemplates;
import com.quotebus.core.time.TradingCalendar;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A seeded, recorded-like trading day for tests: trades in time order across the instrument's
 * sessions (an opening auction print, continuous trading with some silent minutes, a closing print),
 * prices on the tick inside the limits, and a cumulative snapshot after every trade.
 */
public final class SyntheticDay {
    public final List<Trade> trades = new ArrayList<>();
    public final List<Snapshot> snapshots = new ArrayList<>();

    public static SyntheticDay generate(Instrument inst, LocalDate day, TradingCalendar calendar, long seed, int tradesPerMinute) {
        SyntheticDay d = new SyntheticDay();
        Random rnd = new Random(seed);
        boolean night = SessionTemplates.get(inst.sessionTemplate()).hasNightSession()
                && calendar.hasNightSessionBefore(day);
        LocalDate eve = calendar.previousTradingDay(day);
        long price = inst.preClose();
        long seq = 0;
        long vol = 0;
        long turn = 0;
        long high = 0;
        long low = Long.MAX_VALUE;
        long open = 0;
        for (SessionSegment seg : SessionTemplates.get(inst.sessionTemplate()).segments()) {
            if (seg.night() && !night) {
                continue;
            }
            long segStart = timeOf(seg.night(), seg.start(), eve, day);
            long segEnd = segStart + seg.minutes() * ChinaTime.MINUTE_MS;
            List<Long> times = new ArrayList<>();
            if (seg.kind() == SessionSegment.Kind.OPENING_AUCTION) {
                times.add(segEnd);                      // the 09:25 print
            } else if (seg.kind() == SessionSegment.Kind.CLOSING_AUCTION) {
                times.add(segEnd);                      // the 15:00 print
            } else {
                for (int m = 0; m < seg.minutes(); m++) {
                    if (rnd.nextInt(10) == 0) {
                        continue;                       // a silent minute: blank point
                    }
                    int k = 1 + rnd.nextInt(tradesPerMinute);
                    for (int i = 0; i < k; i++) {
                        times.add(segStart + m * ChinaTime.MINUTE_MS + 1 + rnd.nextInt(59_999));
                    }
                }
                times.sort(Long::compare);
            }
            for (long t : times) {
                long step = (rnd.nextInt(5) - 2) * inst.priceTick();
                price = Math.max(inst.lowerLimit(), Math.min(inst.upperLimit(), price + step));
                long qty = (1 + rnd.nextInt(50)) * inst.lotSize();
                long amount = price * qty * inst.multiplier();
                Side side = seg.kind() == SessionSegment.Kind.CONTINUOUS ? (rnd.nextBoolean() ? Side.BUY : Side.SELL)
                        : Side.NONE;
                seq++;
                Trade trade = new Trade(inst.codeText(), t, price, qty, amount, side, 1, seq, 0, 0, seq * 2 - 1, "test");
                d.trades.add(trade);
                vol += qty;
                turn += amount;
                high = Math.max(high, price);
                low = Math.min(low, price);
                if (open == 0) {
                    open = price;
                }
                long tick = inst.priceTick();
                BookSide bid = new BookSide(new long[] {price - tick}, new long[] {1000}, null);
                BookSide ask = new BookSide(new long[] {price + tick}, new long[] {1000}, null);
                d.snapshots.add(new Snapshot(inst.codeText(), t, TradingPhase.CONTINUOUS, inst.preClose(), open, high,
                        low, price, vol, turn, seq, inst.upperLimit(), inst.lowerLimit(), 0, 0, 0, bid, ask, 1, 0,
                        seq * 2, "test"));
            }
        }
        return d;
    }

    private static long timeOf(boolean night, LocalTime t, LocalDate eve, LocalDate day) {
        if (night) {
            LocalDate date = t.getHour() >= 18 ? eve : eve.plusDays(1);
            return ChinaTime.epochMillis(date, t);
        }
        return ChinaTime.epochMillis(day, t);
    }
}
