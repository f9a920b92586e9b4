package com.quotebus.cli;

import com.quotebus.client.IndicatorValues;
import com.quotebus.client.InstrumentInfo;
import com.quotebus.client.Kline;
import com.quotebus.client.KlineBar;
import com.quotebus.client.MinuteLine;
import com.quotebus.client.MinutePoint;
import com.quotebus.client.PriceFormat;
import com.quotebus.client.PriceLevel;
import com.quotebus.client.PriceVolume;
import com.quotebus.client.Quote;
import com.quotebus.client.Tick;
import com.quotebus.client.TickPage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Text of each command's result: plain functions of the records, exchange time (UTC+8) throughout. */
final class Views {
    static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private static final DateTimeFormatter HMS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(CHINA);
    private static final DateTimeFormatter HMS_MS = DateTimeFormatter.ofPattern("HH:mm:ss.SSS").withZone(CHINA);
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm").withZone(CHINA);
    private static final DateTimeFormatter DAY_HM = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(CHINA);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(CHINA);

    private Views() {
    }

    static String time(long epochMs, DateTimeFormatter f) {
        return epochMs <= 0 ? "-" : f.format(Instant.ofEpochMilli(epochMs));
    }

    /**
     * The quote table. Before a symbol's first trade of the day (last 0) LAST, CHG% and VOLUME are blank rather
     * than "0.00 -100.00%"; a side of the book with no order is blank; PHASE is the exchange's trading phase.
     */
    static String quotes(List<Quote> quotes) {
        TextTable t = new TextTable("CODE", "PHASE", ">LAST", ">CHG%", ">VOLUME", ">BID1", ">ASK1", "TIME");
        for (Quote q : quotes) {
            boolean traded = q.last() > 0;
            t.row(q.code(), phase(q.phase()), traded ? PriceFormat.yuan(q.last()) : "",
                    traded ? q.changePercentText() : "", traded ? String.valueOf(q.volume()) : "",
                    q.bid1() == null ? "" : PriceFormat.yuan(q.bid1().price()) + " x" + q.bid1().volume(),
                    q.ask1() == null ? "" : PriceFormat.yuan(q.ask1().price()) + " x" + q.ask1().volume(),
                    time(q.time(), HMS));
        }
        return t.render();
    }

    /** One line per quote update, for logs and pipes; "-" for a price there is none of yet. */
    static String quoteLine(Quote q) {
        boolean traded = q.last() > 0;
        return time(q.time(), HMS) + " " + q.code() + " last " + (traded ? PriceFormat.yuan(q.last()) : "-") + " "
                + (traded ? q.changePercentText() : "-") + " vol " + q.volume()
                + " bid " + (q.bid1() == null ? "-" : PriceFormat.yuan(q.bid1().price()))
                + " ask " + (q.ask1() == null ? "-" : PriceFormat.yuan(q.ask1().price())) + " seq " + q.seq();
    }

    /**
     * The trading phase of a quote ({@code phase}: the exchange's one-letter code, docs/protocol.md) in words;
     * blank when the quote has none.
     */
    static String phase(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        return switch (code.charAt(0)) {
            case 'S' -> "pre-open";
            case 'O' -> "auction";
            case 'T' -> "trading";
            case 'B' -> "break";
            case 'C' -> "close auction";
            case 'E' -> "closed";
            case 'H' -> "halted";
            case 'A' -> "after-hours";
            default -> code;
        };
    }

    static String kline(Kline k, int chartHeight) {
        boolean intraday = k.period().endsWith("m");
        DateTimeFormatter f = intraday ? DAY_HM : DATE;
        StringBuilder sb = new StringBuilder();
        sb.append(k.code()).append("  ").append(k.period()).append(" bars: ").append(k.bars().size())
                .append("  adjust: ").append(k.adjust()).append('\n');
        TextTable t = new TextTable("END", ">OPEN", ">HIGH", ">LOW", ">CLOSE", ">CHG%", ">VOLUME", "");
        long prevClose = 0;
        List<Charts.Candle> candles = new ArrayList<>();
        for (KlineBar b : k.bars()) {
            t.row(time(b.end(), f), PriceFormat.yuan(b.open()), PriceFormat.yuan(b.high()), PriceFormat.yuan(b.low()),
                    PriceFormat.yuan(b.close()), prevClose == 0 ? "" : PriceFormat.changePercent(b.close(), prevClose),
                    b.volume(), b.closed() ? "" : "(in progress)");
            prevClose = b.close();
            candles.add(new Charts.Candle(b.open(), b.high(), b.low(), b.close()));
        }
        sb.append(t.render());
        if (!candles.isEmpty()) {
            sb.append('\n').append(Charts.candles(candles, chartHeight));
        }
        return sb.toString();
    }

