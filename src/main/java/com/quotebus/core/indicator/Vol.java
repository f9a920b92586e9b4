package com.quotebus.core.indicator;

import com.quotebus.core.kline.Bar;

/** {@code VOL(M1,M2,…)}: the bar's volume and its simple means (MAVOL), in the bar's volume unit. */
final class Vol extends AbstractIndicator {
    private final LongWindow[] windows;

    Vol(int[] periods) {
        super("VOL", periods, withVolume(periods),
                "VOLUME = bar volume (shares or contracts as stored, not lots); MAVOLn = mean of the last n volumes;"
                        + " NaN before n bars");
        windows = LongWindow.of(periods);
    }

    private static String[] withVolume(int[] periods) {
        String[] ma = Indicators.suffixed("MAVOL", periods);
        String[] all = new String[ma.length + 1];
        all[0] = "VOLUME";
        System.arraycopy(ma, 0, all, 1, ma.length);
        return all;
    }

    @Override
    void compute(Bar bar, double[] out) {
        long v = bar.volume();
        out[0] = v;
        for (int i = 0; i < windows.length; i++) {
            LongWindow w = windows[i];
            out[i + 1] = w.fullWithNext() ? w.sumWith(v) / (double) w.period() : Double.NaN;
        }
    }

    @Override
    void advance(Bar bar, double[] values) {
        LongWindow.pushAll(windows, bar.volume());
    }
}
