package com.quotebus.calculator.history;

import com.quotebus.core.adjust.AdjustFactor;
import com.quotebus.core.adjust.AdjustFactorTable;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import com.quotebus.core.minute.MinutePoint;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Persistent bar and minute-line history that survives restarts. Blocking: call it from a worker
 * thread, never from an event loop. Implementations are thread-safe.
 */
public interface HistoryStore extends AutoCloseable {
    /** Stores closed bars (idempotent: a bar with the same code, period and end replaces the old one). */
    void putBars(List<Bar> bars);

    /** Up to {@code count} bars with {@code end <= endInclusive}, oldest first; one seek. */
    List<Bar> bars(String code, Period period, long endInclusive, int count);

    /** Stores a complete 分时 line of one trading day. */
    void putMinuteLine(String code, LocalDate day, List<MinutePoint> points);

    /** The stored 分时 line of a day, or an empty list. */
    List<MinutePoint> minuteLine(String code, LocalDate day);

    /** The latest day before {@code day} with a stored 分时 line, or {@code null}. */
    LocalDate lastMinuteLineBefore(String code, LocalDate day);

    /**
     * Stores adjustment factors, one per (code, date): a factor for a stored (code, date) replaces it, the
     * code's other dates are kept. Importing the same factors again changes nothing.
     */
    void putAdjustFactors(Map<String, List<AdjustFactor>> byCode);

    /** Replaces every stored factor of each code of the map with its list (an empty list removes them all). */
    void replaceAdjustFactors(Map<String, List<AdjustFactor>> byCode);

    /** The stored factors of {@code code}, dates increasing (empty if none). */
    List<AdjustFactor> adjustFactors(String code);

    /** Every stored factor, as the table the calculators adjust with (a code's repeated factors compacted). */
    AdjustFactorTable adjustFactorTable();

    /** A small metadata value (e.g. what was seeded), or {@code null}. */
    byte[] meta(String key);

    void putMeta(String key, byte[] value);

    @Override
    void close();
}
