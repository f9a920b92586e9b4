package com.quotebus.calculator.history;

import com.quotebus.core.instrument.Code;
import com.quotebus.core.instrument.Market;
import com.quotebus.core.instrument.Prices;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.SessionTemplate;
import com.quotebus.core.time.SessionTemplates;
import com.quotebus.core.time.TradingDaySchedule;
import com.quotebus.core.time.TradingSchedules;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Imports daily or minute bars from CSV in the common Tushare-like layout:
 * {@code code,time,open,high,low,close,volume,amount} (a header row is required; column names are
 * matched case-insensitively, Tushare's {@code ts_code, trade_date, vol} are accepted as aliases and
 * extra columns are ignored). Prices are decimal yuan; {@code time} is {@code YYYYMMDD} or
 * {@code YYYY-MM-DD} for day bars and {@code YYYY-MM-DD HH:MM[:SS]} (bar end) for minute bars.
 *
 * <p>Bad rows are skipped, counted and reported with file:line and the reason; the import goes on.
 * Bars are written in batches of {@value #BATCH}; progress is reported after every batch.
 */
public final class CsvBarImporter {
    static final int BATCH = 5_000;
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    /** Units of the volume and amount columns. */
    public enum VolumeUnit { SHARES, LOTS }

    /** Units of the amount column (Tushare daily: thousands of yuan). */
    public enum AmountUnit { YUAN, THOUSAND_YUAN }

    /** Progress of an import. */
    public record Progress(long bytesRead, long bytesTotal, long rowsImported, long rowsRejected) {
        public double fraction() {
            return bytesTotal <= 0 ? 0 : Math.min(1.0, bytesRead / (double) bytesTotal);
        }
    }

    /** Outcome of an import: counts and the first rejected rows' reasons. */
    public record Result(long imported, long rejected, List<String> firstErrors) {}

    private final HistoryStore store;
    private final TradingSchedules schedules;
    private final Function<String, SessionTemplate> templateOf;

    /**
     * @param templateOf session template of a code (e.g. from the instrument list); {@code null} = A-shares for
     *                   SH/SZ codes, an error for other markets
     */
    public CsvBarImporter(HistoryStore store, TradingSchedules schedules, Function<String, SessionTemplate> templateOf) {
        this.store = store;
        this.schedules = schedules;
        this.templateOf = templateOf != null ? templateOf : CsvBarImporter::defaultTemplate;
    }

    static SessionTemplate defaultTemplate(String code) {
        Market m = Code.parse(code).market();
        if (m.assetClass() == Market.AssetClass.STOCK) {
            return SessionTemplates.CN_STOCK;
        }
        throw new IllegalArgumentException("no session template known for " + code + " (import futures with the "
                + "instrument list loaded)");
    }

    public Result importFile(Path file, Period period, VolumeUnit volumeUnit, AmountUnit amountUnit,
                             java.util.function.Consumer<Progress> progress) throws IOException {
        long total = Files.size(file);
        try (InputStream in = Files.newInputStream(file)) {
            return importStream(in, file.getFileName().toString(), total, period, volumeUnit, amountUnit, progress);
        }
    }

    public Result importStream(InputStream in, String name, long totalBytes, Period period, VolumeUnit volumeUnit,
                               AmountUnit amountUnit, java.util.function.Consumer<Progress> progress) throws IOException {
        CountingReader reader = new CountingReader(in);
        String header = reader.readLine();
        if (header == null) {
            throw new IllegalArgumentException(name + ": empty file (a header row code,time,open,high,low,close,volume,"
                    + "amount is required)");
        }
        Map<String, Integer> col = columns(name, header);
        List<Bar> batch = new ArrayList<>(BATCH);
        List<String> errors = new ArrayList<>();
        long imported = 0;
        long rejected = 0;
        int lineNo = 1;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            try {
                batch.add(parse(line.split(",", -1), col, period, volumeUnit, amountUnit));
            } catch (RuntimeException e) {
                rejected++;
                if (errors.size() < 20) {
                    errors.add(name + ":" + lineNo + ": " + e.getMessage());
                }
            }
            if (batch.size() == BATCH) {
                store.putBars(batch);
                imported += batch.size();
                batch.clear();
                progress.accept(new Progress(reader.bytes, totalBytes, imported, rejected));
            }
        }
        store.putBars(batch);
        imported += batch.size();
        progress.accept(new Progress(reader.bytes, totalBytes, imported, rejected));
        return new Result(imported, rejected, errors);
    }

    private static Map<String, Integer> columns(String name, String header) {
        String[] h = header.split(",", -1);
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < h.length; i++) {
            String n = h[i].strip().toLowerCase(Locale.ROOT);
            n = switch (n) {
                case "ts_code", "symbol" -> "code";
                case "trade_date", "date", "datetime", "trade_time" -> "time";
                case "vol" -> "volume";
                default -> n;
            };
            col.putIfAbsent(n, i);
        }
        for (String required : List.of("code", "time", "open", "high", "low", "close", "volume", "amount")) {
            if (!col.containsKey(required)) {
                throw new IllegalArgumentException(name + ": header has no '" + required + "' column (need code,time,"
                        + "open,high,low,close,volume,amount; got " + header + ")");
            }
        }
        return col;
    }

    Bar parse(String[] f, Map<String, Integer> col, Period period, VolumeUnit volumeUnit, AmountUnit amountUnit) {
        String code = field(f, col, "code");
        Code.parse(code);
        long open = price(field(f, col, "open"), "open");
        long high = price(field(f, col, "high"), "high");
        long low = price(field(f, col, "low"), "low");
        long close = price(field(f, col, "close"), "close");
        if (high < low || open > high || open < low || close > high || close < low) {
            throw new IllegalArgumentException("prices inconsistent: open " + open + " high " + high + " low " + low
                    + " close " + close + " (minor units)");
        }
        double vol = Double.parseDouble(field(f, col, "volume"));
        long volume = Math.round(volumeUnit == VolumeUnit.LOTS ? vol * 100 : vol);
        double amt = Double.parseDouble(field(f, col, "amount"));
        long turnover = Math.round((amountUnit == AmountUnit.THOUSAND_YUAN ? amt * 1000 : amt) * Prices.SCALE);
        if (volume < 0 || turnover < 0) {
            throw new IllegalArgumentException("negative volume or amount");
        }
        String time = field(f, col, "time");
        SessionTemplate template = templateOf.apply(code);
        if (!period.isIntraday()) {
            if (period != Period.DAY) {
                throw new IllegalArgumentException("only day and minute bars are imported, not " + period.wireName());
            }
            LocalDate day = date(time);
            if (!schedules.calendar().isTradingDay(day)) {
                throw new IllegalArgumentException(day + " is not a trading day");
            }
            TradingDaySchedule s = schedules.schedule(template, day);
            return new Bar(code, period, day, s.firstStart(), s.close(), open, high, low, close, volume, turnover, 0,
                    true);
        }
        LocalDateTime end;
        try {
            end = LocalDateTime.parse(time.strip(), MINUTE);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time '" + time + "' is not YYYY-MM-DD HH:MM[:SS]");
        }
        long endMs = ChinaTime.epochMillis(end);
        TradingDaySchedule s = schedules.scheduleAt(template, endMs - 1);
        int lastSlot = s.slotOf(endMs);
        if (s.slotEnd(lastSlot) != endMs) {
            throw new IllegalArgumentException("bar end " + time + " is not the end of a trading minute");
        }
        int first = Math.max(0, lastSlot - period.minutes() + 1);
        return new Bar(code, period, s.tradingDay(), s.slotStart(first), endMs, open, high, low, close, volume,
                turnover, 0, true);
    }

    private static String field(String[] f, Map<String, Integer> col, String name) {
        int i = col.get(name);
        if (i >= f.length || f[i].isBlank()) {
            throw new IllegalArgumentException("'" + name + "' is missing");
        }
        return f[i].strip();
    }

    private static long price(String text, String name) {
        try {
            long p = Prices.parse(text);
            if (p <= 0) {
                throw new IllegalArgumentException(name + " must be > 0, was " + text);
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + text + "' is not a number");
        }
    }

    private static LocalDate date(String text) {
        String t = text.strip();
        try {
            return t.length() == 8 ? LocalDate.parse(t, BASIC) : LocalDate.parse(t.substring(0, 10));
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("time '" + text + "' is not YYYYMMDD or YYYY-MM-DD");
        }
    }

    /** A line reader that counts bytes consumed, for progress. */
    private static final class CountingReader {
        private final BufferedReader reader;
        long bytes;

        CountingReader(InputStream in) {
            this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        }

        String readLine() throws IOException {
            String line = reader.readLine();
            if (line != null) {
                bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
            }
            return line;
        }
    }
}
