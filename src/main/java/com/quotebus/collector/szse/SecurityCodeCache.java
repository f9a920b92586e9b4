package com.quotebus.collector.szse;

import com.quotebus.core.instrument.Code;
import java.util.function.ToIntFunction;

/**
 * {@code SecurityID + SecurityIDSource → "000001.SZ"} without a new String per message: an open-addressing
 * table keyed by the packed wire bytes. Bounded: once {@value #MAX_CODES} codes are cached, further codes
 * are built per message (correct, just slower) and counted in {@link #uncached()}. Not thread-safe.
 */
final class SecurityCodeCache {
    static final int MAX_CODES = 48 * 1024;
    private static final int SLOTS = 64 * 1024;
    private final long[] ids = new long[SLOTS];
    private final int[] sources = new int[SLOTS];
    private final String[] codes = new String[SLOTS];
    private final int[] multipliers = new int[SLOTS];
    private final ToIntFunction<String> multiplierOf;
    private int size;
    private long uncached;
    private int lastMultiplier;

    /** @param multiplierOf contract multiplier of a code, asked once per code */
    SecurityCodeCache(ToIntFunction<String> multiplierOf) {
        this.multiplierOf = multiplierOf;
    }

    /** The multiplier of the code last returned by {@link #code}. */
    int lastMultiplier() {
        return lastMultiplier;
    }

    /** The code text, or null when the source is unknown or the symbol is not a valid code symbol. */
    String code(long idBits, int sourceBits) {
        int slot = slot(idBits, sourceBits);
        while (true) {
            String c = codes[slot];
            if (c == null) {
                break;
            }
            if (ids[slot] == idBits && sources[slot] == sourceBits) {
                lastMultiplier = multipliers[slot];
                return c;
            }
            slot = (slot + 1) & (SLOTS - 1);
        }
        SecurityIdSource source = SecurityIdSource.ofBits(sourceBits);
        if (source == null) {
            return null;
        }
        String symbol = Ascii.text(idBits);
        if (!Code.isValid(symbol + source.suffix())) {
            return null;
        }
        String code = symbol + source.suffix();
        lastMultiplier = Math.max(1, multiplierOf.applyAsInt(code));
        if (size >= MAX_CODES) {
            uncached++;
            return code;
        }
        ids[slot] = idBits;
        sources[slot] = sourceBits;
        codes[slot] = code;
        multipliers[slot] = lastMultiplier;
        size++;
        return code;
    }

    long uncached() {
        return uncached;
    }

    int size() {
        return size;
    }

    private static int slot(long id, int source) {
        long h = id * 0x9E3779B97F4A7C15L + source;
        h ^= h >>> 29;
        return (int) (h ^ (h >>> 32)) & (SLOTS - 1);
    }
}
