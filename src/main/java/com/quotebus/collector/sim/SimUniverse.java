package com.quotebus.collector.sim;

import com.quotebus.core.instrument.Code;
import com.quotebus.core.instrument.InstrumentType;
import com.quotebus.core.instrument.Market;
import com.quotebus.core.time.SessionTemplates;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The simulated symbols: futures first (most active), then A-shares taken in turn from the boards SH 600,
 * SZ 000, SH 601, SZ 002, SH 688 (STAR), SZ 300 (ChiNext): 600001, 000001, 601001, 002001, 688001, 300001,
 * 600002, … Limits ±10%, ±20% on STAR and ChiNext; tick 0.01, lot 100. Futures: rb2605.SHF (tick 1 yuan,
 * ×10, night to 23:00, ±7%) and IF2606.CFX (tick 0.2, ×300, ±10%). Trade-rate weights fall with the index
 * (∝ 1/(i+1)^0.7). Channels by hash of the code. Deterministic from the config.
 */
public final class SimUniverse {
    private static final int[] BOARDS = {600, 0, 601, 2, 688, 300};
    private final List<SimSymbol> symbols;
    private final java.util.Map<String, Integer> multipliers = new java.util.HashMap<>();

    public SimUniverse(SimulatorConfig config) {
        int n = config.stocks() + (config.futures() ? 2 : 0);
        double[] w = new double[n];
        double total = 0;
        for (int i = 0; i < n; i++) {
            w[i] = 1 / Math.pow(i + 1, 0.7);
            total += w[i];
        }
        List<SimSymbol> list = new ArrayList<>(n);
        int i = 0;
        if (config.futures()) {
            list.add(symbol(config, i, new Code("rb2605", Market.SHF), "螺纹钢2605", InstrumentType.FUTURE, 10_000, 1,
                    10, 7, 3500_0000L, "CN_COMMODITY_NIGHT_2300", w[i++] / total));
            list.add(symbol(config, i, new Code("IF2606", Market.CFX), "沪深300股指2606", InstrumentType.FUTURE, 2_000,
                    1, 300, 10, 3900_0000L, "CN_INDEX_FUTURE", w[i++] / total));
        }
        for (int k = 0; k < config.stocks(); k++) {
            int board = BOARDS[k % BOARDS.length];
            int number = board * 1000 + k / BOARDS.length + 1;
            String symbol = String.format("%06d", number);
            Market market = board >= 600 ? Market.SH : Market.SZ;
            int limit = board == 688 || board == 300 ? 20 : 10;
            SplittableRandom r = new SplittableRandom(config.seed() ^ (number * 0x9E3779B97F4A7C15L));
            long base = Math.round(Math.exp(Math.log(3) + r.nextDouble() * Math.log(100 / 3.0)) * 100) * 100;
            list.add(symbol(config, i, new Code(symbol, market), "Sim " + symbol, InstrumentType.STOCK, 100, 100, 1,
                    limit, base, "CN_STOCK", w[i++] / total));
        }
        this.symbols = Collections.unmodifiableList(list);
        for (SimSymbol s : list) {
            if (s.multiplier() != 1) {
                multipliers.put(s.codeText(), s.multiplier());
            }
        }
    }

    private static SimSymbol symbol(SimulatorConfig c, int index, Code code, String name, InstrumentType type, long tick,
            int lot, int multiplier, int limitPct, long base, String template, double weight) {
        int channel = 1 + Math.floorMod(code.toString().hashCode(), c.channels());
        return new SimSymbol(index, code, name, type, tick, lot, multiplier, limitPct, base, SessionTemplates.get(template),
                weight, channel);
    }

    public List<SimSymbol> symbols() {
        return symbols;
    }

    public int size() {
        return symbols.size();
    }

    /** Contract multiplier of a code (1 for unknown codes and stocks); for the feed normaliser. */
    public int multiplierOf(String code) {
        return multipliers.getOrDefault(code, 1);
    }
}