    static String minute(MinuteLine line, int width) {
        StringBuilder sb = new StringBuilder();
        List<MinutePoint> points = line.points();
        sb.append(line.code()).append("  分时 ").append(line.day() == null ? "(no trades yet)" : line.day())
                .append("  points: ").append(points.size()).append('/').append(line.size()).append('\n');
        if (points.isEmpty()) {
            return sb.toString();
        }
        MinutePoint last = points.get(points.size() - 1);
        long volume = 0;
        for (MinutePoint p : points) {
            volume += p.volume();
        }
        sb.append("last ").append(PriceFormat.yuan(last.price())).append("  avg ").append(PriceFormat.yuan(last.avgPrice()))
                .append("  volume ").append(volume).append("  at ").append(time(last.time(), HM)).append('\n');
        List<Long> prices = Charts.fit(points.stream().map(MinutePoint::price).toList(), width);
        List<Long> avgs = Charts.fit(points.stream().map(MinutePoint::avgPrice).toList(), width);
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (List<Long> s : List.of(prices, avgs)) {
            for (long v : s) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        sb.append("price ").append(Charts.sparkline(prices, min, max)).append('\n');
        sb.append("avg   ").append(Charts.sparkline(avgs, min, max)).append('\n');
        sb.append('\n').append(Charts.lines(prices, avgs, 10));
        sb.append("(* price, · average)\n");
        return sb.toString();
    }

    static String ticks(TickPage page) {
        TextTable t = new TextTable(">SEQ", "TIME", ">PRICE", ">QTY", ">AMOUNT", "SIDE");
        for (Tick k : page.ticks()) {
            t.row(k.seq(), time(k.time(), HMS_MS), PriceFormat.yuan(k.price()), k.qty(), PriceFormat.yuan(k.amount()),
                    side(k.side()));
        }
        return page.code() + "  trades " + (page.ticks().isEmpty() ? "none"
                : page.ticks().get(0).seq() + ".." + page.ticks().get(page.ticks().size() - 1).seq())
                + " of " + page.seq() + "\n" + t.render();
    }

    static String side(String flag) {
        return switch (flag) {
            case "B" -> "B 外盘";
            case "S" -> "S 内盘";
            default -> flag.isBlank() ? "-" : flag;
        };
    }

    static String priceVolume(PriceVolume pv, int barWidth) {
        long maxSide = 0;
        for (PriceLevel l : pv.rows()) {
            maxSide = Math.max(maxSide, Math.max(l.buyVolume(), l.sellVolume()));
        }
        TextTable t = new TextTable(">PRICE", ">VOLUME", ">SHARE", ">外盘", "", ">内盘", "");
        for (int i = pv.rows().size() - 1; i >= 0; i--) {
            PriceLevel l = pv.rows().get(i);
            t.row(PriceFormat.yuan(l.price()), l.volume(), percent(l.volume(), pv.dayVolume()), l.buyVolume(),
                    Charts.bar(l.buyVolume(), maxSide, barWidth), l.sellVolume(),
                    Charts.bar(l.sellVolume(), maxSide, barWidth));
        }
        long sides = Math.max(pv.buyVolume(), pv.sellVolume());
        return pv.code() + "  分价  day volume " + pv.dayVolume() + "  levels " + pv.rows().size() + "\n"
                + t.render() + "\n"
                + "外盘 " + pad(pv.buyVolume()) + " " + percent(pv.buyVolume(), pv.dayVolume()) + " "
                + Charts.bar(pv.buyVolume(), sides, barWidth * 2) + "\n"
                + "内盘 " + pad(pv.sellVolume()) + " " + percent(pv.sellVolume(), pv.dayVolume()) + " "
                + Charts.bar(pv.sellVolume(), sides, barWidth * 2) + "\n";
    }

    private static String pad(long v) {
        return String.format("%12d", v);
    }

    static String percent(long part, long whole) {
        if (whole == 0) {
            return "-";
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP)
                .toPlainString() + "%";
    }

    static String indicator(IndicatorValues v) {
        List<String> headers = new ArrayList<>();
        headers.add("END");
        headers.addAll(v.values().keySet());
        boolean[] right = new boolean[headers.size()];
        java.util.Arrays.fill(right, 1, right.length, true);
        TextTable t = new TextTable(headers, right);
        DateTimeFormatter f = v.period().endsWith("m") ? DAY_HM : DATE;
        for (int i = 0; i < v.ends().size(); i++) {
            List<Object> row = new ArrayList<>();
            row.add(time(v.ends().get(i), f));
            for (List<Double> col : v.values().values()) {
                Double x = col.get(i);
                row.add(x == null ? "-" : BigDecimal.valueOf(x).setScale(4, RoundingMode.HALF_UP).toPlainString());
            }
            t.row(row.toArray());
        }
        return v.code() + "  " + v.spec() + "  " + v.period() + "  (" + v.convention() + ", adjust " + v.adjust()
                + ")\n" + t.render();
    }

    static String instruments(List<InstrumentInfo> list) {
        TextTable t = new TextTable("CODE", "NAME", "TYPE", ">TICK", ">LOT", ">PRE CLOSE", ">UPPER", ">LOWER",
                "SESSION");
        for (InstrumentInfo i : list) {
            t.row(i.code(), i.name(), i.type(), PriceFormat.yuan(i.tick(), 4), i.lot(), PriceFormat.yuan(i.preClose()),
                    PriceFormat.yuan(i.upper()), PriceFormat.yuan(i.lower()), i.session());
        }
        return t.render();
    }

    /**
     * An admin reply, whatever its fields: scalar fields as {@code key: value} lines, then each array of
     * objects as a table whose columns are the union of the objects' keys in first-seen order (nested
     * values as compact JSON).
     */
    static String admin(JsonObject reply) {
        StringBuilder sb = new StringBuilder();
        List<String> tables = new ArrayList<>();
        for (Map.Entry<String, Object> e : reply) {
            Object v = e.getValue();
            if (v instanceof JsonArray a && !a.isEmpty() && a.stream().allMatch(x -> x instanceof JsonObject)) {
                tables.add(e.getKey() + " (" + a.size() + ")\n" + table(a));
            } else if (v instanceof JsonArray a && a.isEmpty()) {
                tables.add(e.getKey() + " (0)\n");
            } else {
                sb.append(e.getKey()).append(": ").append(cell(v)).append('\n');
            }
        }
        for (String t : tables) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(t);
        }
        return sb.length() == 0 ? "ok\n" : sb.toString();
    }

    private static String table(JsonArray rows) {
        Set<String> columns = new LinkedHashSet<>();
        for (Object r : rows) {
            columns.addAll(((JsonObject) r).fieldNames());
        }
        List<String> cols = new ArrayList<>(columns);
        boolean[] right = new boolean[cols.size()];
        for (int i = 0; i < cols.size(); i++) {
            String c = cols.get(i);
            right[i] = rows.stream().allMatch(r -> ((JsonObject) r).getValue(c) == null
                    || ((JsonObject) r).getValue(c) instanceof Number);
        }
        TextTable t = new TextTable(cols.stream().map(String::toUpperCase).toList(), right);
        for (Object r : rows) {
            JsonObject o = (JsonObject) r;
            t.row(cols.stream().map(c -> cell(o.getValue(c))).toArray());
        }
        return t.render();
    }

    private static String cell(Object v) {
        if (v == null) {
            return "-";
        }
        if (v instanceof JsonObject o) {
            return o.encode();
        }
        if (v instanceof JsonArray a) {
            return a.encode();
        }
        return v.toString();
    }
}
