package com.quotebus.cli;

import java.util.ArrayList;
import java.util.List;

/** Text charts from integer series: sparklines, a candlestick chart, proportional bars. */
final class Charts {
    private static final char[] SPARKS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Charts() {
    }

    /** One character per value, scaled between {@code min} and {@code max}. */
    static String sparkline(List<Long> values, long min, long max) {
        StringBuilder sb = new StringBuilder();
        for (long v : values) {
            int level = max == min ? SPARKS.length / 2
                    : (int) ((v - min) * (SPARKS.length - 1) / (max - min));
            sb.append(SPARKS[Math.max(0, Math.min(SPARKS.length - 1, level))]);
        }
        return sb.toString();
    }

    /** Every {@code step}-th value (and the last), so a long series fits {@code width} columns. */
    static List<Long> fit(List<Long> values, int width) {
        if (values.size() <= width) {
            return values;
        }
        List<Long> out = new ArrayList<>();
        double step = values.size() / (double) width;
        for (int i = 0; i < width - 1; i++) {
            out.add(values.get((int) Math.floor(i * step)));
        }
        out.add(values.get(values.size() - 1));
        return out;
    }

    /** A bar of {@code value / max} of {@code width} cells ('█' full, '▌' half). */
    static String bar(long value, long max, int width) {
        if (max <= 0 || value <= 0) {
            return "";
        }
        long halves = Math.max(1, Math.round(value * 2.0 * width / max));
        return "█".repeat((int) (halves / 2)) + (halves % 2 == 1 ? "▌" : "");
    }

    /** One candle per column: '│' wick, '█' body of a rising bar, '▒' body of a falling one. */
    record Candle(long open, long high, long low, long close) {
    }

    /**
     * A candlestick chart {@code height} rows tall, with the price scale (in yuan) on the left of the top,
     * middle and bottom rows.
     */
    static String candles(List<Candle> candles, int height) {
        if (candles.isEmpty()) {
            return "";
        }
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (Candle c : candles) {
            min = Math.min(min, c.low());
            max = Math.max(max, c.high());
        }
        String[] labels = new String[height];
        int labelWidth = 0;
        for (int row = 0; row < height; row++) {
            if (row == 0 || row == height - 1 || row == height / 2) {
                labels[row] = com.quotebus.client.PriceFormat.yuan(priceAt(row, height, min, max));
                labelWidth = Math.max(labelWidth, labels[row].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int row = 0; row < height; row++) {
            String label = labels[row] == null ? "" : labels[row];
            StringBuilder line = new StringBuilder(" ".repeat(labelWidth - label.length()) + label + " ┤");
            for (Candle c : candles) {
                int hi = rowOf(c.high(), height, min, max);
                int lo = rowOf(c.low(), height, min, max);
                int top = rowOf(Math.max(c.open(), c.close()), height, min, max);
                int bottom = rowOf(Math.min(c.open(), c.close()), height, min, max);
                char ch = ' ';
                if (row >= top && row <= bottom) {
                    ch = c.close() >= c.open() ? '█' : '▒';
                } else if (row >= hi && row <= lo) {
                    ch = '│';
                }
                line.append(ch);
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }

    /** Row 0 is the top (max); row height-1 the bottom (min). */
    private static int rowOf(long price, int height, long min, long max) {
        if (max == min) {
            return height / 2;
        }
        return (int) Math.round((double) (max - price) * (height - 1) / (max - min));
    }

    private static long priceAt(int row, int height, long min, long max) {
        return max - Math.round((double) (max - min) * row / (height - 1));
    }

    /**
     * A line chart of two series on one scale: '*' for the first, '·' for the second ('*' wins where
     * both fall), {@code height} rows, the scale at the left.
     */
    static String lines(List<Long> first, List<Long> second, int height) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (List<Long> s : List.of(first, second)) {
            for (long v : s) {
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (first.isEmpty()) {
            return "";
        }
        int cols = Math.max(first.size(), second.size());
        char[][] grid = new char[height][cols];
        for (char[] r : grid) {
            java.util.Arrays.fill(r, ' ');
        }
        for (int i = 0; i < second.size(); i++) {
            grid[rowOf(second.get(i), height, min, max)][i] = '·';
        }
        for (int i = 0; i < first.size(); i++) {
            grid[rowOf(first.get(i), height, min, max)][i] = '*';
        }
        int labelWidth = Math.max(com.quotebus.client.PriceFormat.yuan(max).length(),
                com.quotebus.client.PriceFormat.yuan(min).length());
        StringBuilder sb = new StringBuilder();
        for (int row = 0; row < height; row++) {
            String label = row == 0 ? com.quotebus.client.PriceFormat.yuan(max)
                    : row == height - 1 ? com.quotebus.client.PriceFormat.yuan(min) : "";
            sb.append((" ".repeat(labelWidth - label.length()) + label + " ┤" + new String(grid[row]))
                    .stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
