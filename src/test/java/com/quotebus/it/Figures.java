package com.quotebus.it;

import java.util.Map;
import java.util.TreeMap;

/** Prints a test's measured figures in one block (copied into docs/dev/testing.md). */
final class Figures {
    private Figures() {}

    static void print(String fault, Map<String, ?> figures) {
        StringBuilder sb = new StringBuilder("\n=== figures: " + fault + " ===\n");
        new TreeMap<>(figures).forEach((k, v) -> sb.append("  ").append(k).append(": ").append(v).append('\n'));
        System.out.println(sb);
    }
}
