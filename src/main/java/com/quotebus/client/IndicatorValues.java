package com.quotebus.client;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code svc.indicator} reply: per output line (e.g. DIF, DEA, MACD) one value per bar end, oldest
 * first; a null value where the indicator has no value yet. {@code spec} and {@code convention} echo
 * the parameters and the convention the server used (docs/indicators.md).
 */
public record IndicatorValues(String code, String period, String spec, String convention, String adjust,
                              int warmupBars, List<Long> ends, Map<String, List<Double>> values) {
    public IndicatorValues {
        ends = List.copyOf(ends);
        Map<String, List<Double>> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(k, Collections.unmodifiableList(new java.util.ArrayList<>(v))));
        values = Collections.unmodifiableMap(copy);
    }
}
