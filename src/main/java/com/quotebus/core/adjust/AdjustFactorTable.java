package com.quotebus.core.adjust;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Adjustment factors of many codes; a code without an entry has no corporate actions. Immutable and
 * thread-safe: when the vendor publishes new factors, build a new table and swap the reference.
 */
public final class AdjustFactorTable {
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private final Map<String, AdjustFactors> byCode;

    private AdjustFactorTable(Map<String, AdjustFactors> byCode) {
        this.byCode = byCode;
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

    /**
     * Reads {@code code,date,factor} rows (the shape of vendor dumps such as tushare's
     * {@code adj_factor}): date as {@code 2024-06-03} or {@code 20240603}, factor a decimal. Rows may come
     * in any order (vendors often send newest first); blank lines and lines starting with {@code #} are
     * skipped, as is a first line whose factor column is not a number (a header).
     *
     * @throws IllegalArgumentException naming the line for a malformed row, a factor ≤ 0, or a code with
     *                                  two rows for one date
     */
    public static AdjustFactorTable parseCsv(Reader reader) {
        record Row(int line, AdjustFactor factor) {}
        Map<String, List<Row>> rows = new TreeMap<>();
        try (BufferedReader in = new BufferedReader(reader)) {
            String text;
            int line = 0;
            while ((text = in.readLine()) != null) {
                line++;
                String t = text.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                String[] cols = t.split(",", -1);
                if (cols.length != 3) {
                    throw new IllegalArgumentException("line " + line + ": expected code,date,factor, got '" + t + "'");
                }
                String code = cols[0].strip();
                if (line == 1 && !cols[2].strip().matches("[-+0-9.eE]+")) {
                    continue;
                }
                if (code.isEmpty()) {
                    throw new IllegalArgumentException("line " + line + ": code is missing");
                }
                AdjustFactor factor;
                try {
                    factor = AdjustFactor.of(date(cols[1].strip()), cols[2]);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw new IllegalArgumentException("line " + line + ": " + e.getMessage(), e);
                }
                rows.computeIfAbsent(code, c -> new ArrayList<>()).add(new Row(line, factor));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<AdjustFactors> all = new ArrayList<>(rows.size());
        for (Map.Entry<String, List<Row>> e : rows.entrySet()) {
            List<Row> list = e.getValue();
            list.sort(Comparator.comparing(r -> r.factor().date()));
            List<AdjustFactor> factors = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                if (i > 0 && list.get(i).factor().date().equals(list.get(i - 1).factor().date())) {
                    throw new IllegalArgumentException("lines " + list.get(i - 1).line() + " and " + list.get(i).line()
                            + ": " + e.getKey() + " has two factors for " + list.get(i).factor().date());
                }
                factors.add(list.get(i).factor());
            }
            all.add(AdjustFactors.of(e.getKey(), factors));
        }
        return of(all);
    }

    private static LocalDate date(String text) {
        return text.length() == 8 ? LocalDate.parse(text, BASIC) : LocalDate.parse(text);
    }
}
