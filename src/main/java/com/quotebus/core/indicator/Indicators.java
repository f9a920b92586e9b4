package com.quotebus.core.indicator;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Creates indicators by name (case-insensitive) and parameters, with 通达信 defaults when no parameters
 * are given. Bad names or parameters throw {@link IllegalArgumentException} with a message fit for an
 * error reply.
 *
 * <table>
 * <caption>Names, parameters and defaults</caption>
 * <tr><th>name</th><th>parameters</th><th>default</th><th>outputs</th></tr>
 * <tr><td>MA</td><td>1–8 periods</td><td>5,10,20,60</td><td>MA5 MA10 …</td></tr>
 * <tr><td>EMA</td><td>1–8 periods</td><td>12,26</td><td>EMA12 EMA26</td></tr>
 * <tr><td>MACD</td><td>SHORT,LONG,MID</td><td>12,26,9</td><td>DIF DEA MACD</td></tr>
 * <tr><td>KDJ</td><td>N,M1,M2</td><td>9,3,3</td><td>K D J</td></tr>
 * <tr><td>RSI</td><td>1–8 periods</td><td>6,12,24</td><td>RSI6 RSI12 RSI24</td></tr>
 * <tr><td>BOLL</td><td>N,K</td><td>20,2</td><td>BOLL UB LB</td></tr>
 * <tr><td>VOL (MAVOL)</td><td>1–8 periods</td><td>5,10</td><td>VOLUME MAVOL5 MAVOL10</td></tr>
 * <tr><td>BIAS</td><td>1–8 periods</td><td>6,12,24</td><td>BIAS6 BIAS12 BIAS24</td></tr>
 * <tr><td>WR</td><td>1–8 periods</td><td>10,6</td><td>WR10 WR6</td></tr>
 * <tr><td>CCI</td><td>N</td><td>14</td><td>CCI</td></tr>
 * <tr><td>ATR</td><td>N</td><td>14</td><td>MTR ATR</td></tr>
 * <tr><td>OBV</td><td>M</td><td>30</td><td>OBV MAOBV</td></tr>
 * <tr><td>DMI</td><td>N,M</td><td>14,6</td><td>PDI MDI ADX ADXR</td></tr>
 * <tr><td>SAR</td><td>STEP,MAX (hundredths)</td><td>2,20</td><td>SAR</td></tr>
 * </table>
 */
public final class Indicators {
    /** Largest window accepted; each window keeps that many values in memory. */
    public static final int MAX_PERIOD = 1000;
    /** Largest number of periods for the multi-line indicators (MA, EMA, RSI, VOL, BIAS, WR). */
    public static final int MAX_LINES = 8;
    /** Largest BOLL width in standard deviations. */
    public static final int MAX_BOLL_WIDTH = 10;

    private static final List<String> NAMES =
            List.of("MA", "EMA", "MACD", "KDJ", "RSI", "BOLL", "VOL", "MAVOL", "BIAS", "WR", "CCI", "ATR", "OBV", "DMI", "SAR");

    private Indicators() {}

    /** Known names (MAVOL is an alias of VOL). */
    public static List<String> names() {
        return NAMES;
    }

    /** Default parameters for {@code name}. */
    public static int[] defaults(String name) {
        return switch (canonical(name)) {
            case "MA" -> new int[] {5, 10, 20, 60};
            case "EMA" -> new int[] {12, 26};
            case "MACD" -> new int[] {12, 26, 9};
            case "KDJ" -> new int[] {9, 3, 3};
            case "RSI", "BIAS" -> new int[] {6, 12, 24};
            case "BOLL" -> new int[] {20, 2};
            case "VOL" -> new int[] {5, 10};
            case "WR" -> new int[] {10, 6};
            case "CCI", "ATR" -> new int[] {14};
            case "OBV" -> new int[] {30};
            case "DMI" -> new int[] {14, 6};
            case "SAR" -> new int[] {2, 20};
            default -> throw new IllegalStateException(name);
        };
    }

