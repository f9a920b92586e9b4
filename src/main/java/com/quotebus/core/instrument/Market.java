package com.quotebus.core.instrument;

/** Markets Quotebus knows, by the suffix used in codes such as {@code 600000.SH}. */
public enum Market {
    /** Shanghai Stock Exchange. */
    SH(AssetClass.STOCK),
    /** Shenzhen Stock Exchange. */
    SZ(AssetClass.STOCK),
    /** Shanghai Futures Exchange. */
    SHF(AssetClass.FUTURE),
    /** Shanghai International Energy Exchange. */
    INE(AssetClass.FUTURE),
    /** Dalian Commodity Exchange. */
    DCE(AssetClass.FUTURE),
    /** Zhengzhou Commodity Exchange. */
    CZC(AssetClass.FUTURE),
    /** China Financial Futures Exchange. */
    CFX(AssetClass.FUTURE),
    /** Guangzhou Futures Exchange. */
    GFE(AssetClass.FUTURE);

    private final AssetClass assetClass;

    Market(AssetClass assetClass) {
        this.assetClass = assetClass;
    }

    public AssetClass assetClass() {
        return assetClass;
    }

    /** The market for a code suffix, or {@code null} when the suffix is not a known market. */
    public static Market ofSuffix(String suffix) {
        for (Market m : values()) {
            if (m.name().equals(suffix)) {
                return m;
            }
        }
        return null;
    }

    /** Broad asset class: decides volume units and which session templates apply. */
    public enum AssetClass { STOCK, FUTURE }
}
