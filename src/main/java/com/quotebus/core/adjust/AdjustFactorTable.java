package com.quotebus.core.adjust;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adjustment factors of many codes; a code without an entry has no corporate actions. Immutable and
 * thread-safe: when the vendor publishes new factors, build a new table and swap the reference. Read from a
 * vendor file with {@link AdjustFactorCsv}; the node loads its table from the history store at start.
 */
public final class AdjustFactorTable {
    private static final AdjustFactorTable EMPTY = new AdjustFactorTable(Map.of());

    private final Map<String, AdjustFactors> byCode;

    private AdjustFactorTable(Map<String, AdjustFactors> byCode) {
        this.byCode = byCode;
    }

    /** A table without factors: every adjustment leaves prices as traded. */
    public static AdjustFactorTable empty() {
        return EMPTY;
    }

    /** @throws IllegalArgumentException if a code appears twice */
    public static AdjustFactorTable of(Collection<AdjustFactors> all) {
        Map<String, AdjustFactors> map = new TreeMap<>();
        for (AdjustFactors f : all) {
            if (map.putIfAbsent(f.code(), f) != null) {
                throw new IllegalArgumentException("adjustment factors for " + f.code() + " are given twice");
            }
        }
        return new AdjustFactorTable(map);
    }

    /** The factors of {@code code}; {@link AdjustFactors#none} when it has none. */
    public AdjustFactors factorsOf(String code) {
        AdjustFactors f = byCode.get(code);
        return f != null ? f : AdjustFactors.none(code);
    }

    /** Codes with at least one factor, sorted. */
    public List<String> codes() {
        return List.copyOf(byCode.keySet());
    }

    /** Number of factors over all codes. */
    public long size() {
        return byCode.values().stream().mapToLong(AdjustFactors::size).sum();
    }
}
