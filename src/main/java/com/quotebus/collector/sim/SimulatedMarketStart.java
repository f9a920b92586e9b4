package com.quotebus.collector.sim;

import com.quotebus.core.event.TradingPhase;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.SessionTemplates;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingDaySchedule;
import com.quotebus.core.time.TradingSchedules;
import java.util.Objects;

/**
 * Where the simulated market starts when a node launches: the configured start ({@code clock.start-time} of
 * {@code clock.start-date}, by default today or the next trading day), or — when the collector's journal ends
 * later than that — where the journal ends, so that a restarted node resumes its market instead of beginning the
 * day again. The configured start is a lower bound, whether {@code start-date}/{@code start-time} are given or
 * not: a journal cannot be rewound (its per-symbol numbering and the history built from it only go forward), so
 * a market going back would only produce duplicates. To begin a day again, start on an empty data directory.
 *
 * <p>Two times matter when resuming:
 * <ul>
 *   <li>the <b>clock</b> starts at the journal's last market time ({@link JournalEnd#lastMarketTime}: the latest
 *   exchange time of any record, events and market times);</li>
 *   <li>the <b>generator</b> emits again from the journal's last {@code MarketTime} ({@link JournalEnd#watermark}),
 *   included: the collector wrote that record only when it had journaled every event before it (it is held back
 *   while a channel has a hole), whereas events at or after it may still have been in flight (a trade held behind
 *   a hole, the rest of a burst of prints at one millisecond). What is sent again is recognised by the collector
 *   (whose arbitration is restored from the journal) as duplicates: trades by channel sequence, snapshots by code
 *   and time. Same simulator settings (seed, symbols, rate, channels…) give the same events with the same
 *   channel sequences, so the resumed stream continues the journaled one without a hole.</li>
 * </ul>
 * Plain Java: the journal is read by the caller and described here by a {@link JournalEnd}.
 *
 * @param marketTime    where the clock starts (epoch ms); the clock may move it on past dead time
 * @param generatorFrom fast-forward the generator silently to here ({@link MarketGenerator#startAt}): it emits the
 *                      events after it
 * @param configured    the start the configuration gives
 * @param journal       the journal's end, or null when there is no journal
 * @param resumed       whether the market resumes from the journal (else it starts at the configured start)
 */
public record SimulatedMarketStart(long marketTime, long generatorFrom, long configured, JournalEnd journal,
        boolean resumed) {

    /**
     * How a journal ends.
     *
     * @param file           the journal file's name (for the log)
     * @param lastMarketTime the latest exchange time of its records (events and market times), epoch ms
     * @param watermark      the time of its last market-time record, or {@link Long#MIN_VALUE} when it has none
     */
    public record JournalEnd(String file, long lastMarketTime, long watermark) {
        public JournalEnd {
            Objects.requireNonNull(file, "file");
            if (watermark != Long.MIN_VALUE && watermark > lastMarketTime) {
                throw new IllegalArgumentException("watermark " + watermark + " after the last market time "
                        + lastMarketTime);
            }
        }

        /**
         * The first time the market is emitted again from: the last market-time record, or, in a journal without
         * one, its last market time (then an event of that last millisecond that had not been journaled yet, or a
         * trade held behind a hole, is not sent again).
         */
        long resendFrom() {
            return watermark != Long.MIN_VALUE ? watermark : lastMarketTime;
        }
    }

    /**
     * Decides the start.
     *
     * @param wallNow the wall clock now (epoch ms), for the default start date
     * @param journal how the newest journal with records ends, or null when there is none
     */
    public static SimulatedMarketStart decide(SimClockConfig config, TradingCalendar calendar, long wallNow,
            JournalEnd journal) {
        long configured = SimulatedMarketClock.configuredStart(config, calendar, wallNow);
        if (journal != null && journal.lastMarketTime() > configured) {
            return new SimulatedMarketStart(journal.lastMarketTime(), journal.resendFrom() - 1, configured, journal,
                    true);
        }
        return new SimulatedMarketStart(configured, openingPrintsFrom(calendar, configured), configured, journal,
                false);
    }

    /**
     * Where a fresh market's generator starts emitting: a start between the A-shares' opening print (09:25) and
     * the continuous session (09:30) — the default 09:29:30 — sends the day from just before the print, so that the
     * opening prints (and the day's open and auction volume) reach the journal and the bars reconcile with the
     * exchange's totals; the indicative auction snapshots before it stay unsent. Any other start: itself.
     */
    public static long openingPrintsFrom(TradingCalendar calendar, long configured) {
        TradingDaySchedule day = new TradingSchedules(calendar).scheduleAt(SessionTemplates.CN_STOCK, configured);
        long auction = day.nextPhaseChange(Long.MIN_VALUE);
        if (day.phaseAt(auction) != TradingPhase.OPENING_AUCTION) {
            return configured;
        }
        long print = day.nextPhaseChange(auction);
        boolean afterPrint = configured >= print;
        return afterPrint && configured < day.firstStart() ? print - 1 : configured;
    }

    /**
     * The line to log, given where the clock actually starts ({@code clockStart}, after any skip of dead time):
     * {@code market clock resumes at <time> from journal <file>} or
     * {@code market clock starts at <start-time> of <day> (no journal)}.
     */
    public String describe(long clockStart) {
        if (resumed) {
            String moved = clockStart != marketTime ? " (journal ends at " + ChinaTime.dateTime(marketTime)
                    + ", dead time skipped)" : "";
            return "market clock resumes at " + ChinaTime.dateTime(clockStart) + " from journal " + journal.file()
                    + moved + "; the simulator sends again from " + ChinaTime.dateTime(generatorFrom + 1);
        }
        String at = "market clock starts at " + ChinaTime.dateTime(clockStart).toLocalTime() + " of "
                + ChinaTime.date(clockStart);
        if (journal == null) {
            return at + " (no journal)";
        }
        return at + " (journal " + journal.file() + " ends earlier, at " + ChinaTime.dateTime(journal.lastMarketTime())
                + ")";
    }
}
