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
 * second), which commits them to the listener. One thread = one core.
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

    private Trade[] tape;
    private MarketState market;
    private int pos;
    private long lastClock;
    private final BenchmarkListener listener = new BenchmarkListener();

    /** Counts closed bars so that the JIT cannot drop the work. */
    static final class BenchmarkListener implements MarketListener {
        long closedBars;
        long applied;

        @Override
        public void onBarClosed(com.quotebus.core.market.SymbolState state, com.quotebus.core.kline.Bar bar) {
            closedBars++;
        }

        @Override
        public void onApplied(com.quotebus.core.market.SymbolState state, com.quotebus.core.event.MarketEvent e) {
            applied++;
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
        for (int k = 0; k < BATCH; k++) {
            int minute = (int) Math.min(239, k / perMinute);
            long base = minute < 120 ? morning + minute * 60_000L : afternoon + (minute - 120) * 60_000L;
            long t = base + (k % perMinute) * 60_000L / perMinute + 1;
            int s = rnd.nextInt(symbols);
            Instrument inst = instruments[s];
            price[s] = Math.max(inst.lowerLimit(), Math.min(inst.upperLimit(), price[s] + (rnd.nextInt(5) - 2) * 100));
            long qty = (1 + rnd.nextInt(20)) * 100L;
            tape[k] = new Trade(inst.codeText(), t, price[s], qty, price[s] * qty, rnd.nextBoolean() ? Side.BUY : Side.SELL,
                    1, k + 1, 0, 0, 0, "bench");
        }
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
                restartDay();
            }
            Trade t = tape[pos++];
            market.apply(t);
            long second = t.exchangeTime() / 1000;
            if (second != lastClock) {     // the market clock ticks once per second
                lastClock = second;
                market.advanceTo(t.exchangeTime());
            }
        }
        return listener.applied + listener.closedBars;
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
