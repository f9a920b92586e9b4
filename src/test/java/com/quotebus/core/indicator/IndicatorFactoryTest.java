package com.quotebus.core.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quotebus.core.kline.Bar;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndicatorFactoryTest {

    private static String describe(Indicator i) {
        return i.spec() + " " + String.join(",", i.outputs());
    }

    @Test
    void defaultsFollowTheTerminal() {
        List<String> described = new ArrayList<>();
        for (String name : Indicators.names()) {
            described.add(describe(Indicators.create(name)));
        }
        assertThat(described).containsExactly(
                "MA(5,10,20,60) MA5,MA10,MA20,MA60",
                "EMA(12,26) EMA12,EMA26",
                "MACD(12,26,9) DIF,DEA,MACD",
                "KDJ(9,3,3) K,D,J",
                "RSI(6,12,24) RSI6,RSI12,RSI24",
                "BOLL(20,2) BOLL,UB,LB",
                "VOL(5,10) VOLUME,MAVOL5,MAVOL10",
                "VOL(5,10) VOLUME,MAVOL5,MAVOL10",
                "BIAS(6,12,24) BIAS6,BIAS12,BIAS24",
                "WR(10,6) WR10,WR6",
                "CCI(14) CCI",
                "ATR(14) MTR,ATR",
                "OBV(30) OBV,MAOBV",
                "DMI(14,6) PDI,MDI,ADX,ADXR",
                "SAR(2,20) SAR");
    }

    @Test
    void namesAreCaseInsensitiveAndParametersOverrideDefaults() {
        assertThat(describe(Indicators.create(" macd ", 5, 34, 5))).isEqualTo("MACD(5,34,5) DIF,DEA,MACD");
        assertThat(describe(Indicators.create("Ma", 7))).isEqualTo("MA(7) MA7");
        assertThat(describe(Indicators.create("mavol", 3))).isEqualTo("VOL(3) VOLUME,MAVOL3");
    }

    @Test
    void unknownOrMissingNamesAreRejectedWithTheKnownNames() {
        assertThatThrownBy(() -> Indicators.create("SKDJ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown indicator 'SKDJ' (known: MA EMA MACD KDJ RSI BOLL VOL MAVOL BIAS WR CCI ATR OBV DMI SAR)");
        assertThatThrownBy(() -> Indicators.create(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("indicator name is missing");
    }

    @Test
    void badParametersAreRejectedSayingWhy() {
        assertThat(rejection("MACD", 26, 12)).isEqualTo("MACD takes 3 parameters (SHORT,LONG,MID), got 2: [26, 12]");
        assertThat(rejection("MACD", 26, 12, 9)).isEqualTo("MACD SHORT (26) must be less than LONG (12)");
        assertThat(rejection("MA", 5, 0)).isEqualTo("MA parameter 0 is out of range 1..1000");
        assertThat(rejection("MA", 5, 1001)).isEqualTo("MA parameter 1001 is out of range 1..1000");
        assertThat(rejection("RSI", 6, 6)).isEqualTo("RSI period 6 is given twice");
        assertThat(rejection("MA", 1, 2, 3, 4, 5, 6, 7, 8, 9)).isEqualTo("MA takes 1..8 periods, got 9");
        assertThat(rejection("BOLL", 1, 2)).isEqualTo("BOLL N must be at least 2 (sample standard deviation), got 1");
        assertThat(rejection("BOLL", 20, 11)).isEqualTo("BOLL K must be 1..10, got 11");
        assertThat(rejection("CCI", 14, 2)).isEqualTo("CCI takes 1 parameter (N), got 2: [14, 2]");
        assertThat(rejection("SAR", 20, 2)).isEqualTo("SAR needs STEP <= MAX <= 100 (hundredths), got 20,2");
        assertThat(rejection("KDJ", -9, 3, 3)).isEqualTo("KDJ parameter -9 is out of range 1..1000");
    }

    private static String rejection(String name, int... params) {
        try {
            Indicators.create(name, params);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        throw new AssertionError(name + " accepted " + java.util.Arrays.toString(params));
    }

    @Test
    void valuesBeforeAnyCommitAreNaNAndShortArraysAreRejected() {
        Indicator macd = Indicators.create("MACD");
        double[] out = new double[3];
        macd.values(out);
        assertThat(out).containsExactly(Double.NaN, Double.NaN, Double.NaN);
        Bar bar = RandomBars.generate(1, 1, 10).get(0);
        assertThatThrownBy(() -> macd.evaluate(bar, new double[2])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("MACD(12,26,9) has 3 outputs, array has 2");
    }
}
