package com.quotebus.client;

import java.util.List;

/** A {@code pricevol.<code>} push: the rows that changed since the previous push (replace by price). */
public record PriceVolumeUpdate(String code, long seq, long time, long dayVolume, List<PriceLevel> rows) {
    public PriceVolumeUpdate {
        rows = List.copyOf(rows);
    }
}
