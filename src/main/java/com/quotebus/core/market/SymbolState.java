package com.quotebus.core.market;

import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Side;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.event.TradingPhase;
import com.quotebus.core.instrument.Instrument;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.BarAccumulator;
import com.quotebus.core.kline.Period;
import com.quotebus.core.minute.MinuteLine;
import com.quotebus.core.pricevol.PriceVolumeTable;
import com.quotebus.core.time.SessionTemplate;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingDaySchedule;
import com.quotebus.core.time.TradingSchedules;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * One instrument's trading day: latest snapshot, the bar in progress of every period, the 分时 line and
 * the 分价 table. Every event costs O(1): one schedule lookup, eleven bar updates, one minute-line
 * update and one array update; no allocation on the trade path. Not thread-safe: owned by one
 * {@link MarketState}.
 */
public final class SymbolState {
    private static final Period[] PERIODS = Period.values();
    private static final int INTRADAY = 6; // M1..M60 come first in Period

    private Instrument instrument;
    private final SessionTemplate template;
    private final TradingSchedules schedules;
    private final BarSource barSource;
    private final long closeGraceMs;
    private final MarketListener listener;
    private final BarAccumulator[] bars = new BarAccumulator[PERIODS.length];
    private final Bar[] carry = new Bar[PERIODS.length];
    private TradingDaySchedule schedule;
    private MinuteLine minuteLine;
    private PriceVolumeTable priceVolume;
    private Snapshot snapshot;
    private int lastSlot = -1;
    private int closedThroughSlot = -1;
    private boolean dayClosed;
    private long lastSeq;
    /** Where the day's lifecycle is by the market time (null before the first event). */
    private TradingPhase phase;
    /** Whether this state saw the day from its first event (it can be reconciled against the exchange's totals). */
    private boolean wholeDay = true;
    private long lastPrice;

    SymbolState(Instrument instrument, SessionTemplate template, TradingSchedules schedules, BarSource barSource,
                long closeGraceMs, MarketListener listener) {
        this.instrument = instrument;
        this.template = template;
        this.schedules = schedules;
        this.barSource = barSource;
        this.closeGraceMs = closeGraceMs;
        this.listener = listener;
        String code = instrument.codeText();
        for (Period p : PERIODS) {
            bars[p.ordinal()] = new BarAccumulator(code, p);
        }
    }

    public Instrument instrument() {
        return instrument;
    }

    public String code() {
        return instrument.codeText();
    }

    /** Today's schedule, or {@code null} before the first event. */
    public TradingDaySchedule schedule() {
        return schedule;
    }

    public LocalDate tradingDay() {
        return schedule == null ? null : schedule.tradingDay();
    }

    /** Latest snapshot of the day, or {@code null}. */
    public Snapshot snapshot() {
        return snapshot;
    }

    /** The bar in progress (or the last one, closed) of a period. */
    public BarAccumulator bar(Period period) {
        return bars[period.ordinal()];
    }

    public MinuteLine minuteLine() {
        return minuteLine;
    }

    public PriceVolumeTable priceVolume() {
        return priceVolume;
    }

    /**
     * The phase of the symbol's trading day by the stream's market time (less the close grace): pre-open,
     * auctions, continuous, break, closed; the next trading day's first event rolls it to that day. Null before
     * the first event.
     */
    public TradingPhase phase() {
        return phase;
    }

    /** Whether the state applied the day from its first event on (false: it joined mid-day without the tape). */
    public boolean wholeDay() {
        return wholeDay;
    }

    /** Per-symbol sequence of the last applied event (0 before any). */
    public long lastSeq() {
        return lastSeq;
    }

    /** Last trade price (or snapshot last in {@link BarSource#SNAPSHOTS} mode), 0 before any. */
    public long lastPrice() {
        return lastPrice;
    }

    void updateInstrument(Instrument updated) {
        this.instrument = updated;
    }

