package com.quotebus.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table: a header row, a rule, then rows; numeric columns right-aligned. Widths count
 * display columns, so CJK names (2 columns per character) line up in a terminal.
 */
final class TextTable {
    private final List<String> headers;
    private final boolean[] right;
    private final List<List<String>> rows = new ArrayList<>();

    /** Headers; a header starting with '>' is a right-aligned column (the '>' is not shown). */
    TextTable(String... headers) {
        this.headers = new ArrayList<>();
        this.right = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            right[i] = headers[i].startsWith(">");
            this.headers.add(right[i] ? headers[i].substring(1) : headers[i]);
        }
    }

    TextTable(List<String> headers, boolean[] right) {
        this.headers = List.copyOf(headers);
        this.right = right.clone();
    }

    TextTable row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) {
            r.add(c == null ? "-" : c.toString());
        }
        if (r.size() != headers.size()) {
            throw new IllegalArgumentException("row has " + r.size() + " cells, table " + headers.size());
        }
        rows.add(r);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String render() {
        int n = headers.size();
        int[] width = new int[n];
        for (int i = 0; i < n; i++) {
            width[i] = displayWidth(headers.get(i));
            for (List<String> r : rows) {
                width[i] = Math.max(width[i], displayWidth(r.get(i)));
            }
        }
        StringBuilder sb = new StringBuilder();
        line(sb, headers, width);
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : "  ").append("-".repeat(width[i]));
        }
        sb.append('\n');
        for (List<String> r : rows) {
            line(sb, r, width);
        }
        return sb.toString();
    }

    private void line(StringBuilder sb, List<String> cells, int[] width) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            String pad = " ".repeat(width[i] - displayWidth(c));
            l.append(i == 0 ? "" : "  ").append(right[i] ? pad + c : c + pad);
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    /** Terminal columns of a text: East Asian wide characters take two. */
    static int displayWidth(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            w += isWide(cp) ? 2 : 1;
        }
        return w;
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6);
    }
}
