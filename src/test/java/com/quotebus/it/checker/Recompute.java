package com.quotebus.it.checker;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every served view of one code and trading day, rebuilt from that day's tape (ticks in seq order), by the
 * conventions of docs/domain.md:
 * <ul>
 *   <li>an N-minute bar is N consecutive slots counted from the day's first slot (the last one of the day may be
 *   shorter); start = one minute before its first slot's label, end = its last slot's label; a bar exists only
 *   if something traded in it;</li>
 *   <li>the day bar runs from the first segment's start to the close; week / month / quarter / year bars from
 *   the first trading day's open to the close of the period's last trading day per the calendar;</li>
 *   <li>分时: slots + 1 points; a point without trades is blank and carries the last price (before the first
 *   trade, the previous close) and the average forward; average = cumulative turnover / (cumulative volume ×
 *   multiplier), rounded half-up;</li>
 *   <li>分价: per price, volume, 外盘 (side B), 内盘 (side S), trades; highest price first.</li>
 * </ul>
 */
public final class Recompute {
    private Recompute() {}

    /** Intraday bars of {@code minutes} slots each, in time order. */
    public static List<Bar> intraday(DaySchedule s, List<Tick> ticks, int minutes) {
        TreeMap<Integer, List<Tick>> byBar = new TreeMap<>();
        for (Tick t : ticks) {
            byBar.computeIfAbsent(s.slotOf(t.time()) / minutes, k -> new ArrayList<>()).add(t);
        }
        List<Bar> out = new ArrayList<>();
        for (Map.Entry<Integer, List<Tick>> e : byBar.entrySet()) {
            int first = e.getKey() * minutes;
            int last = Math.min(first + minutes - 1, s.slots() - 1);
            out.add(of(s.slotEnd(first) - MarketCalendar.MINUTE, s.slotEnd(last), e.getValue()));
        }
        return out;
    }

    /** The day bar, or null when nothing traded. */
    public static Bar day(DaySchedule s, List<Tick> ticks) {
        return ticks.isEmpty() ? null : of(s.firstStart(), s.close(), ticks);
    }

    /** A bar over ticks in seq order. */
    public static Bar of(long start, long end, List<Tick> ticks) {
        long high = Long.MIN_VALUE;
        long low = Long.MAX_VALUE;
        long volume = 0;
        long turnover = 0;
        for (Tick t : ticks) {
            high = Math.max(high, t.price());
            low = Math.min(low, t.price());
            volume += t.qty();
            turnover += t.amount();
        }
        return new Bar(start, end, ticks.get(0).price(), high, low, ticks.get(ticks.size() - 1).price(), volume, turnover);
    }

    /** First calendar day of the period ("week": Monday; "month": the 1st; "quarter"; "year"). */
    public static LocalDate periodFirstDay(String period, LocalDate d) {
        return switch (period) {
            case "week" -> d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case "month" -> d.withDayOfMonth(1);
            case "quarter" -> LocalDate.of(d.getYear(), (d.getMonthValue() - 1) / 3 * 3 + 1, 1);
            case "year" -> LocalDate.of(d.getYear(), 1, 1);
            default -> throw new IllegalArgumentException("not a multi-day period: " + period);
        };
    }

    /** Last calendar day of the period. */
    public static LocalDate periodLastDay(String period, LocalDate d) {
        return switch (period) {
            case "week" -> d.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            case "month" -> d.with(TemporalAdjusters.lastDayOfMonth());
            case "quarter" -> periodFirstDay(period, d).plusMonths(3).minusDays(1);
            case "year" -> LocalDate.of(d.getYear(), 12, 31);
            default -> throw new IllegalArgumentException("not a multi-day period: " + period);
        };
    }

    /** {start, end} of the multi-day bar containing trading day {@code d}. */
    public static long[] periodBounds(String period, LocalDate d, String template, MarketCalendar cal) {
        LocalDate first = cal.onOrAfter(periodFirstDay(period, d));
        LocalDate last = cal.onOrBefore(periodLastDay(period, d));
        return new long[] {new DaySchedule(template, first, cal).firstStart(), new DaySchedule(template, last, cal).close()};
    }

    /**
     * The 分时 line of a day as rows [index, time, price, volume, turnover, avg, blank (1/0)], all
     * {@code s.points()} of them.
     */
    public static List<long[]> minuteLine(DaySchedule s, List<Tick> ticks, long preClose, long multiplier) {
        int n = s.points();
        long[] price = new long[n];
        long[] volume = new long[n];
        long[] turnover = new long[n];
        boolean[] traded = new boolean[n];
        for (Tick t : ticks) {
            int p = s.pointOf(t.time());
            price[p] = t.price();
            volume[p] += t.qty();
            turnover[p] += t.amount();
            traded[p] = true;
        }
        List<long[]> rows = new ArrayList<>(n);
        long carry = preClose;
        long cumVolume = 0;
        long cumTurnover = 0;
        for (int i = 0; i < n; i++) {
            if (traded[i]) {
                carry = price[i];
            }
            cumVolume += volume[i];
            cumTurnover += turnover[i];
            long avg = cumVolume == 0 ? preClose : halfUp(cumTurnover, cumVolume * multiplier);
            rows.add(new long[] {i, s.pointTime(i), carry, volume[i], turnover[i], avg, traded[i] ? 0 : 1});
        }
        return rows;
    }

    static long halfUp(long numerator, long denominator) {
        return (2 * numerator + denominator) / (2 * denominator);
    }

    /** 分价 rows [price, volume, buy, sell, trades], highest price first. */
    public static List<long[]> priceVolume(List<Tick> ticks) {
        TreeMap<Long, long[]> rows = new TreeMap<>((a, b) -> Long.compare(b, a));
        for (Tick t : ticks) {
            long[] r = rows.computeIfAbsent(t.price(), p -> new long[] {p, 0, 0, 0, 0});
            r[1] += t.qty();
            if (t.side() == 'B') {
                r[2] += t.qty();
            } else if (t.side() == 'S') {
                r[3] += t.qty();
            }
            r[4]++;
        }
        return new ArrayList<>(rows.values());
    }

    /** {dayVolume, buyVolume, sellVolume} of the 分价 table. */
    public static long[] priceVolumeTotals(List<Tick> ticks) {
        long[] t = new long[3];
        for (Tick k : ticks) {
            t[0] += k.qty();
            if (k.side() == 'B') {
                t[1] += k.qty();
            } else if (k.side() == 'S') {
                t[2] += k.qty();
            }
        }
        return t;
    }
}