    ApplyResult apply(MarketEvent event) {
        // the day first: per-symbol numbering starts again at 1 every trading day
        ApplyResult r = ensureDay(event.exchangeTime());
        if (r != ApplyResult.APPLIED) {
            return r;
        }
        long seq = event.seq();
        if (seq > 0 && seq <= lastSeq) {
            return ApplyResult.DUPLICATE;
        }
        if (seq > 1 && lastSeq == 0) {
            wholeDay = false; // joined the day after its first events (no journal to rebuild from)
        }
        if (event instanceof Trade t) {
            r = applyTrade(t);
        } else {
            r = applySnapshot((Snapshot) event);
        }
        if (seq > 0 && (r == ApplyResult.APPLIED || r == ApplyResult.LATE && event instanceof Trade)) {
            lastSeq = seq; // a late print is applied as a correction: a second copy of it is a duplicate
        }
        return r;
    }

    private ApplyResult applyTrade(Trade t) {
        if (barSource != BarSource.TRADES) {
            return ApplyResult.APPLIED; // tape only; bars come from snapshots
        }
        int slot = schedule.slotOf(t.exchangeTime());
        if (slot < lastSlot || slot <= closedThroughSlot || dayClosed) {
            applyLate(t, slot);
            return ApplyResult.LATE;
        }
        moveToSlot(slot);
        addToAll(t.exchangeTime(), slot, t.price(), t.quantity(), t.amount(), t.side());
        return ApplyResult.APPLIED;
    }

    /**
     * A print for a minute the market time (or a later print) already closed: no trade that reached the tape is
     * left out. Bars still open that contain it take it as usual; each closed bar it belongs to is corrected
     * ({@link MarketListener#onBarCorrected}: volume, turnover, high and low; its open and close stay, the print
     * being older than the bar's last one); the 分时 point of its minute and every cumulative total after it take
     * it; the 分价 table takes it. The last price does not move (it is not the latest print).
     */
    private void applyLate(Trade t, int slot) {
        long price = t.price();
        long qty = t.quantity();
        long amount = t.amount();
        int n = schedule.minutes();
        for (int p = 0; p < PERIODS.length; p++) {
            BarAccumulator b = bars[p];
            long start;
            long end;
            if (p < INTRADAY) {
                int m = PERIODS[p].minutes();
                int index = slot / m;
                if (b.key() == index && b.isStarted() && !b.isClosed()) {
                    b.add(price, qty, amount);
                    continue;
                }
                int first = index * m;
                start = schedule.slotStart(first);
                end = schedule.slotEnd(Math.min(first + m - 1, n - 1));
            } else {
                if (!b.isClosed()) {
                    b.add(price, qty, amount);
                    continue;
                }
                start = b.start();
                end = b.end();
            }
            listener.onBarCorrected(this, new Bar(code(), PERIODS[p], schedule.tradingDay(), start, end, price, price,
                    price, price, qty, amount, b.openInterest(), true));
        }
        minuteLine.correct(t.exchangeTime() <= schedule.firstStart() ? 0 : slot + 1, price, qty, amount);
        priceVolume.add(price, qty, t.side());
    }

    private ApplyResult applySnapshot(Snapshot s) {
        Snapshot prev = snapshot;
        if (prev != null && s.exchangeTime() < prev.exchangeTime()) {
            return ApplyResult.LATE;
        }
        if (prev == null && barSource == BarSource.TRADES && s.volume() > priceVolume.dayVolume()) {
            // the exchange had traded more today than this state saw: it joined the day late (a night session
            // before the node started, no journal of it), so its totals cannot be reconciled
            wholeDay = false;
        }
        if (barSource == BarSource.SNAPSHOTS) {
            int slot = schedule.slotOf(s.exchangeTime());
            long dVol = prev == null ? s.volume() : s.volume() - prev.volume();
            long dTurn = prev == null ? s.turnover() : s.turnover() - prev.turnover();
            if (dVol > 0) {
                if (slot < lastSlot || slot <= closedThroughSlot || dayClosed) {
                    return ApplyResult.LATE;
                }
                moveToSlot(slot);
                Side side = Side.NONE;
                if (prev != null && prev.ask().depth() > 0 && prev.ask().price(0) > 0
                        && s.last() >= prev.ask().price(0)) {
                    side = Side.BUY;
                } else if (prev != null && prev.bid().depth() > 0 && s.last() <= prev.bid().price(0)) {
                    side = Side.SELL;
                }
                addToAll(s.exchangeTime(), slot, s.last(), dVol, Math.max(dTurn, 0), side);
                if (prev == null || s.high() > prev.high()) {
                    touchAll(s.high());
                }
                if (s.low() > 0 && (prev == null || s.low() < prev.low())) {
                    touchAll(s.low());
                }
                bars[Period.DAY.ordinal()].setOpen(s.open());
            }
        }
        if (instrument.type() == com.quotebus.core.instrument.InstrumentType.FUTURE) {
            for (BarAccumulator b : bars) {
                b.setOpenInterest(s.openInterest());
            }
        }
        snapshot = s;
        return ApplyResult.APPLIED;
    }

