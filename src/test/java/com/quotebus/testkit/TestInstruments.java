package com.quotebus.testkit;

import com.quotebus.core.instrument.Code;
import com.quotebus.core.instrument.Instrument;
import com.quotebus.core.instrument.InstrumentType;

/** Instruments used across tests. */
public final class TestInstruments {
    public static final Instrument PUFA = new Instrument(Code.parse("600000.SH"), "浦发银行", InstrumentType.STOCK, 100,
            100, 1, 100_000, 110_000, 90_000, "CN_STOCK");
    public static final Instrument PINGAN = new Instrument(Code.parse("000001.SZ"), "平安银行", InstrumentType.STOCK, 100,
            100, 1, 120_000, 132_000, 108_000, "CN_STOCK");
    public static final Instrument REBAR = new Instrument(Code.parse("rb2505.SHF"), "螺纹钢2505", InstrumentType.FUTURE,
            10_000, 1, 10, 35_000_000, 37_000_000, 33_000_000, "CN_COMMODITY_NIGHT_2300");

    private TestInstruments() {}
}
