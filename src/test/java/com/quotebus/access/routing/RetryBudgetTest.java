package com.quotebus.access.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RetryBudgetTest {
    private static final long S = 1_000_000_000L;

    private static int retriesAllowed(RetryBudget b, long at, int tries) {
        int n = 0;
        for (int i = 0; i < tries; i++) {
            if (b.tryRetry(at)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aShareOfFirstAttemptsMayBeRetried() {
        RetryBudget b = new RetryBudget(0.25, 0, 0);
        for (int i = 0; i < 100; i++) {
            b.deposit();
        }
        assertThat(retriesAllowed(b, 100, 1_000)).isEqualTo(25);
    }

    @Test
    void aQuietServiceStillGetsTheMinimumPerSecondButCannotSaveUpMoreThanTenSeconds() {
        RetryBudget b = new RetryBudget(0.2, 10, 0);
        assertThat(retriesAllowed(b, 0, 100)).as("at start").isEqualTo(10);
        assertThat(retriesAllowed(b, S / 2, 100)).as("half a second later").isEqualTo(5);
        assertThat(retriesAllowed(b, 3_600 * S, 1_000)).as("after an idle hour: ten seconds' worth, plus one").isEqualTo(101);
    }

    @Test
    void noRatioAndNoMinimumMeansNoRetries() {
        RetryBudget b = new RetryBudget(0, 0, 0);
        for (int i = 0; i < 100; i++) {
            b.deposit();
        }
        assertThat(retriesAllowed(b, 100 * S, 10)).isZero();
    }
}