    private void addToAll(long time, int slot, long price, long qty, long amount, Side side) {
        for (BarAccumulator b : bars) {
            b.add(price, qty, amount);
        }
        minuteLine.add(time <= schedule.firstStart() ? 0 : slot + 1, price, qty, amount);
        priceVolume.add(price, qty, side);
        lastPrice = price;
    }

    private void touchAll(long price) {
        if (price <= 0) {
            return;
        }
        for (BarAccumulator b : bars) {
            b.touch(price);
        }
    }

    /** Rolls the intraday bars to the one containing {@code slot}, closing those that ended. */
    private void moveToSlot(int slot) {
        if (slot == lastSlot) {
            return;
        }
        lastSlot = slot;
        int n = schedule.minutes();
        for (int p = 0; p < INTRADAY; p++) {
            int m = PERIODS[p].minutes();
            int index = slot / m;
            BarAccumulator b = bars[p];
            if (b.key() != index) {
                closeBar(b);
                int first = index * m;
                int last = Math.min(first + m - 1, n - 1);
                b.begin(index, schedule.tradingDay(), schedule.slotStart(first), schedule.slotEnd(last));
            }
        }
    }

    private void closeBar(BarAccumulator b) {
        if (b.isStarted() && !b.isClosed()) {
            b.markClosed();
            if (b.hasData()) {
                listener.onBarClosed(this, b.toBar());
            }
        }
    }

    private void dayClosed() {
        listener.onDayClosed(this);
        DayReconciliation r = DayReconciliation.of(this, barSource);
        if (r != null) {
            listener.onDayReconciled(this, r);
        }
    }

    /** Makes sure the state is on the trading day of {@code time}; starts a new day if it is later. */
    private ApplyResult ensureDay(long time) {
        if (schedule != null && schedule.contains(time)) {
            return ApplyResult.APPLIED;
        }
        LocalDate day = schedules.tradingDayOf(time);
        if (schedule != null && day.isBefore(schedule.tradingDay())) {
            return ApplyResult.OLD_DAY;
        }
        startDay(day, time);
        return ApplyResult.APPLIED;
    }

