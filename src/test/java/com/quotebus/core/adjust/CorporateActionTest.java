package com.quotebus.core.adjust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Reference prices and factor steps worked by hand (prices in minor units, tick 0.01 yuan = 100). */
class CorporateActionTest {
    private static final LocalDate EX = LocalDate.of(2024, 6, 3);
    private static final long TICK = 100;

    @Test
    void cashDividendLowersTheReferencePriceByTheDividend() {
        // 10派5元: 10.50 − 0.50 = 10.00; factor 1 × 10.50 / 10.00 = 1.05
        CorporateAction a = CorporateAction.cashDividend(EX, 5_000);
        assertThat(a.referencePrice(105_000, TICK)).isEqualTo(100_000);
        assertThat(CorporateAction.nextFactor(BigDecimal.ONE, 105_000, 100_000)).isEqualByComparingTo("1.05");
    }

    @Test
    void tenForTenBonusSharesHalveThePrice() {
        // 10送10 with 10派2.35元: (12.00 − 0.235) / 2 = 5.8825 → 5.88 (half-up to the fen)
        CorporateAction a = new CorporateAction(EX, 2_350, BigDecimal.ONE, BigDecimal.ZERO, 0);
        assertThat(a.referencePrice(120_000, TICK)).isEqualTo(58_800);
        // 1.05 × 12.00 / 5.88 = 2.142857142857… → 10 places, half-up
        assertThat(CorporateAction.nextFactor(new BigDecimal("1.05"), 120_000, 58_800))
                .isEqualTo(new BigDecimal("2.1428571429"));
    }

    @Test
    void rightsIssueAddsTheSubscribedMoneyToTheShares() {
        // 10配3 at 8.00 on 11.00: (11.00 + 0.3 × 8.00) / 1.3 = 13.40 / 1.3 = 10.3077 → 10.31
        CorporateAction a = new CorporateAction(EX, 0, BigDecimal.ZERO, new BigDecimal("0.3"), 80_000);
        assertThat(a.referencePrice(110_000, TICK)).isEqualTo(103_100);
        // everything at once: (20.00 − 0.50 + 0.2 × 10.00) / (1 + 0.5 + 0.2) = 21.50 / 1.7 = 12.647 → 12.65
        CorporateAction all = new CorporateAction(EX, 5_000, new BigDecimal("0.5"), new BigDecimal("0.2"), 100_000);
        assertThat(all.referencePrice(200_000, TICK)).isEqualTo(126_500);
    }

    @Test
    void halfTicksRoundUp() {
        // (10.01 − 0) / 2 = 5.005 → 5.01; (10.03) / 2 = 5.015 → 5.02
        CorporateAction split = new CorporateAction(EX, 0, BigDecimal.ONE, BigDecimal.ZERO, 0);
        assertThat(split.referencePrice(100_100, TICK)).isEqualTo(50_100);
        assertThat(split.referencePrice(100_300, TICK)).isEqualTo(50_200);
    }

    @Test
    void impossibleActionsAreRejected() {
        assertThatThrownBy(() -> new CorporateAction(EX, 0, BigDecimal.ZERO, BigDecimal.ZERO, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("corporate action on 2024-06-03 changes nothing");
        assertThatThrownBy(() -> new CorporateAction(EX, 0, BigDecimal.ZERO, new BigDecimal("0.3"), 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("corporate action on 2024-06-03: a rights issue needs both a ratio and a price");
        assertThatThrownBy(() -> CorporateAction.cashDividend(EX, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CorporateAction.cashDividend(EX, 10_000).referencePrice(10_000, TICK))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("corporate action on 2024-06-03 "
                        + "leaves no price");
    }
}
