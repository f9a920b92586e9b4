package com.quotebus.client;

import java.util.List;

/** A {@code svc.pricevol} reply: the whole day's 分价 table with its totals. */
public record PriceVolume(String code, long seq, long dayVolume, long buyVolume, long sellVolume,
                          List<PriceLevel> rows) {
    public PriceVolume {
        rows = List.copyOf(rows);
    }
}
