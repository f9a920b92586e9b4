package com.quotebus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.client.BookLevel;
import com.quotebus.client.Quote;
import java.util.List;
import org.junit.jupiter.api.Test;

class ViewsTest {
    private static final long AT_0924_30 = 1741051470000L; // 2025-03-04 09:24:30 +08
    private static final long AT_0930_03 = 1741051803000L; // 2025-03-04 09:30:03 +08
    private static final long AT_1500 = AT_0930_03 - 3_000 + (5 * 60 + 30) * 60_000L; // 15:00:00

    private static Quote quote(String code, long seq, long time, String phase, long preClose, long last, long volume,
            List<BookLevel> bids, List<BookLevel> asks) {
        return new Quote(code, seq, time, phase, preClose, 0, 0, 0, last, volume, 0, 0, 0, 0, bids, asks);
    }

    private static final Quote TRADING = quote("000001.SZ", 7, AT_0930_03, "T", 120_000, 120_300, 728_200,
            List.of(new BookLevel(120_200, 1000, 0)), List.of(new BookLevel(120_400, 1000, 0)));
    /** In the opening auction: no trade yet (last 0), no book. */
    private static final Quote NOT_TRADED = quote("300750.SZ", 3, AT_0924_30, "O", 2_000_000, 0, 0, List.of(),
            List.of());
    /** Closed with no ask left. */
    private static final Quote ASKS_GONE = quote("600519.SH", 9, AT_1500, "E", 14_800_000, 15_000_000, 3100,
            List.of(new BookLevel(14_999_900, 200, 0)), List.of());

    @Test
    void quoteTableShowsThePhaseAndLeavesBlankWhatHasNotHappened() {
        assertThat(Views.quotes(List.of(TRADING, NOT_TRADED, ASKS_GONE))).isEqualTo("""
                CODE       PHASE       LAST    CHG%  VOLUME          BID1         ASK1  TIME
                ---------  -------  -------  ------  ------  ------------  -----------  --------
                000001.SZ  trading    12.03  +0.25%  728200   12.02 x1000  12.04 x1000  09:30:03
                300750.SZ  auction                                                      09:24:30
                600519.SH  closed   1500.00  +1.35%    3100  1499.99 x200               15:00:00
                """);
    }

    @Test
    void quoteLineHasNoPriceBeforeTheFirstTrade() {
        assertThat(Views.quoteLine(NOT_TRADED)).isEqualTo("09:24:30 300750.SZ last - - vol 0 bid - ask - seq 3");
        assertThat(Views.quoteLine(TRADING))
                .isEqualTo("09:30:03 000001.SZ last 12.03 +0.25% vol 728200 bid 12.02 ask 12.04 seq 7");
    }

    @Test
    void phaseIsTheExchangeCodeInWords() {
        assertThat(List.of("S", "O", "T", "B", "C", "E", "H", "A", "", "Z").stream().map(Views::phase).toList())
                .containsExactly("pre-open", "auction", "trading", "break", "close auction", "closed", "halted",
                        "after-hours", "", "Z");
        assertThat(Views.phase(null)).isEmpty();
    }
}