    /**
     * A new indicator. With no parameters (or {@code null}) the defaults apply.
     *
     * @throws IllegalArgumentException for an unknown name or bad parameters, saying which and why
     */
    public static Indicator create(String name, int... params) {
        String n = canonical(name);
        int[] p = params == null || params.length == 0 ? defaults(n) : params.clone();
        return switch (n) {
            case "MA" -> new Ma(lines(n, p));
            case "EMA" -> new Ema(lines(n, p));
            case "RSI" -> new Rsi(lines(n, p));
            case "VOL" -> new Vol(lines(n, p));
            case "BIAS" -> new Bias(lines(n, p));
            case "WR" -> new Wr(lines(n, p));
            case "MACD" -> {
                count(n, p, 3, "SHORT,LONG,MID");
                if (p[0] >= p[1]) {
                    throw new IllegalArgumentException(
                            "MACD SHORT (" + p[0] + ") must be less than LONG (" + p[1] + ")");
                }
                yield new Macd(p[0], p[1], p[2]);
            }
            case "KDJ" -> {
                count(n, p, 3, "N,M1,M2");
                yield new Kdj(p[0], p[1], p[2]);
            }
            case "BOLL" -> {
                count(n, p, 2, "N,K");
                if (p[0] < 2) {
                    throw new IllegalArgumentException("BOLL N must be at least 2 (sample standard deviation), got "
                            + p[0]);
                }
                if (p[1] > MAX_BOLL_WIDTH) {
                    throw new IllegalArgumentException("BOLL K must be 1.." + MAX_BOLL_WIDTH + ", got " + p[1]);
                }
                yield new Boll(p[0], p[1]);
            }
            case "CCI" -> new Cci(count(n, p, 1, "N")[0]);
            case "ATR" -> new Atr(count(n, p, 1, "N")[0]);
            case "OBV" -> new Obv(count(n, p, 1, "M")[0]);
            case "DMI" -> {
                count(n, p, 2, "N,M");
                yield new Dmi(p[0], p[1]);
            }
            case "SAR" -> {
                count(n, p, 2, "STEP,MAX in hundredths");
                if (p[0] > p[1] || p[1] > 100) {
                    throw new IllegalArgumentException("SAR needs STEP <= MAX <= 100 (hundredths), got " + p[0] + ","
                            + p[1]);
                }
                yield new Sar(p[0], p[1]);
            }
            default -> throw new IllegalStateException(n);
        };
    }

    private static String canonical(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("indicator name is missing (known: " + String.join(" ", NAMES) + ")");
        }
        String n = name.trim().toUpperCase(Locale.ROOT);
        if (!NAMES.contains(n)) {
            throw new IllegalArgumentException(
                    "unknown indicator '" + name + "' (known: " + String.join(" ", NAMES) + ")");
        }
        return n.equals("MAVOL") ? "VOL" : n;
    }

    private static int[] count(String name, int[] p, int expected, String meaning) {
        if (p.length != expected) {
            throw new IllegalArgumentException(name + " takes " + expected + " parameter" + (expected > 1 ? "s" : "")
                    + " (" + meaning + "), got " + p.length + ": " + Arrays.toString(p));
        }
        for (int v : p) {
            period(name, v);
        }
        return p;
    }

    private static int[] lines(String name, int[] p) {
        if (p.length > MAX_LINES) {
            throw new IllegalArgumentException(name + " takes 1.." + MAX_LINES + " periods, got " + p.length);
        }
        for (int i = 0; i < p.length; i++) {
            period(name, p[i]);
            for (int j = 0; j < i; j++) {
                if (p[j] == p[i]) {
                    throw new IllegalArgumentException(name + " period " + p[i] + " is given twice");
                }
            }
        }
        return p;
    }

    private static void period(String name, int v) {
        if (v < 1 || v > MAX_PERIOD) {
            throw new IllegalArgumentException(name + " parameter " + v + " is out of range 1.." + MAX_PERIOD);
        }
    }

    /** Output names {@code prefix + period}, e.g. MA5, MA10. */
    static String[] suffixed(String prefix, int[] periods) {
        String[] names = new String[periods.length];
        for (int i = 0; i < periods.length; i++) {
            names[i] = prefix + periods[i];
        }
        return names;
    }
}
