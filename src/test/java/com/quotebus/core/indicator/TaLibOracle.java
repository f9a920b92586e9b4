package com.quotebus.core.indicator;

import com.tictactec.ta.lib.Compatibility;
import com.tictactec.ta.lib.Core;
import com.tictactec.ta.lib.MAType;
import com.tictactec.ta.lib.MInteger;
import com.tictactec.ta.lib.RetCode;
import java.util.Arrays;

/**
 * TA-Lib calls with outputs aligned to the input index (NaN where TA-Lib gives nothing), in Metastock
 * compatibility so that EMA seeds from the first value. Mappings follow docs/domain.md.
 */
final class TaLibOracle {
    private final Core core = new Core();

    TaLibOracle() {
        core.SetCompatibility(Compatibility.Metastock);
    }

    interface Call {
        RetCode run(int end, MInteger begin, MInteger count, double[] out);
    }

    /** Runs a TA-Lib function over {@code length} inputs and aligns its output. */
    static double[] aligned(int length, Call call) {
        double[] raw = new double[length];
        MInteger begin = new MInteger();
        MInteger count = new MInteger();
        RetCode rc = call.run(length - 1, begin, count, raw);
        if (rc != RetCode.Success) {
            throw new AssertionError("TA-Lib returned " + rc);
        }
        double[] out = new double[length];
        Arrays.fill(out, Double.NaN);
        System.arraycopy(raw, 0, out, begin.value, count.value);
        return out;
    }

    double[] sma(double[] x, int n) {
        return aligned(x.length, (e, b, c, o) -> core.sma(0, e, x, n, b, c, o));
    }

    double[] sum(double[] x, int n) {
        return aligned(x.length, (e, b, c, o) -> core.sum(0, e, x, n, b, c, o));
    }

    double[] max(double[] x, int n) {
        return aligned(x.length, (e, b, c, o) -> core.max(0, e, x, n, b, c, o));
    }

    double[] min(double[] x, int n) {
        return aligned(x.length, (e, b, c, o) -> core.min(0, e, x, n, b, c, o));
    }

    /**
     * {@code ema(n)} seeded with the first defined value: the NaN prefix of {@code x} is skipped and
     * n − 1 copies of the first defined value are prepended.
     */
    double[] emaSeededFirst(double[] x, int n) {
        int first = 0;
        while (first < x.length && Double.isNaN(x[first])) {
            first++;
        }
        double[] out = new double[x.length];
        Arrays.fill(out, Double.NaN);
        if (first == x.length) {
            return out;
        }
        int len = x.length - first;
        double[] padded = new double[len + n - 1];
        Arrays.fill(padded, 0, n - 1, x[first]);
        System.arraycopy(x, first, padded, n - 1, len);
        double[] r = aligned(padded.length, (e, b, c, o) -> core.ema(0, e, padded, n, b, c, o));
        System.arraycopy(r, n - 1, out, first, len);
        return out;
    }

    /** Terminal {@code SMA(X,n,1)} = {@code ema(2n − 1)}, same seeding. */
    double[] smaTerminal(double[] x, int n) {
        return emaSeededFirst(x, 2 * n - 1);
    }

    double[][] bbands(double[] x, int n, double nbDev) {
        double[] up = new double[x.length];
        double[] mid = new double[x.length];
        double[] lo = new double[x.length];
        MInteger b = new MInteger();
        MInteger c = new MInteger();
        RetCode rc = core.bbands(0, x.length - 1, x, n, nbDev, nbDev, MAType.Sma, b, c, up, mid, lo);
        if (rc != RetCode.Success) {
            throw new AssertionError("TA-Lib returned " + rc);
        }
        return new double[][] {shift(mid, b, c), shift(up, b, c), shift(lo, b, c)};
    }

    double[][] stochEma(double[] h, double[] l, double[] cl, int n, int slowK, int slowD) {
        double[] k = new double[cl.length];
        double[] d = new double[cl.length];
        MInteger b = new MInteger();
        MInteger c = new MInteger();
        RetCode rc = core.stoch(0, cl.length - 1, h, l, cl, n, slowK, MAType.Ema, slowD, MAType.Ema, b, c, k, d);
        if (rc != RetCode.Success) {
            throw new AssertionError("TA-Lib returned " + rc);
        }
        return new double[][] {shift(k, b, c), shift(d, b, c)};
    }

    double[] willR(double[] h, double[] l, double[] cl, int n) {
        return aligned(cl.length, (e, b, c, o) -> core.willR(0, e, h, l, cl, n, b, c, o));
    }

    double[] cci(double[] h, double[] l, double[] cl, int n) {
        return aligned(cl.length, (e, b, c, o) -> core.cci(0, e, h, l, cl, n, b, c, o));
    }

    double[] trueRange(double[] h, double[] l, double[] cl) {
        return aligned(cl.length, (e, b, c, o) -> core.trueRange(0, e, h, l, cl, b, c, o));
    }

    double[] obv(double[] cl, double[] v) {
        return aligned(cl.length, (e, b, c, o) -> core.obv(0, e, cl, v, b, c, o));
    }

    double[] plusDM1(double[] h, double[] l) {
        return aligned(h.length, (e, b, c, o) -> core.plusDM(0, e, h, l, 1, b, c, o));
    }

    double[] minusDM1(double[] h, double[] l) {
        return aligned(h.length, (e, b, c, o) -> core.minusDM(0, e, h, l, 1, b, c, o));
    }

    double[] sar(double[] h, double[] l, double step, double max) {
        return aligned(h.length, (e, b, c, o) -> core.sar(0, e, h, l, step, max, b, c, o));
    }

    private static double[] shift(double[] raw, MInteger b, MInteger c) {
        double[] out = new double[raw.length];
        Arrays.fill(out, Double.NaN);
        System.arraycopy(raw, 0, out, b.value, c.value);
        return out;
    }
}
