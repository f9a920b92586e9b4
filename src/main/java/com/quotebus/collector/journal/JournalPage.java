package com.quotebus.collector.journal;

import com.quotebus.core.event.MarketEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * One page of a journal replay: the events of interest between two record positions, for a consumer that
 * rebuilds its state for the day (from {@link JournalFormat#HEADER_LENGTH}, the first record) and then continues
 * on the live stream.
 *
 * @param events       the matching events, in journal order
 * @param nextPosition where the next page starts
 * @param endPosition  the end this replay runs to (the journal's end when the replay was requested)
 */
public record JournalPage(List<MarketEvent> events, long nextPosition, long endPosition) {
    /** True when the page reached {@link #endPosition}: the replay is complete. */
    public boolean complete() {
        return nextPosition >= endPosition;
    }

    /**
     * Reads up to {@code maxEvents} matching events from {@code from} up to {@code end}, scanning at most
     * {@code maxBytes} of the file, so one page's time and memory are bounded whatever the filter.
     *
     * @param from a record position ({@link JournalFormat#HEADER_LENGTH} for the start of the day)
     * @param end  stop here (a {@link JournalWriter#position()} seen earlier); records after it are left for the live stream
     */
    public static JournalPage read(Path file, EventSerializer serializer, long from, long end,
            Predicate<MarketEvent> filter, int maxEvents, long maxBytes) {
        List<MarketEvent> out = new ArrayList<>();
        long start = Math.max(from, JournalFormat.HEADER_LENGTH);
        try (JournalReader reader = JournalReader.open(file, serializer)) {
            reader.seek(start);
            while (reader.position() < end && out.size() < maxEvents && reader.position() - start < maxBytes) {
                JournalRecord r = reader.next();
                if (r == null) {
                    break;
                }
                if (filter.test(r.event())) {
                    out.add(r.event());
                }
            }
            return new JournalPage(List.copyOf(out), reader.position(), end);
        }
    }
}
