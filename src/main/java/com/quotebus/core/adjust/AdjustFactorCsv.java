package com.quotebus.core.adjust;

import com.quotebus.core.instrument.Code;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads adjustment factors from CSV in the layout vendors publish, such as Tushare's {@code adj_factor}
 * ({@code ts_code,trade_date,adj_factor}, e.g. {@code 000001.SZ,20240102,108.031}). The layout:
 * <ul>
 *   <li>An optional header: a first row that names the columns, in any order, case-insensitive —
 *   code: {@code ts_code code symbol}; date: {@code trade_date date ex_date}; factor: {@code adj_factor factor}.
 *   Other columns (such as the unnamed index column pandas writes) are ignored. Without a header every row is
 *   exactly {@code code,date,factor}.</li>
 *   <li>code: {@code SYMBOL.MARKET} ({@code 600000.SH}, markets as {@link Code}); date: {@code yyyyMMdd} or
 *   {@code yyyy-MM-dd}, 1990..2099; factor: a plain decimal (no sign, no exponent), &gt; 0, at most
 *   {@value AdjustFactor#MAX_FACTOR}, at most {@value AdjustFactor#MAX_DECIMALS} decimal places.</li>
 *   <li>Rows in any order (vendors often send the newest first); blank lines and lines starting with {@code #}
 *   are skipped; fields may be wrapped in double quotes; a UTF-8 byte-order mark is ignored. A (code, date)
 *   given twice with equal factors counts once; with different factors it is an error naming both lines.</li>
 * </ul>
 * Every row is checked and the result holds either every factor or the errors (file:line: reason): a factor
 * file is never taken in part, since a missing row silently changes adjusted prices. Memory: about 16 bytes
 * per row (equal factor texts of a code are shared), so a whole-market history of millions of rows fits.
 * Plain Java; not thread-safe while reading, the {@link Result} is immutable.
 */
public final class AdjustFactorCsv {
    /** How many error messages a {@link Result} keeps (all are counted). */
    public static final int MAX_ERRORS_KEPT = 20;

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)");
    private static final LocalDate FIRST_DATE = LocalDate.of(1990, 1, 1);
    private static final LocalDate LAST_DATE = LocalDate.of(2099, 12, 31);
    private static final List<String> CODE_NAMES = List.of("ts_code", "code", "symbol");
    private static final List<String> DATE_NAMES = List.of("trade_date", "date", "ex_date");
    private static final List<String> FACTOR_NAMES = List.of("adj_factor", "factor");

    private AdjustFactorCsv() {}

    /** Reads a file (UTF-8). */
    public static Result read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.getFileName().toString());
        }
    }

    /**
     * Reads every row of {@code reader}; {@code name} prefixes error messages ({@code name:line: reason}).
     *
     * @throws IOException only when reading fails; bad content is reported in the result
     */
    public static Result read(Reader reader, String name) throws IOException {
        Reading r = new Reading(name);
        BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
        String text;
        int line = 0;
        while ((text = in.readLine()) != null) {
            line++;
            if (line == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            String t = text.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            if (!r.layoutKnown) {
                r.layoutKnown = true;
                if (r.header(t, line)) {
                    continue;
                }
                if (r.fatal) {
                    break;
                }
            }
            r.row(t, line);
        }
        return r.finish();
    }

    /** The factors of a file, or why it cannot be taken. Immutable. */
    public static final class Result {
        private final String name;
        private final long rows;
        private final long errorCount;
        private final List<String> errors;
        private final Map<String, Series> byCode;

        private Result(String name, long rows, long errorCount, List<String> errors, Map<String, Series> byCode) {
            this.name = name;
            this.rows = rows;
            this.errorCount = errorCount;
            this.errors = List.copyOf(errors);
            this.byCode = byCode;
        }

        /** Data rows read (header, blank and comment lines not counted). */
        public long rows() {
            return rows;
        }

        /** True when no row was rejected. */
        public boolean ok() {
            return errorCount == 0;
        }

        /** Rows rejected (all counted). */
        public long errorCount() {
            return errorCount;
        }

        /** The first {@value #MAX_ERRORS_KEPT} rejections, as {@code name:line: reason}. */
        public List<String> errors() {
            return errors;
        }

        /** Codes with factors, sorted (empty unless {@link #ok}). */
        public List<String> codes() {
            return List.copyOf(byCode.keySet());
        }

        /** Distinct (code, date) factors (0 unless {@link #ok}). */
        public long factorCount() {
            return byCode.values().stream().mapToLong(s -> s.days.length).sum();
        }

        /** The factors of {@code code}, dates increasing; empty for a code the file does not name. */
        public List<AdjustFactor> factorsOf(String code) {
            Series s = byCode.get(code);
            if (s == null) {
                return List.of();
            }
            List<AdjustFactor> out = new ArrayList<>(s.days.length);
            for (int i = 0; i < s.days.length; i++) {
                out.add(new AdjustFactor(LocalDate.ofEpochDay(s.days[i]), new BigDecimal(s.texts[i])));
            }
            return out;
        }

        /** The factors as a table (repeated factors compacted). */
        public AdjustFactorTable table() {
            if (!ok()) {
                throw new IllegalStateException(name + ": " + errorCount + " rows rejected, first: " + errors.get(0));
            }
            List<AdjustFactors> all = new ArrayList<>(byCode.size());
            for (String code : byCode.keySet()) {
                all.add(AdjustFactors.of(code, factorsOf(code)).compacted());
            }
            return AdjustFactorTable.of(all);
        }
    }

    /** One code's factors, sorted by day, one per day. */
    private record Series(int[] days, String[] texts) {}

    /** One code's rows as read: growable parallel arrays. */
    private static final class Rows {
        int n;
        int[] days = new int[16];
        int[] lines = new int[16];
        String[] texts = new String[16];

        void add(int day, int line, String text) {
            if (n == days.length) {
                days = Arrays.copyOf(days, n * 2);
                lines = Arrays.copyOf(lines, n * 2);
                texts = Arrays.copyOf(texts, n * 2);
            }
            // vendors repeat a code's factor on every trading day: share the text
            texts[n] = n > 0 && texts[n - 1].equals(text) ? texts[n - 1] : text;
            days[n] = day;
            lines[n] = line;
            n++;
        }
    }

    private static final class Reading {
        final String name;
        final Map<String, Rows> rows = new TreeMap<>();
        final List<String> errors = new ArrayList<>();
        long errorCount;
        long dataRows;
        boolean layoutKnown;
        boolean fatal;
        int codeCol = 0;
        int dateCol = 1;
        int factorCol = 2;
        int width = 3;
        boolean exactWidth = true;

        Reading(String name) {
            this.name = name;
        }

        /** Counts a rejection; {@code line} 0 for the file as a whole. */
        void error(int line, String reason) {
            errorCount++;
            if (errors.size() < MAX_ERRORS_KEPT) {
                errors.add(name + (line > 0 ? ":" + line : "") + ": " + reason);
            }
        }

        /** Takes the first row as a header if it names any known column; false for a data row. */
        boolean header(String t, int line) {
            String[] cols = split(t);
            int code = -1;
            int date = -1;
            int factor = -1;
            boolean named = false;
            for (int i = 0; i < cols.length; i++) {
                String c = cols[i].toLowerCase(Locale.ROOT);
                if (CODE_NAMES.contains(c) && code < 0) {
                    code = i;
                    named = true;
                } else if (DATE_NAMES.contains(c) && date < 0) {
                    date = i;
                    named = true;
                } else if (FACTOR_NAMES.contains(c) && factor < 0) {
                    factor = i;
                    named = true;
                }
            }
            if (!named) {
                return false;
            }
            if (code < 0 || date < 0 || factor < 0) {
                error(line, "the header must name a code, a date and a factor column (ts_code,trade_date,adj_factor),"
                        + " got '" + t + "'");
                fatal = true;
                return false;
            }
            codeCol = code;
            dateCol = date;
            factorCol = factor;
            width = cols.length;
            exactWidth = false;
            return true;
        }

        void row(String t, int line) {
            dataRows++;
            String[] cols = split(t);
            if (exactWidth ? cols.length != width : cols.length < width) {
                error(line, (exactWidth ? "expected 3 columns code,date,factor" : "expected " + width
                        + " columns as the header") + ", got " + cols.length + ": '" + t + "'");
                return;
            }
            String code = cols[codeCol];
            try {
                Code.parse(code);
            } catch (IllegalArgumentException e) {
                error(line, code.isEmpty() ? "code is missing" : e.getMessage());
                return;
            }
            LocalDate date = date(cols[dateCol], line);
            if (date == null) {
                return;
            }
            String text = cols[factorCol];
            if (!DECIMAL.matcher(text).matches()) {
                error(line, text.isEmpty() ? "factor is missing" : "factor '" + text + "' is not a decimal number");
                return;
            }
            AdjustFactor factor;
            try {
                factor = new AdjustFactor(date, new BigDecimal(text));
            } catch (IllegalArgumentException e) {
                error(line, e.getMessage());
                return;
            }
            rows.computeIfAbsent(code, c -> new Rows()).add((int) date.toEpochDay(), line,
                    factor.factor().toPlainString());
        }

        LocalDate date(String text, int line) {
            LocalDate d;
            try {
                if (text.length() == 8) {
                    d = LocalDate.parse(text, BASIC);
                } else if (text.length() == 10) {
                    d = LocalDate.parse(text);
                } else {
                    error(line, text.isEmpty() ? "date is missing" : "date '" + text + "' is not yyyyMMdd or yyyy-MM-dd");
                    return null;
                }
            } catch (DateTimeException e) {
                error(line, "date '" + text + "' is not a date (yyyyMMdd or yyyy-MM-dd)");
                return null;
            }
            if (d.isBefore(FIRST_DATE) || d.isAfter(LAST_DATE)) {
                error(line, "date " + d + " is outside " + FIRST_DATE.getYear() + ".." + LAST_DATE.getYear());
                return null;
            }
            return d;
        }

        Result finish() {
            Map<String, Series> byCode = new TreeMap<>();
            for (Map.Entry<String, Rows> e : rows.entrySet()) {
                Series s = sortAndCheck(e.getKey(), e.getValue());
                if (s != null) {
                    byCode.put(e.getKey(), s);
                }
            }
            if (!layoutKnown && errorCount == 0) {
                error(0, "no rows (expected ts_code,trade_date,adj_factor rows)");
            }
            return new Result(name, dataRows, errorCount, errors, errorCount == 0 ? byCode : Collections.emptyMap());
        }

        /** Sorts a code's rows by day; equal duplicates collapse, conflicting ones are errors. */
        Series sortAndCheck(String code, Rows r) {
            Integer[] order = new Integer[r.n];
            for (int i = 0; i < r.n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> r.days[a] != r.days[b] ? Integer.compare(r.days[a], r.days[b])
                    : Integer.compare(r.lines[a], r.lines[b]));
            int[] days = new int[r.n];
            String[] texts = new String[r.n];
            int n = 0;
            int firstLine = 0; // line of the kept row of the current day
            boolean bad = false;
            for (int k = 0; k < r.n; k++) {
                int i = order[k];
                if (n > 0 && days[n - 1] == r.days[i]) {
                    if (new BigDecimal(texts[n - 1]).compareTo(new BigDecimal(r.texts[i])) != 0) {
                        error(r.lines[i], code + " has another factor for " + LocalDate.ofEpochDay(r.days[i])
                                + " on line " + firstLine + " (" + texts[n - 1] + ", here " + r.texts[i] + ")");
                        bad = true;
                    }
                    continue;
                }
                days[n] = r.days[i];
                texts[n] = r.texts[i];
                firstLine = r.lines[i];
                n++;
            }
            return bad ? null : new Series(Arrays.copyOf(days, n), Arrays.copyOf(texts, n));
        }
    }

    private static String[] split(String line) {
        String[] cols = line.split(",", -1);
        for (int i = 0; i < cols.length; i++) {
            String c = cols[i].strip();
            if (c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"")) {
                c = c.substring(1, c.length() - 1).strip();
            }
            cols[i] = c;
        }
        return cols;
    }
}
