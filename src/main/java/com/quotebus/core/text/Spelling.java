package com.quotebus.core.text;

import java.util.Collection;
import java.util.function.UnaryOperator;

/**
 * The nearest valid name to a misspelt one ("did you mean access.port?"), by edit distance: used for setting keys
 * and for the command line's options and commands.
 */
public final class Spelling {
    private Spelling() {}

    /**
     * The candidate nearest to {@code given}, compared after {@code normal} (e.g. case and dashes ignored), or null
     * when even the nearest is more than {@code maxDistance} edits away. Ties go to the alphabetically first.
     */
    public static String nearest(String given, Collection<String> candidates, int maxDistance,
                                 UnaryOperator<String> normal) {
        String g = normal.apply(given);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(g, normal.apply(candidate));
            if (d < bestDistance || (d == bestDistance && candidate.compareTo(best) < 0)) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= maxDistance ? best : null;
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    public static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
