package com.quotebus.core.event;

/** Aggressor side of a trade (逐笔 BS flag). */
public enum Side {
    /** Active buy: the buyer took the ask (外盘). */
    BUY('B'),
    /** Active sell: the seller hit the bid (内盘). */
    SELL('S'),
    /** Unknown (auction prints, vendors without the flag). */
    NONE('N');

    private final char flag;

    Side(char flag) {
        this.flag = flag;
    }

    /** The one-letter flag used on the wire and in files: B, S or N. */
    public char flag() {
        return flag;
    }

    /** The side for a flag letter; anything but B or S is {@link #NONE}. */
    public static Side ofFlag(char flag) {
        return switch (flag) {
            case 'B', 'b', '1' -> BUY;
            case 'S', 's', '2' -> SELL;
            default -> NONE;
        };
    }
}
