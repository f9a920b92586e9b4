package com.quotebus.collector.replay;

import com.quotebus.core.event.BookSide;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.Side;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.event.TradingPhase;
import com.quotebus.core.instrument.Code;
import com.quotebus.core.time.ChinaTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Parses the lines of one CSV file in a snapshot or trade layout (docs/collector.md "CSV replay"). The header
 * decides the layout and where each column is; names are matched case-insensitively, ignoring spaces and
 * underscores, with common aliases. Stateless after construction; one per file.
 */
public final class CsvEventParser {
    /** Which layout a file has. */
    public enum Kind { SNAPSHOT, TRADE }

    private static final int MAX_LEVELS = 10;

    private final Kind kind;
    private final Map<String, Integer> columns = new HashMap<>();
    private final LocalDate tradingDay;
    private final CsvReplayOptions.PriceUnit priceUnit;
    private final long volumeFactor;
    private final int levels;
    private final boolean orderCounts;
    private final int columnCount;

    /**
     * @throws CsvFormatException when the header names neither layout, or a required column is missing
     */
    public CsvEventParser(String header, LocalDate tradingDay, CsvReplayOptions.PriceUnit priceUnit,
            CsvReplayOptions.VolumeUnit volumeUnit) throws CsvFormatException {
        String[] names = split(header);
        for (int i = 0; i < names.length; i++) {
            String n = canonical(names[i]);
            if (columns.putIfAbsent(n, i) != null) {
                throw new CsvFormatException("header names column '" + names[i] + "' twice");
            }
        }
        this.columnCount = names.length;
        this.tradingDay = tradingDay;
        this.priceUnit = priceUnit;
        this.volumeFactor = volumeUnit == CsvReplayOptions.VolumeUnit.LOTS ? 100 : 1;
        alias("qty", "quantity", "volume", "vol");
        alias("amount", "turnover");
        alias("side", "bsflag", "bs");
        alias("seq", "applseqnum", "channelseq");
        alias("channel", "channelno");
        alias("buyno", "buyorderno", "bidapplseqnum");
        alias("sellno", "sellorderno", "offerapplseqnum");
        alias("preclose", "prevclose", "preclosepx");
        alias("numtrades", "tradecount", "numberoftrades");
        alias("upper", "upperlimit", "highlimit");
        alias("lower", "lowerlimit", "lowlimit");
        alias("last", "lastpx", "lastprice");
        for (int i = 1; i <= MAX_LEVELS; i++) {
            alias("bid" + i, "bidprice" + i, "bp" + i, "bidpx" + i);
            alias("bidvol" + i, "bidvolume" + i, "bidsize" + i, "bv" + i);
            alias("ask" + i, "askprice" + i, "ap" + i, "askpx" + i, "offer" + i);
            alias("askvol" + i, "askvolume" + i, "asksize" + i, "av" + i, "offervol" + i);
            alias("bidorders" + i, "bidnumorders" + i);
            alias("askorders" + i, "asknumorders" + i);
        }
        if (columns.containsKey("last")) {
            kind = Kind.SNAPSHOT;
            require("code", "time", "preclose", "open", "high", "low", "last", "volume", "turnover");
        } else if (columns.containsKey("price") && columns.containsKey("qty")) {
            kind = Kind.TRADE;
            require("code", "time");
        } else {
            throw new CsvFormatException("header names neither a snapshot layout (needs 'last') nor a trade layout "
                    + "(needs 'price' and 'qty')");
        }
        int depth = 0;
        while (depth < MAX_LEVELS && columns.containsKey("bid" + (depth + 1))) {
            depth++;
            require("bidvol" + depth, "ask" + depth, "askvol" + depth);
        }
        this.levels = kind == Kind.SNAPSHOT ? depth : 0;
        this.orderCounts = levels > 0 && columns.containsKey("bidorders1");
        if (orderCounts) {
            for (int i = 1; i <= levels; i++) {
                require("bidorders" + i, "askorders" + i);
            }
        }
    }

    public Kind kind() {
        return kind;
    }

    private void alias(String name, String... others) {
        for (String o : others) {
            Integer at = columns.get(o);
            if (at != null && !columns.containsKey(name)) {
                columns.put(name, at);
            }
        }
    }

