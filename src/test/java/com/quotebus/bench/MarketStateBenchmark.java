package com.quotebus.bench;

import com.quotebus.core.event.Side;
import com.quotebus.core.event.Trade;
import com.quotebus.core.instrument.Code;
import com.quotebus.core.instrument.Instrument;
import com.quotebus.core.instrument.InstrumentType;
import com.quotebus.core.market.BarSource;
import com.quotebus.core.market.MarketListener;
import com.quotebus.core.market.MarketState;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingSchedules;
import java.time.LocalDate;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Ticks per second through the domain core for 5,000 symbols: every trade updates the bars of all 11
 * periods, the 分时 line and the 分价 table; bars close as the market clock advances (every simulated
 * second). With {@code indicators=true} every symbol also keeps the twelve default indicators (MA EMA
 * MACD KDJ RSI BOLL VOL BIAS WR CCI ATR OBV) on its 1m and day series: each closed bar is committed, and
 * the bar in progress is evaluated at the calculator's push cadence — once per symbol per second, which
 * at the target of 1,000,000 ticks/s over 5,000 symbols is once every {@value #EVAL_EVERY} ticks of a
 * symbol (the tape is time-compressed, so the cadence is counted in ticks, not tape seconds). Bars close
 * far more often here than live (the tape has ~4 trades per symbol-minute), so the commit cost is
 * overstated. One thread = one core.
 *
 * <p>Run: {@code loadtest/bench.sh MarketStateBenchmark}. The day is pre-generated (a whole A-share day,
 * trades in time order across all symbols) so that the measured loop is only {@code apply}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class MarketStateBenchmark {
    static final int BATCH = 1 << 20;

    @Param({"5000"})
    int symbols;

    @Param({"false", "true"})
    boolean indicators;

    /**
     * {@code day}: 2^20 trades spread over a whole A-share day (bars close every few trades: a stress
     * of bar closing); {@code live}: market time advances 1 ms per 1,000 trades, i.e. a market really
     * trading 1,000,000 ticks/s, starting 09:30:58 so that minute bars close during the run.
     */
    @Param({"day", "live"})
    String tapeKind;
    private int lap;

    private Trade[] tape;
    private MarketState market;
    private int pos;
    private long lastClock;
    private BenchmarkListener listener;

    static final int EVAL_EVERY = 200;
    static final String[] DEFAULT_SET = {"MA", "EMA", "MACD", "KDJ", "RSI", "BOLL", "VOL", "BIAS", "WR", "CCI",
            "ATR", "OBV"};

    /** Counts closed bars; with indicators, commits and evaluates them like the calculator would. */
    final class BenchmarkListener implements MarketListener {
        long closedBars;
        long applied;
        double sink;
        final double[] out = new double[16];
        final java.util.Map<String, com.quotebus.core.indicator.Indicator[][]> sets = new java.util.HashMap<>();
        final java.util.Map<String, long[]> lastEval = new java.util.HashMap<>();

        com.quotebus.core.indicator.Indicator[][] set(String code) {
            return sets.computeIfAbsent(code, c -> {
                com.quotebus.core.indicator.Indicator[][] s = new com.quotebus.core.indicator.Indicator[2][];
                for (int k = 0; k < 2; k++) {
                    s[k] = new com.quotebus.core.indicator.Indicator[DEFAULT_SET.length];
                    for (int i = 0; i < DEFAULT_SET.length; i++) {
                        s[k][i] = com.quotebus.core.indicator.Indicators.create(DEFAULT_SET[i]);
                    }
                }
                return s;
            });
        }

        @Override
        public void onBarClosed(com.quotebus.core.market.SymbolState state, com.quotebus.core.kline.Bar bar) {
            closedBars++;
            if (indicators && (bar.period() == com.quotebus.core.kline.Period.M1
                    || bar.period() == com.quotebus.core.kline.Period.DAY)) {
                for (com.quotebus.core.indicator.Indicator ind : set(state.code())[bar.period().ordinal() == 0 ? 0 : 1]) {
                    ind.commit(bar);
                }
            }
        }

        @Override
        public void onApplied(com.quotebus.core.market.SymbolState state, com.quotebus.core.event.MarketEvent e) {
            applied++;
            if (!indicators) {
                return;
            }
            long[] count = lastEval.computeIfAbsent(state.code(), c -> new long[1]);
            if (++count[0] % EVAL_EVERY != 0) {
                return;
            }
            com.quotebus.core.indicator.Indicator[][] s = set(state.code());
            com.quotebus.core.kline.Bar m1 = state.bar(com.quotebus.core.kline.Period.M1).toBar();
            com.quotebus.core.kline.Bar day = state.bar(com.quotebus.core.kline.Period.DAY).toBar();
            for (com.quotebus.core.indicator.Indicator ind : s[0]) {
                ind.evaluate(m1, out);
                sink += out[0];
            }
            for (com.quotebus.core.indicator.Indicator ind : s[1]) {
                ind.evaluate(day, out);
                sink += out[0];
            }
        }
    }

    @Setup
    public void setup() {
        TradingCalendar calendar = TradingCalendar.loadDefault();
        LocalDate day = LocalDate.parse("2025-03-10");
        Instrument[] instruments = new Instrument[symbols];
        Random rnd = new Random(1);
        for (int i = 0; i < symbols; i++) {
            long pre = (5 + rnd.nextInt(50)) * 10_000L;
            long limit = pre / 10 / 100 * 100;
            instruments[i] = new Instrument(Code.parse(String.format("%06d.SZ", i)), null, InstrumentType.STOCK, 100,
                    100, 1, pre, pre + limit, pre - limit, "CN_STOCK");
        }
        // one trading day of trades in time order, spread over all symbols and the 240 minutes
        long[] price = new long[symbols];
        for (int i = 0; i < symbols; i++) {
            price[i] = instruments[i].preClose();
        }
        tape = new Trade[BATCH];
        long morning = ChinaTime.epochMillis(day, 9 * 60 + 30);
        long afternoon = ChinaTime.epochMillis(day, 13 * 60);
        long perMinute = BATCH / 240;
        boolean live = tapeKind.equals("live");
        for (int k = 0; k < BATCH; k++) {
            int minute = (int) Math.min(239, k / perMinute);
            long base = minute < 120 ? morning + minute * 60_000L : afternoon + (minute - 120) * 60_000L;
            long t = live ? morning + 58_000 + k / 1000 : base + (k % perMinute) * 60_000L / perMinute + 1;
            int s = rnd.nextInt(symbols);
            Instrument inst = instruments[s];
            price[s] = Math.max(inst.lowerLimit(), Math.min(inst.upperLimit(), price[s] + (rnd.nextInt(5) - 2) * 100));
            long qty = (1 + rnd.nextInt(20)) * 100L;
            tape[k] = new Trade(inst.codeText(), t, price[s], qty, price[s] * qty, rnd.nextBoolean() ? Side.BUY : Side.SELL,
                    1, k + 1, 0, 0, 0, "bench");
        }
        listener = new BenchmarkListener();
        market = new MarketState(new TradingSchedules(calendar), BarSource.TRADES, 2_000, listener);
        for (Instrument inst : instruments) {
            market.addInstrument(inst);
        }
        pos = 0;
    }

    @Benchmark
    @OperationsPerInvocation(1024)
    public long applyTrades() {
        for (int i = 0; i < 1024; i++) {
            if (pos == BATCH) {
                if (tapeKind.equals("live")) {
                    pos = 0;
                    lap++;
                } else {
                    restartDay();
                }
            }
            Trade t = tape[pos++];
            if (lap > 0) {  // the live tape continues in time: a new event per tick, as a decoder makes
                t = new Trade(t.code(), t.exchangeTime() + lap * (long) (BATCH / 1000), t.price(), t.quantity(),
                        t.amount(), t.side(), t.channel(), t.channelSeq(), 0, 0, 0, "bench");
            }
            market.apply(t);
            long second = t.exchangeTime() / 1000;
            if (second != lastClock) {     // the market clock ticks once per second
                lastClock = second;
                market.advanceTo(t.exchangeTime());
            }
        }
        return listener.applied + listener.closedBars + (long) listener.sink;
    }

    private void restartDay() {
        market.advanceTo(tape[BATCH - 1].exchangeTime() + 3_600_000L);
        MarketState fresh = new MarketState(market.schedules(), BarSource.TRADES, 2_000, listener);
        market.symbols().forEach(s -> fresh.addInstrument(s.instrument()));
        market = fresh;
        pos = 0;
        lastClock = 0;
    }
}
