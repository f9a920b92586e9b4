package com.quotebus.core.indicator;

import com.quotebus.core.kline.Bar;

/**
 * {@code DMI(N,M)} as 通达信: N-bar <em>sums</em> of true range and directional movement (TA-Lib's
 * {@code plusDI}/{@code adx} use Wilder's smoothing instead), ADX a simple M-bar mean of DX, ADXR the
 * mean of ADX and ADX M bars earlier. Movement needs a previous bar, so the first input is bar 2.
 */
final class Dmi extends AbstractIndicator {
    private final LongWindow trs;
    private final LongWindow plus;
    private final LongWindow minus;
    private final DoubleWindow dxs;
    private final double[] adxHistory;
    private int adxHead;
    private int adxCount;
    private long prevHigh;
    private long prevLow;
    private long prevClose;
    private boolean hasPrev;

    Dmi(int n, int m) {
        super("DMI", new int[] {n, m}, new String[] {"PDI", "MDI", "ADX", "ADXR"},
                "TR = MAX(H-L, ABS(H-C'), ABS(C'-L)); HD = H-H'; LD = L'-L; from bar 2 (needs a previous bar);"
                        + " PDI = SUM(IF(HD>0 AND HD>LD, HD, 0)," + n + ") * 100 / SUM(TR," + n + ");"
                        + " MDI = SUM(IF(LD>0 AND LD>HD, LD, 0)," + n + ") * 100 / SUM(TR," + n + ") (0 when the TR"
                        + " sum is 0); ADX = MA(ABS(MDI-PDI)/(MDI+PDI)*100," + m + ") (DX = 0 when MDI+PDI = 0);"
                        + " ADXR = (ADX + REF(ADX," + m + "))/2; simple sums and means, not Wilder smoothing");
        trs = new LongWindow(n);
        plus = new LongWindow(n);
        minus = new LongWindow(n);
        dxs = new DoubleWindow(m);
        adxHistory = new double[m];
    }

    private long trueRange(Bar bar) {
        return Math.max(bar.high() - bar.low(),
                Math.max(Math.abs(bar.high() - prevClose), Math.abs(prevClose - bar.low())));
    }

    private long plusMove(Bar bar) {
        long hd = bar.high() - prevHigh;
        long ld = prevLow - bar.low();
        return hd > 0 && hd > ld ? hd : 0;
    }

    private long minusMove(Bar bar) {
        long hd = bar.high() - prevHigh;
        long ld = prevLow - bar.low();
        return ld > 0 && ld > hd ? ld : 0;
    }

    private static double dx(double pdi, double mdi) {
        double s = pdi + mdi;
        return s == 0 ? 0 : Math.abs(mdi - pdi) / s * 100;
    }

    @Override
    void compute(Bar bar, double[] out) {
        if (!hasPrev || !trs.fullWithNext()) {
            out[0] = Double.NaN;
            out[1] = Double.NaN;
            out[2] = Double.NaN;
            out[3] = Double.NaN;
            return;
        }
        long mtr = trs.sumWith(trueRange(bar));
        double pdi = mtr == 0 ? 0 : plus.sumWith(plusMove(bar)) * 100.0 / mtr;
        double mdi = mtr == 0 ? 0 : minus.sumWith(minusMove(bar)) * 100.0 / mtr;
        out[0] = pdi;
        out[1] = mdi;
        double adx = dxs.fullWithNext() ? dxs.sumWith(dx(pdi, mdi)) / dxs.period() : Double.NaN;
        out[2] = adx;
        // adxHistory holds the last M committed ADX values (NaN where undefined); its oldest is REF(ADX,M).
        out[3] = adxCount == adxHistory.length ? (adx + adxHistory[adxHead]) / 2 : Double.NaN;
    }

    @Override
    void advance(Bar bar, double[] values) {
        if (hasPrev) {
            trs.push(trueRange(bar));
            plus.push(plusMove(bar));
            minus.push(minusMove(bar));
            if (!Double.isNaN(values[0])) {
                dxs.push(dx(values[0], values[1]));
            }
        }
        if (adxCount == adxHistory.length) {
            adxHistory[adxHead] = values[2];
            adxHead = adxHead + 1 == adxHistory.length ? 0 : adxHead + 1;
        } else {
            adxHistory[adxCount++] = values[2];
        }
        prevHigh = bar.high();
        prevLow = bar.low();
        prevClose = bar.close();
        hasPrev = true;
    }
}