    private void require(String... names) throws CsvFormatException {
        for (String n : names) {
            if (!columns.containsKey(n)) {
                throw new CsvFormatException(kind.name().toLowerCase(Locale.ROOT) + " header lacks column '" + n + "'");
            }
        }
    }

    private static String canonical(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "").replace("\uFEFF", "");
    }

    private static String[] split(String line) {
        String[] parts = line.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
                p = p.substring(1, p.length() - 1).trim();
            }
            parts[i] = p;
        }
        return parts;
    }

    /**
     * Parses one data line.
     *
     * @throws CsvFormatException naming the column and the problem
     */
    public MarketEvent parse(String line) throws CsvFormatException {
        String[] f = split(line);
        if (f.length != columnCount) {
            throw new CsvFormatException("has " + f.length + " fields, the header has " + columnCount);
        }
        try {
            return kind == Kind.TRADE ? trade(f) : snapshot(f);
        } catch (IllegalArgumentException e) {
            throw new CsvFormatException(e.getMessage());
        }
    }

    private Trade trade(String[] f) throws CsvFormatException {
        String code = code(f);
        long time = time(f);
        long price = price(f, "price");
        long qty = volume(f, "qty");
        long amount = has(f, "amount") ? amount(f, "amount") : price * qty;
        if (price <= 0) {
            throw new CsvFormatException("price must be > 0, was '" + text(f, "price") + "'");
        }
        if (qty <= 0) {
            throw new CsvFormatException("qty must be > 0, was '" + text(f, "qty") + "'");
        }
        Side side = has(f, "side") ? side(text(f, "side")) : Side.NONE;
        return new Trade(code, time, price, qty, amount, side, (int) integer(f, "channel"), integer(f, "seq"),
                integer(f, "buyno"), integer(f, "sellno"), 0, "");
    }

    private Snapshot snapshot(String[] f) throws CsvFormatException {
        String code = code(f);
        long time = time(f);
        TradingPhase phase = has(f, "phase") ? TradingPhase.ofCode(text(f, "phase").charAt(0)) : TradingPhase.UNKNOWN;
        BookSide bid = book(f, "bid");
        BookSide ask = book(f, "ask");
        return new Snapshot(code, time, phase, price(f, "preclose"), price(f, "open"), price(f, "high"),
                price(f, "low"), price(f, "last"), volume(f, "volume"), amount(f, "turnover"), integer(f, "numtrades"),
                price(f, "upper"), price(f, "lower"), volume(f, "openinterest"), price(f, "settlement"),
                price(f, "presettlement"), bid, ask, (int) integer(f, "channel"), 0, 0, "");
    }

    private BookSide book(String[] f, String side) throws CsvFormatException {
        if (levels == 0) {
            return BookSide.EMPTY;
        }
        long[] prices = new long[levels];
        long[] volumes = new long[levels];
        int[] orders = orderCounts ? new int[levels] : null;
        for (int i = 0; i < levels; i++) {
            prices[i] = price(f, side + (i + 1));
            volumes[i] = volume(f, side + "vol" + (i + 1));
            if (orderCounts) {
                orders[i] = (int) integer(f, side + "orders" + (i + 1));
            }
        }
        return new BookSide(prices, volumes, orders);
    }

    private boolean has(String[] f, String column) {
        Integer at = columns.get(column);
        return at != null && !f[at].isEmpty();
    }

    private String text(String[] f, String column) {
        Integer at = columns.get(column);
        return at == null ? "" : f[at];
    }

    private String code(String[] f) throws CsvFormatException {
        String raw = text(f, "code");
        String text = raw;
        if (raw.length() == 8 && Character.isLetter(raw.charAt(0)) && Character.isLetter(raw.charAt(1))) {
            text = raw.substring(2) + "." + raw.substring(0, 2).toUpperCase(Locale.ROOT); // sz000001
        }
        if (!Code.isValid(text)) {
            throw new CsvFormatException("code '" + raw + "' is not SYMBOL.MARKET (e.g. 000001.SZ) nor sz000001");
        }
        return text;
    }

    private long time(String[] f) throws CsvFormatException {
        String t = text(f, "time");
        try {
            if (t.chars().allMatch(Character::isDigit) && !t.isEmpty()) {
                if (t.length() == 13) {
                    return Long.parseLong(t); // epoch ms
                }
                if (t.length() == 17) { // yyyyMMddHHmmssSSS
                    LocalDate d = LocalDate.parse(t.substring(0, 8), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
                    return ChinaTime.epochMillis(d, hhmmssSss(t.substring(8)));
                }
                if (t.length() == 8 || t.length() == 9) { // HHmmssSSS, leading zero optional
                    return ChinaTime.epochMillis(day(t), hhmmssSss(t));
                }
                throw new CsvFormatException("time '" + t + "' has " + t.length() + " digits (expected HHmmssSSS, "
                        + "yyyyMMddHHmmssSSS or 13-digit epoch ms)");
            }
            if (t.length() > 12 && (t.charAt(10) == ' ' || t.charAt(10) == 'T')) {
                return ChinaTime.epochMillis(LocalDateTime.parse(t.replace(' ', 'T')));
            }
            return ChinaTime.epochMillis(day(t), LocalTime.parse(t));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new CsvFormatException("time '" + t + "' is not a time (e.g. 09:30:00.120, 2026-11-25 09:30:00.120, "
                    + "93000120)");
        }
    }

    private LocalDate day(String time) throws CsvFormatException {
        if (tradingDay == null) {
            throw new CsvFormatException("time '" + time + "' has no date and no tradingDay is configured");
        }
        return tradingDay;
    }

    private static LocalTime hhmmssSss(String digits) {
        int v = Integer.parseInt(digits);
        return LocalTime.of(v / 10_000_000, v / 100_000 % 100, v / 1000 % 100, v % 1000 * 1_000_000);
    }

    private static Side side(String s) throws CsvFormatException {
        if (s.length() != 1) {
            throw new CsvFormatException("side '" + s + "' is not one of B, S, N");
        }
        return Side.ofFlag(s.charAt(0));
    }

    /** A price column; empty = 0. */
    private long price(String[] f, String column) throws CsvFormatException {
        return decimal(f, column, false, v -> (priceUnit == CsvReplayOptions.PriceUnit.MINOR ? v : v.movePointRight(4))
                .setScale(0, RoundingMode.UNNECESSARY).longValueExact(),
                "has more decimals than 0.0001 yuan or is too large");
    }

    /** An amount (turnover) column: like a price, but extra decimals are rounded half-up. */
    private long amount(String[] f, String column) throws CsvFormatException {
        return decimal(f, column, true, v -> (priceUnit == CsvReplayOptions.PriceUnit.YUAN ? v.movePointRight(4) : v)
                .setScale(0, RoundingMode.HALF_UP).longValueExact(), "is too large");
    }

    /** A volume column in the configured unit; a fraction is allowed only when it is zero ({@code 1200.0}). */
    private long volume(String[] f, String column) throws CsvFormatException {
        return decimal(f, column, false,
                v -> Math.multiplyExact(v.setScale(0, RoundingMode.UNNECESSARY).longValueExact(), volumeFactor),
                "is not a whole number or is too large");
    }

    /** Converts a decimal column's value; throws {@link ArithmeticException} when it cannot be exact. */
    @FunctionalInterface
    private interface Conversion {
        long apply(BigDecimal value);
    }

    /**
     * A decimal column through {@code conversion}; empty = 0. Errors name the column and the text: not a
     * number, negative (unless {@code signed}), or {@code inexact} when the conversion fails.
     */
    private long decimal(String[] f, String column, boolean signed, Conversion conversion, String inexact)
            throws CsvFormatException {
        String s = text(f, column);
        if (s.isEmpty()) {
            return 0;
        }
        BigDecimal v;
        try {
            v = new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new CsvFormatException(column + " '" + s + "' is not a number");
        }
        if (!signed && v.signum() < 0) {
            throw new CsvFormatException(column + " '" + s + "' is negative");
        }
        try {
            return conversion.apply(v);
        } catch (ArithmeticException e) {
            throw new CsvFormatException(column + " '" + s + "' " + inexact);
        }
    }

    private long integer(String[] f, String column) throws CsvFormatException {
        String s = text(f, column);
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new CsvFormatException(column + " '" + s + "' is not an integer");
        }
    }
}
