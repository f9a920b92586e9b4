package com.quotebus.collector.sim;

import com.quotebus.core.event.BookSide;
import com.quotebus.core.event.Side;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.event.TradingPhase;
import com.quotebus.core.instrument.Instrument;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.SessionSegment;
import com.quotebus.core.time.SessionTemplate;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingSchedules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * A seeded, deterministic market: given the same config and calendar, {@link #advanceTo} produces the same
 * events in the same order, whatever the steps it is called with. Plain Java, single-threaded.
 *
 * <p>A trading day, per symbol, following its {@link SessionTemplate}:
 * <ul>
 *   <li>Opening call auction (A-shares 09:15–09:25; futures 20:55 on the eve, or 08:55 / 09:25 without a night
 *   session): an indicative snapshot every snapshot interval (phase O, bid 1 = ask 1 = indicative price), then
 *   the opening print at 09:25:00.000 (futures: one minute before the auction ends, 20:59 / 08:59 / 09:29) at
 *   the day's open: a buy order, a sell order, a trade with side N.</li>
 *   <li>Continuous segments: trades arrive as a Poisson process (rate × the symbol's weight) in trading time
 *   only, so breaks (lunch, 10:15–10:30, overnight) are silent. Each trade is preceded by its aggressor order
 *   and, when the opposite side has no resting order, a passive one; BidApplSeqNum/OfferApplSeqNum reference
 *   them so the later order is the aggressor. Prices follow a bridge from the open to the day's close from
 *   {@link DailyHistory}, stay within the day's high/low (touching both) and so within the limits, on tick.
 *   Side by tick rule (up ⇒ B, down ⇒ S, unchanged ⇒ as before), consistent with the book shown.</li>
 *   <li>A-share closing call auction 14:57–15:00: indicative snapshots (phase C), then the closing print at
 *   15:00:00.000 (side N) at the day's close; futures trade at the close price at 15:00:00.000.</li>
 *   <li>Snapshots on a grid (every {@code snapshotIntervalMs}, SZSE: 3 s) for symbols that changed, at each
 *   continuous segment start, and a final one at the close (phase E; futures with the settlement).</li>
 * </ul>
 * Orders and trades carry contiguous per-channel sequence numbers (ApplSeqNum) starting at 1 each trading day;
 * snapshots carry the channel and sequence 0. At 18:00 the generator rolls to the next trading day, whose
 * previous close is this day's close and whose futures night session starts that evening.
 */
public final class MarketGenerator {
    private final SimulatorConfig config;
    private final SimUniverse universe;
    private final DailyHistory history;
    private final TradingCalendar calendar;

    private LocalDate day;
    private long windowEnd;
    private SymbolDay[] states;
    private long[] channelSeq;
    private long[] intervals;
    private int intervalIdx;
    private long nextBoundary;
    private long position;
    private final PriorityQueue<SymbolDay> queue =
            new PriorityQueue<>((a, b) -> a.nextTime != b.nextTime ? Long.compare(a.nextTime, b.nextTime)
                    : Integer.compare(a.sym.index(), b.sym.index()));

    public MarketGenerator(SimulatorConfig config, TradingCalendar calendar) {
        this(config, new SimUniverse(config), calendar);
    }

    /** A market without corporate actions (see {@link DailyHistory}). */
    public MarketGenerator(SimulatorConfig config, SimUniverse universe, TradingCalendar calendar) {
        this(config, universe, calendar, null);
    }

    /**
     * @param firstLiveDay the first trading day this market will generate live: its past (the daily history)
     *                     has corporate actions before it, the live days none; {@code null}: no corporate actions
     */
    public MarketGenerator(SimulatorConfig config, SimUniverse universe, TradingCalendar calendar,
            LocalDate firstLiveDay) {
        this.config = config;
        this.universe = universe;
        this.calendar = calendar;
        this.history = new DailyHistory(config.seed(), universe, calendar, firstLiveDay);
    }

    public SimulatorConfig config() {
        return config;
    }

    public SimUniverse universe() {
        return universe;
    }

    public DailyHistory history() {
        return history;
    }

    /** The trading day being generated (null before {@link #startDay}). */
    public LocalDate tradingDay() {
        return day;
    }

    /** Every event up to and including this time has been emitted. */
    public long position() {
        return position;
    }

    /**
     * The last sequence number (ApplSeqNum) given out on {@code channel} (1..channels) this trading day, 0 before
     * any: after {@link #startAt} it is where the channel stands at the start, as if the market had run since the
     * day began.
     */
    public long lastChannelSeq(int channel) {
        if (channelSeq == null) {
            throw new IllegalStateException("startDay first");
        }
        return channelSeq[channel];
    }

    /** The instruments of the current trading day (previous close and limits of that day). */
    public List<Instrument> instruments() {
        List<Instrument> out = new ArrayList<>(states.length);
        for (SymbolDay s : states) {
            out.add(s.inst);
        }
        return out;
    }

    /**
     * Starts a trading day from its beginning (18:00 of the previous trading day), resetting channel
     * sequences. Events before the first {@link #advanceTo} target are still generated when advancing —
     * use {@code advanceTo(t, SimListener.NONE)} to fast-forward to a later start.
     */
    public void startDay(LocalDate tradingDay) {
        if (!calendar.isTradingDay(tradingDay)) {
            throw new IllegalArgumentException(tradingDay + " is not a trading day");
        }
        LocalDate eve = calendar.previousTradingDay(tradingDay);
        this.day = tradingDay;
        this.position = ChinaTime.epochMillis(eve, 18 * 60) - 1;
        this.windowEnd = ChinaTime.epochMillis(tradingDay, 18 * 60);
        this.channelSeq = new long[config.channels() + 1];
        this.states = new SymbolDay[universe.size()];
        queue.clear();
        for (SimSymbol s : universe.symbols()) {
            SymbolDay sd = new SymbolDay(s, history.day(s, tradingDay), plan(s.template(), tradingDay, eve));
            states[s.index()] = sd;
            queue.add(sd);
        }
        this.intervals = mergedIntervals(states);
        this.intervalIdx = 0;
        this.nextBoundary = intervals.length == 0 ? Long.MAX_VALUE : alignUp(intervals[0]);
    }

    /**
     * Starts the trading day that {@code t} belongs to (a time at or after 18:00 belongs to the next trading
     * day) and fast-forwards to {@code t} silently: the market's state and channel sequences are as if it had
     * run since the day's start, but nothing before {@code t} is emitted.
     */
    public void startAt(long t) {
        startDay(new TradingSchedules(calendar).tradingDayOf(t));
        advanceTo(t, SimListener.NONE);
    }

    /** Emits every event with a time ≤ {@code t} in time order, rolling into following trading days. */
    public void advanceTo(long t, SimListener listener) {
        if (day == null) {
            throw new IllegalStateException("startDay first");
        }
        while (true) {
            run(Math.min(t, windowEnd - 1), listener);
            if (t < windowEnd) {
                return;
            }
            startDay(calendar.nextTradingDay(day));
        }
    }

    /** Every event of one trading day (a past day, for seeding minute lines), from a fresh generator. */
    public static void dayEvents(SimulatorConfig config, TradingCalendar calendar, LocalDate tradingDay,
            SimListener listener) {
        MarketGenerator g = new MarketGenerator(config, calendar);
        g.startDay(tradingDay);
        g.advanceTo(g.windowEnd - 1, listener);
    }

    /**
     * The times something happens on a trading day (union of every symbol's sessions, auctions included),
     * as {@code [start0, end0, start1, end1, …]} epoch ms, sorted and merged. The simulated clock skips what
     * lies between.
     */
    public long[] activeIntervals(LocalDate tradingDay) {
        LocalDate eve = calendar.previousTradingDay(tradingDay);
        List<SessionTemplate> templates = new ArrayList<>();
        for (SimSymbol s : universe.symbols()) {
            if (!templates.contains(s.template())) {
                templates.add(s.template());
            }
        }
        List<long[]> spans = new ArrayList<>();
        for (SessionTemplate t : templates) {
            addSpans(plan(t, tradingDay, eve), spans);
        }
        return merge(spans);
    }

    // ---------------------------------------------------------------- day plan

    /** A template resolved to one trading day, epoch ms. */
    record DayPlan(long auctionStart, long auctionEnd, long openPrint, long[] contStart, long[] contEnd,
            long closeAuctionStart, long closeTime) {}

    DayPlan plan(SessionTemplate template, LocalDate tradingDay, LocalDate eve) {
        boolean night = template.hasNightSession() && calendar.hasNightSessionBefore(tradingDay);
        long auctionStart = -1;
        long auctionEnd = -1;
        long closeAuctionStart = -1;
        long closeTime = -1;
        List<Long> starts = new ArrayList<>();
        List<Long> ends = new ArrayList<>();
        for (SessionSegment seg : template.segments()) {
            if (seg.night() && !night) {
                continue;
            }
            long start = abs(seg.night(), seg.axisStart(), tradingDay, eve);
            long end = abs(seg.night(), seg.axisEnd(), tradingDay, eve);
            switch (seg.kind()) {
                case OPENING_AUCTION -> {
                    if (auctionStart < 0 && starts.isEmpty()) {
                        auctionStart = start;
                        auctionEnd = end;
                    }
                }
                case CONTINUOUS -> {
                    starts.add(start);
                    ends.add(end);
                }
                case CLOSING_AUCTION -> closeAuctionStart = start;
            }
            closeTime = Math.max(closeTime, end);
        }
        if (auctionStart < 0) {
            auctionStart = starts.get(0);
            auctionEnd = starts.get(0);
        }
        // Stocks print at the auction's end (09:25); futures one minute before (20:59, 08:59, 09:29).
        long openPrint = closeAuctionStart >= 0 ? auctionEnd : auctionEnd - ChinaTime.MINUTE_MS;
        return new DayPlan(auctionStart, auctionEnd, openPrint, starts.stream().mapToLong(Long::longValue).toArray(),
                ends.stream().mapToLong(Long::longValue).toArray(), closeAuctionStart, closeTime);
    }

    private static long abs(boolean night, int axis, LocalDate tradingDay, LocalDate eve) {
        if (night) {
            LocalDate date = axis >= 360 ? eve.plusDays(1) : eve;
            return ChinaTime.epochMillis(date, (axis + 1080) % 1440);
        }
        return ChinaTime.epochMillis(tradingDay, axis - 360);
    }

    private static long[] mergedIntervals(SymbolDay[] states) {
        List<long[]> spans = new ArrayList<>();
        for (SymbolDay s : states) {
            addSpans(s.plan, spans);
        }
        return merge(spans);
    }

    /** When a plan is active: the opening auction to its print, each continuous segment, the close. */
    private static void addSpans(DayPlan p, List<long[]> spans) {
        spans.add(new long[] {p.auctionStart, p.openPrint});
        for (int i = 0; i < p.contStart.length; i++) {
            spans.add(new long[] {p.contStart[i], p.contEnd[i]});
        }
        spans.add(new long[] {p.closeAuctionStart >= 0 ? p.closeAuctionStart : p.closeTime, p.closeTime});
    }

    private static long[] merge(List<long[]> spans) {
        spans.sort((a, b) -> Long.compare(a[0], b[0]));
        List<long[]> merged = new ArrayList<>();
        for (long[] s : spans) {
            long[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && s[0] <= last[1]) {
                last[1] = Math.max(last[1], s[1]);
            } else {
                merged.add(new long[] {s[0], s[1]});
            }
        }
        long[] out = new long[merged.size() * 2];
        for (int i = 0; i < merged.size(); i++) {
            out[2 * i] = merged.get(i)[0];
            out[2 * i + 1] = merged.get(i)[1];
        }
        return out;
    }

    private long alignUp(long t) {
        long step = config.snapshotIntervalMs();
        return Math.floorDiv(t + step - 1, step) * step;
    }

    // ---------------------------------------------------------------- main loop

    private void run(long until, SimListener listener) {
        while (true) {
            SymbolDay next = queue.peek();
            long tSym = next == null ? Long.MAX_VALUE : next.nextTime;
            long t = Math.min(tSym, nextBoundary);
            if (t > until) {
                break;
            }
            if (tSym <= nextBoundary) {
                queue.poll();
                next.act(listener);
                queue.add(next);
            } else {
                boundary(nextBoundary, listener);
                advanceBoundary();
            }
        }
        position = Math.max(position, until);
    }

    private void advanceBoundary() {
        long b = nextBoundary + config.snapshotIntervalMs();
        while (intervalIdx < intervals.length / 2 && b > intervals[2 * intervalIdx + 1]) {
            intervalIdx++;
            if (intervalIdx < intervals.length / 2) {
                b = Math.max(b, alignUp(intervals[2 * intervalIdx]));
            }
        }
        nextBoundary = intervalIdx < intervals.length / 2 ? b : Long.MAX_VALUE;
    }

    private void boundary(long b, SimListener listener) {
        for (SymbolDay s : states) {
            s.boundary(b, listener);
        }
    }

    private long nextSeq(int channel) {
        return ++channelSeq[channel];
    }

    // ---------------------------------------------------------------- one symbol's day

    private final class SymbolDay {
        final SimSymbol sym;
        final DailySummary target;
        final DayPlan plan;
        final Instrument inst;
        final String code;
        final SplittableRandom rng;
        final double lambdaPerMs;
        final double sigma;
        final long touchHighAt;
        final long touchLowAt;
        int forcedIdx;
        int breakIdx;
        int seg;
        long cursor;
        long nextTrade;
        long nextTime;
        boolean opened;
        boolean closed;
        boolean touchedHigh;
        boolean touchedLow;
        boolean dirty;
        double mid;
        long lastTradeTime;
        long last;
        Side lastSide = Side.BUY;
        long open;
        long high;
        long low;
        long volume;
        long turnover;
        long numTrades;
        long openInterest;
        long settlement;
        long restingBid;
        long restingAsk;

        SymbolDay(SimSymbol sym, DailySummary target, DayPlan plan) {
            this.sym = sym;
            this.target = target;
            this.plan = plan;
            this.inst = sym.instrument(target.preClose());
            this.code = sym.codeText();
            this.rng = DailyHistory.random(config.seed(), sym, target.tradingDay(), 1);
            this.lambdaPerMs = config.tradesPerSecond() * sym.weight() / 1000.0;
            this.sigma = 0.01 * target.preClose() / Math.sqrt(4 * 3_600_000.0);
            long span = plan.closeTime - plan.contStart[0];
            this.touchHighAt = trading(plan.contStart[0] + (long) (rng.nextDouble() * span * 0.9));
            this.touchLowAt = trading(plan.contStart[0] + (long) (rng.nextDouble() * span * 0.9));
            this.openInterest = sym.isFuture() ? 100_000 + rng.nextInt(2_000_000) : 0;
            this.cursor = plan.contStart[0];
            this.nextTrade = drawNextTrade();
            this.nextTime = plan.openPrint;
        }

        /** The first continuous-trading instant at or after t. */
        private long trading(long t) {
            for (int i = 0; i < plan.contStart.length; i++) {
                if (t < plan.contEnd[i]) {
                    return Math.max(t, plan.contStart[i]);
                }
            }
            return plan.closeTime;
        }

        private long drawNextTrade() {
            double gap = -Math.log(1 - rng.nextDouble()) / lambdaPerMs;
            long d = Math.max(1, Math.round(Math.min(gap, 1e12)));
            long from = cursor;
            while (seg < plan.contStart.length) {
                from = Math.max(from, plan.contStart[seg]);
                if (from + d < plan.contEnd[seg]) {
                    long t = from + d;
                    if (t % ChinaTime.MINUTE_MS == 0) {
                        t++; // whole minutes are reserved for auction prints (the feed marks those side N)
                    }
                    cursor = t;
                    return t < plan.contEnd[seg] ? t : Long.MAX_VALUE;
                }
                d -= plan.contEnd[seg] - from;
                seg++;
            }
            return Long.MAX_VALUE;
        }

        private void schedule() {
            if (!opened) {
                nextTime = plan.openPrint;
            } else if (nextTrade < plan.closeTime) {
                nextTime = nextTrade;
            } else if (!closed) {
                nextTime = plan.closeTime;
            } else {
                nextTime = Long.MAX_VALUE;
            }
        }

        void act(SimListener l) {
            long t = nextTime;
            if (!opened) {
                opened = true;
                mid = target.open();
                lastSide = rng.nextBoolean() ? Side.BUY : Side.SELL;
                auctionPrint(t, target.open(), l);
            } else if (nextTrade < plan.closeTime && t == nextTrade) {
                continuousTrade(t, l);
                nextTrade = drawNextTrade();
            } else {
                closed = true;
                if (plan.closeAuctionStart >= 0) {
                    auctionPrint(t, target.close(), l);
                } else {
                    trade(t, target.close(), l);
                }
                settlement = sym.isFuture() ? target.close() : 0;
            }
            schedule();
        }

        private void auctionPrint(long t, long price, SimListener l) {
            long qty = (50 + rng.nextInt(450)) * (long) sym.lot();
            int ch = sym.channel();
            long buy = nextSeq(ch);
            l.onOrder(new SimOrder(code, t, ch, buy, price, qty, Side.BUY));
            long sell = nextSeq(ch);
            l.onOrder(new SimOrder(code, t, ch, sell, price, qty, Side.SELL));
            record(t, price, qty);
            l.onTrade(new Trade(code, t, price, qty, price * qty * sym.multiplier(), Side.NONE, ch, nextSeq(ch), buy,
                    sell, 0, ""));
        }

        private void continuousTrade(long t, SimListener l) {
            long remaining = Math.max(1, plan.closeTime - t);
            long dt = Math.max(1, t - Math.max(lastTradeTime, plan.contStart[0]));
            mid += (target.close() - mid) * Math.min(1.0, (double) dt / remaining)
                    + sigma * Math.sqrt(dt) * DailyHistory.gaussian(rng);
            mid = DailyHistory.clamp(mid, target.low(), target.high());
            long price = DailyHistory.clampTick(sym, mid, target.low(), target.high());
            if (!touchedHigh && t >= touchHighAt) {
                price = target.high();
                mid = price;
            } else if (!touchedLow && t >= touchLowAt) {
                price = target.low();
                mid = price;
            }
            trade(t, price, l);
        }

        private void trade(long t, long price, SimListener l) {
            Side side = price > last ? Side.BUY : price < last ? Side.SELL : lastSide;
            long lots = 1 + (long) (-Math.log(1 - rng.nextDouble()) * 5);
            long qty = Math.min(lots, 200) * sym.lot();
            int ch = sym.channel();
            boolean buy = side == Side.BUY;
            if ((buy ? restingAsk : restingBid) == 0) {
                long passive = nextSeq(ch);
                l.onOrder(new SimOrder(code, t, ch, passive, price, qty + sym.lot() * (long) rng.nextInt(10),
                        buy ? Side.SELL : Side.BUY));
                if (buy) {
                    restingAsk = passive;
                } else {
                    restingBid = passive;
                }
            }
            long aggressor = nextSeq(ch);
            l.onOrder(new SimOrder(code, t, ch, aggressor, price, qty, side));
            long buyNo = buy ? aggressor : restingBid;
            long sellNo = buy ? restingAsk : aggressor;
            record(t, price, qty);
            lastSide = side;
            if (sym.isFuture()) {
                openInterest = Math.max(0, openInterest + rng.nextLong(2 * qty + 1) - qty);
            }
            l.onTrade(new Trade(code, t, price, qty, price * qty * sym.multiplier(), side, ch, nextSeq(ch), buyNo,
                    sellNo, 0, ""));
            if (rng.nextBoolean()) {
                if (buy) {
                    restingAsk = 0;
                } else {
                    restingBid = 0;
                }
            }
        }

        private void record(long t, long price, long qty) {
            if (open == 0) {
                open = price;
                high = price;
                low = price;
            }
            high = Math.max(high, price);
            low = Math.min(low, price);
            if (price == target.high()) {
                touchedHigh = true;
            }
            if (price == target.low()) {
                touchedLow = true;
            }
            last = price;
            lastTradeTime = t;
            volume += qty;
            turnover += price * qty * sym.multiplier();
            numTrades++;
            dirty = true;
        }

        void boundary(long b, SimListener l) {
            while (forcedIdx < plan.contStart.length && plan.contStart[forcedIdx] <= b) {
                if (plan.contStart[forcedIdx] == b) {
                    dirty = true;
                }
                forcedIdx++;
            }
            // a break begins: the quote says so (else it would read "continuous" through lunch and the night)
            while (breakIdx < plan.contEnd.length && plan.contEnd[breakIdx] <= b) {
                if (plan.contEnd[breakIdx] == b) {
                    dirty = true;
                }
                breakIdx++;
            }
            boolean openingAuction = b >= plan.auctionStart && b < plan.openPrint;
            boolean closingAuction = plan.closeAuctionStart >= 0 && b >= plan.closeAuctionStart && b < plan.closeTime;
            if (openingAuction || closingAuction) {
                l.onSnapshot(indicative(b, openingAuction));
            } else if (dirty) {
                dirty = false;
                l.onSnapshot(snapshot(b, phaseAt(b), book(true), book(false)));
            }
        }

        /**
         * The phase outside the auctions' indicative snapshots, as the day lifecycle names it (docs/domain.md): a
         * segment's end belongs to what follows, so the stocks' 09:25 opening print is followed by a break until
         * 09:30 (orders taken, nothing matched), while the futures' print a minute before their auction ends is
         * still in the auction.
         */
        private TradingPhase phaseAt(long b) {
            if (b >= plan.closeTime) {
                return TradingPhase.CLOSED;
            }
            for (int i = 0; i < plan.contStart.length; i++) {
                if (b >= plan.contStart[i] && b < plan.contEnd[i]) {
                    return TradingPhase.CONTINUOUS;
                }
            }
            return b >= plan.auctionStart && b < plan.auctionEnd ? TradingPhase.OPENING_AUCTION : TradingPhase.BREAK;
        }

        private Snapshot indicative(long b, boolean opening) {
            long from = opening ? plan.auctionStart : plan.closeAuctionStart;
            long to = opening ? plan.openPrint : plan.closeTime;
            long start = opening ? target.preClose() : (last == 0 ? target.preClose() : last);
            long goal = opening ? target.open() : target.close();
            double frac = (double) (b - from) / Math.max(1, to - from);
            double noise = (1 - frac) * DailyHistory.gaussian(rng) * 0.003 * target.preClose();
            long ip = DailyHistory.clampTick(sym, start + (goal - start) * frac + noise, inst.lowerLimit(),
                    inst.upperLimit());
            long matched = (1 + rng.nextInt(300)) * (long) sym.lot();
            long extraBid = rng.nextInt(50) * (long) sym.lot();
            long extraAsk = rng.nextInt(50) * (long) sym.lot();
            BookSide bid = new BookSide(new long[] {ip}, new long[] {matched + extraBid}, new int[] {1 + rng.nextInt(40)});
            BookSide ask = new BookSide(new long[] {ip}, new long[] {matched + extraAsk}, new int[] {1 + rng.nextInt(40)});
            return snapshot(b, opening ? TradingPhase.OPENING_AUCTION : TradingPhase.CLOSING_AUCTION, bid, ask);
        }

        private BookSide book(boolean bidSide) {
            if (last == 0) {
                return BookSide.EMPTY;
            }
            long tick = sym.tick();
            long best = bidSide ? (lastSide == Side.BUY ? last - tick : last) : (lastSide == Side.BUY ? last : last + tick);
            int depth = config.bookDepth();
            long[] px = new long[depth];
            long[] vol = new long[depth];
            int[] orders = new int[depth];
            int n = 0;
            for (int i = 0; i < depth; i++) {
                long p = bidSide ? best - i * tick : best + i * tick;
                if (p < inst.lowerLimit() || p > inst.upperLimit()) {
                    break;
                }
                px[n] = p;
                vol[n] = (1 + rng.nextInt(80)) * (long) sym.lot();
                orders[n] = 1 + rng.nextInt(30);
                n++;
            }
            if (n == 0) {
                return BookSide.EMPTY;
            }
            return new BookSide(java.util.Arrays.copyOf(px, n), java.util.Arrays.copyOf(vol, n),
                    java.util.Arrays.copyOf(orders, n));
        }

        private Snapshot snapshot(long b, TradingPhase phase, BookSide bid, BookSide ask) {
            boolean future = sym.isFuture();
            return new Snapshot(code, b, phase, target.preClose(), open, high, low, last, volume, turnover, numTrades,
                    inst.upperLimit(), inst.lowerLimit(), future ? openInterest : 0, future ? settlement : 0,
                    future ? target.preClose() : 0, bid, ask, sym.channel(), 0, 0, "");
        }
    }
}
