package com.quotebus.core.indicator;

import com.quotebus.core.kline.Bar;

/**
 * {@code SAR(S,M)}: Wilder's parabolic stop-and-reverse with acceleration step S/100 and maximum M/100,
 * started the way TA-Lib starts it: on bar 2, long unless bar 2's down-move (L'−L) is positive and
 * larger than its up-move (H−H'), with the SAR at bar 1's low (long) or high (short). 通达信's
 * {@code SAR(N,S,M)} instead looks back N bars for its start, so the two can differ until their first
 * common reversal. The SAR never enters the range of the current or previous bar.
 */
final class Sar extends AbstractIndicator {
    private final double step;
    private final double max;
    // Committed state: the SAR carried into the next bar, its extreme point and acceleration, the
    // trend, and the previous bar's range (the SAR may not enter it).
    private boolean started;
    private boolean isLong;
    private double sar;
    private double ep;
    private double af;
    private double prevHigh;
    private double prevLow;
    private boolean hasFirst;
    private double firstHigh;
    private double firstLow;
    // Result of the last step, written by step() for advance().
    private boolean nLong;
    private double nSar;
    private double nEp;
    private double nAf;

    Sar(int stepPercent, int maxPercent) {
        super("SAR", new int[] {stepPercent, maxPercent}, new String[] {"SAR"},
                "parabolic SAR, acceleration " + stepPercent + "/100 up to " + maxPercent + "/100 (Wilder); starts on"
                        + " bar 2 as TA-Lib: long unless L'-L > 0 and L'-L > H-H', initial SAR = bar 1 low (long) or"
                        + " high (short); NaN on bar 1; prices in yuan");
        this.step = stepPercent / 100.0;
        this.max = maxPercent / 100.0;
    }

    @Override
    void compute(Bar bar, double[] out) {
        out[0] = step(bar);
    }

    @Override
    void advance(Bar bar, double[] values) {
        if (!hasFirst) {
            hasFirst = true;
            firstHigh = yuan(bar.high());
            firstLow = yuan(bar.low());
            return;
        }
        step(bar);
        started = true;
        isLong = nLong;
        sar = nSar;
        ep = nEp;
        af = nAf;
        prevHigh = yuan(bar.high());
        prevLow = yuan(bar.low());
    }

    /** The SAR shown on {@code bar}; leaves the state that would follow it in the n* fields. */
    private double step(Bar bar) {
        if (!hasFirst) {
            return Double.NaN;
        }
        double high = yuan(bar.high());
        double low = yuan(bar.low());
        boolean lng = isLong;
        double s = sar;
        double e = ep;
        double a = af;
        double pHigh = prevHigh;
        double pLow = prevLow;
        if (!started) {
            double up = high - firstHigh;
            double down = firstLow - low;
            lng = !(down > 0 && down > up);
            s = lng ? firstLow : firstHigh;
            e = lng ? high : low;
            a = step;
            pHigh = high; // TA-Lib treats bar 2 as its own previous bar
            pLow = low;
        }
        double shown;
        if (lng) {
            if (low <= s) {
                lng = false;
                s = Math.max(e, Math.max(pHigh, high));
                shown = s;
                a = step;
                e = low;
                s = Math.max(s + a * (e - s), Math.max(pHigh, high));
            } else {
                shown = s;
                if (high > e) {
                    e = high;
                    a = Math.min(a + step, max);
                }
                s = Math.min(s + a * (e - s), Math.min(pLow, low));
            }
        } else {
            if (high >= s) {
                lng = true;
                s = Math.min(e, Math.min(pLow, low));
                shown = s;
                a = step;
                e = high;
                s = Math.min(s + a * (e - s), Math.min(pLow, low));
            } else {
                shown = s;
                if (low < e) {
                    e = low;
                    a = Math.min(a + step, max);
                }
                s = Math.max(s + a * (e - s), Math.max(pHigh, high));
            }
        }
        nLong = lng;
        nSar = s;
        nEp = e;
        nAf = a;
        return shown;
    }
}
