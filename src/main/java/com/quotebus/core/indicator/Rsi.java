package com.quotebus.core.indicator;

import com.quotebus.core.kline.Bar;

/**
 * {@code RSI(N1,N2,…)}: {@code SMA(MAX(C−C',0),N,1) / SMA(ABS(C−C'),N,1) × 100}, both smoothers
 * seeded with the first change (bar 2). Bar 1 has no previous close, so RSI is NaN there. While no
 * change has been seen at all (denominator 0) RSI is 50.
 *
 * <p>Unchanged closes after a change shrink both averages by the same factor, so a flat stretch holds
 * the last RSI. After a very long flat stretch (about 1,000 unchanged closes for RSI2, more for longer
 * periods) the averages fall below the smallest normal {@code double}, where their ratio is no longer
 * meaningful: from there on, as with no change at all, RSI is 50.
 */
final class Rsi extends AbstractIndicator {
    static final double NO_CHANGE_RSI = 50.0;

    private final Smoother[] ups;
    private final Smoother[] moves;
    private long prevClose;
    private boolean hasPrev;

    Rsi(int[] periods) {
        super("RSI", periods, Indicators.suffixed("RSI", periods),
                "RSIn = SMA(MAX(C-C',0),n,1) / SMA(ABS(C-C'),n,1) * 100, both SMAs seeded with the first change;"
                        + " NaN on bar 1 (no previous close); 50 while the denominator is 0 (no change seen, or"
                        + " decayed below the smallest normal double by a long flat stretch); a shorter flat stretch"
                        + " holds the last value");
        ups = new Smoother[periods.length];
        moves = new Smoother[periods.length];
        for (int i = 0; i < periods.length; i++) {
            ups[i] = Smoother.sma(periods[i], 1);
            moves[i] = Smoother.sma(periods[i], 1);
        }
    }

    @Override
    void compute(Bar bar, double[] out) {
        if (!hasPrev) {
            for (int i = 0; i < ups.length; i++) {
                out[i] = Double.NaN;
            }
            return;
        }
        double change = yuan(bar.close() - prevClose);
        double up = Math.max(change, 0);
        double move = Math.abs(change);
        for (int i = 0; i < ups.length; i++) {
            double den = moves[i].peek(move);
            out[i] = den < Double.MIN_NORMAL ? NO_CHANGE_RSI : ups[i].peek(up) / den * 100;
        }
    }

    @Override
    void advance(Bar bar, double[] values) {
        if (hasPrev) {
            double change = yuan(bar.close() - prevClose);
            for (int i = 0; i < ups.length; i++) {
                ups[i].push(Math.max(change, 0));
                moves[i].push(Math.abs(change));
            }
        }
        prevClose = bar.close();
        hasPrev = true;
    }
}
