package com.quotebus.collector.szse;

import com.quotebus.core.instrument.Market;

/**
 * SecurityIDSource char(4) values and the market suffix each maps to. {@code 102} (SZSE) and {@code 101}
 * (SSE) are the spec's; the {@code 9xx} values are a PRIVATE Quotebus extension used only by our simulator
 * to carry futures through the same protocol — SZSE does not send them.
 */
public enum SecurityIdSource {
    SSE("101", Market.SH),
    SZSE("102", Market.SZ),
    /** Private: Shanghai Futures Exchange. */
    PRIVATE_SHFE("901", Market.SHF),
    /** Private: China Financial Futures Exchange. */
    PRIVATE_CFFEX("902", Market.CFX),
    /** Private: Dalian Commodity Exchange. */
    PRIVATE_DCE("903", Market.DCE),
    /** Private: Zhengzhou Commodity Exchange. */
    PRIVATE_CZCE("904", Market.CZC),
    /** Private: Shanghai International Energy Exchange. */
    PRIVATE_INE("905", Market.INE),
    /** Private: Guangzhou Futures Exchange. */
    PRIVATE_GFEX("906", Market.GFE);

    private final String wire;
    private final Market market;
    private final int bits;
    private final String suffix;

    SecurityIdSource(String wire, Market market) {
        this.wire = wire;
        this.market = market;
        this.bits = Ascii.pack(wire, 4);
        this.suffix = "." + market.name();
    }

    /** The char(4) text, e.g. {@code 102}. */
    public String wire() {
        return wire;
    }

    public Market market() {
        return market;
    }

    /** The 4 wire bytes (space-padded) packed big-endian. */
    public int bits() {
        return bits;
    }

    /** {@code .SZ}, {@code .SH}, … */
    public String suffix() {
        return suffix;
    }

    public boolean isPrivate() {
        return wire.charAt(0) == '9';
    }

    /** The source for packed wire bytes (space- or NUL-padded), or null when unknown. */
    public static SecurityIdSource ofBits(int bits) {
        int normalised = bits;
        for (int shift = 0; shift < 32; shift += 8) {
            if (((normalised >>> shift) & 0xff) == 0) {
                normalised |= ' ' << shift;
            }
        }
        for (SecurityIdSource s : VALUES) {
            if (s.bits == normalised) {
                return s;
            }
        }
        return null;
    }

    /** The source that carries a market's codes. */
    public static SecurityIdSource of(Market market) {
        for (SecurityIdSource s : VALUES) {
            if (s.market == market) {
                return s;
            }
        }
        throw new IllegalArgumentException("no SecurityIDSource for market " + market);
    }

    private static final SecurityIdSource[] VALUES = values();
}