    private void startDay(LocalDate day, long time) {
        if (schedule != null && !dayClosed) {
            minuteLine.fillUntil(schedule.close());
            dayClosed = true;
            dayClosed();
        }
        for (int p = 0; p < INTRADAY; p++) {
            closeBar(bars[p]);
        }
        closeBar(bars[Period.DAY.ordinal()]);
        schedule = schedules.schedule(template, day);
        long preClose = instrument.preClose() > 0 ? instrument.preClose() : lastPrice;
        minuteLine = new MinuteLine(schedule, preClose, instrument.multiplier());
        priceVolume = new PriceVolumeTable(instrument.lowerLimit(), instrument.upperLimit(), instrument.priceTick());
        snapshot = null;
        lastSeq = 0;
        wholeDay = true;
        lastSlot = -1;
        closedThroughSlot = -1;
        dayClosed = false;
        for (int p = 0; p < INTRADAY; p++) {
            bars[p].begin(Long.MIN_VALUE + 1, day, 0, 0); // placeholder: first event rolls it
            bars[p].markClosed();
        }
        TradingCalendar cal = schedules.calendar();
        bars[Period.DAY.ordinal()].begin(day.toEpochDay(), day, schedule.firstStart(), schedule.close());
        for (Period p : new Period[] {Period.WEEK, Period.MONTH, Period.QUARTER, Period.YEAR}) {
            LocalDate from = periodFirstDay(p, day);
            LocalDate to = periodLastDay(p, day);
            long key = from.toEpochDay();
            BarAccumulator b = bars[p.ordinal()];
            long end = schedules.schedule(template, cal.onOrBefore(to)).close();
            if (b.key() == key && !b.isClosed()) {
                b.extendTo(day, end);
            } else {
                closeBar(b);
                long start = schedules.schedule(template, cal.onOrAfter(from)).firstStart();
                b.begin(key, day, start, end);
                Bar earlier = carry[p.ordinal()];
                if (earlier != null && periodFirstDay(p, earlier.tradingDay()).equals(from)
                        && earlier.tradingDay().isBefore(day)) {
                    b.seedFrom(earlier);
                }
            }
            carry[p.ordinal()] = null;
        }
        phase = null;
        listener.onTradingDay(this, day);
        enterPhase(schedule.phaseAt(time), time);
    }

    /** Moves the day's lifecycle to {@code next} (see {@link TradingDaySchedule#phaseAt}), reporting a change. */
    private void enterPhase(TradingPhase next, long time) {
        if (next != phase) {
            TradingPhase previous = phase;
            phase = next;
            listener.onPhase(this, previous, next, time);
        }
    }

    /**
     * Gives a week, month, quarter or year bar the aggregate of the earlier trading days of its period,
     * taken from history (a calculator that starts mid-period). Used when the period's bar begins.
     */
    void carryIn(Bar earlierDays) {
        if (earlierDays.period().isIntraday() || earlierDays.period() == Period.DAY) {
            throw new IllegalArgumentException("only week and longer bars carry in, not " + earlierDays.period());
        }
        carry[earlierDays.period().ordinal()] = earlierDays;
    }

    /** The first calendar day of the period containing {@code day} (Monday, the 1st, …). */
    public static LocalDate periodFirstDay(Period p, LocalDate day) {
        return switch (p) {
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case QUARTER -> LocalDate.of(day.getYear(), ((day.getMonthValue() - 1) / 3) * 3 + 1, 1);
            case YEAR -> LocalDate.of(day.getYear(), 1, 1);
            default -> day;
        };
    }

    /** The last calendar day of the period containing {@code day}. */
    public static LocalDate periodLastDay(Period p, LocalDate day) {
        return switch (p) {
            case WEEK -> day.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
            case MONTH -> day.with(TemporalAdjusters.lastDayOfMonth());
            case QUARTER -> periodFirstDay(p, day).plusMonths(3).minusDays(1);
            case YEAR -> LocalDate.of(day.getYear(), 12, 31);
            default -> day;
        };
    }

    /**
     * Closes every bar whose end passed {@code now − closeGrace} and makes final the 分时 points that
     * ended; an event arriving later for them is {@link ApplyResult#LATE}.
     */
    void advanceTo(long now) {
        if (schedule == null) {
            return;
        }
        long due = now - closeGraceMs;
        enterPhase(schedule.phaseAt(due), due);
        int n = schedule.minutes();
        while (closedThroughSlot + 1 < n && schedule.slotEnd(closedThroughSlot + 1) <= due) {
            closedThroughSlot++;
        }
        for (int p = 0; p < INTRADAY; p++) {
            BarAccumulator b = bars[p];
            if (b.isStarted() && !b.isClosed() && b.end() <= due) {
                closeBar(b);
            }
        }
        minuteLine.fillUntil(due);
        if (phase == TradingPhase.CLOSED && !dayClosed) { // the lifecycle closes the day
            dayClosed = true;
            for (int p = Period.DAY.ordinal(); p < PERIODS.length; p++) {
                BarAccumulator b = bars[p];
                if (b.isStarted() && !b.isClosed() && b.end() <= due) {
                    closeBar(b);
                }
            }
            dayClosed();
        }
    }
}
