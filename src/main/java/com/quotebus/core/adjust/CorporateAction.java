package com.quotebus.core.adjust;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * An ex-rights / ex-dividend event (除权除息) as announced, per share held before it: a cash dividend,
 * bonus and capitalisation shares (送股, 转增) and a rights issue (配股), any of them together. Announcements
 * count per 10 shares: 每10股派2.35元送10股配3股, 配股价8.50元 is cash 0.235 yuan, bonus 1, rights 0.3 at
 * 8.50 yuan.
 *
 * <p>The exchange publishes the ex-date's reference price (除权除息参考价, its previous close for that day):
 * {@code (preClose − cash + rights × rightsPrice) / (1 + bonus + rights)}, rounded half-up to the price tick
 * (0.01 yuan for A-shares). The cumulative adjustment factor then grows by the ratio of the last traded close to
 * that reference price: {@code factor(ex-date) = factor(day before) × preClose / referencePrice}.
 *
 * @param exDate      first trading day without the entitlement
 * @param cash        cash dividend per share, minor units, ≥ 0
 * @param bonus       bonus plus capitalisation shares per share held, ≥ 0 (10送10 = 1)
 * @param rights      rights shares offered per share held, ≥ 0 (10配3 = 0.3)
 * @param rightsPrice subscription price of a rights share, minor units; &gt; 0 exactly when {@code rights > 0}
 */
public record CorporateAction(LocalDate exDate, long cash, BigDecimal bonus, BigDecimal rights, long rightsPrice) {
    /**
     * Decimal places of a factor computed by {@link #nextFactor}, rounded half-up at each step: for factors from
     * 1 up, a relative error under 10^-10 per step, less than 0.01 minor unit on a price of 10,000 yuan.
     */
    public static final int FACTOR_DECIMALS = 10;

    public CorporateAction {
        if (exDate == null || bonus == null || rights == null) {
            throw new IllegalArgumentException("corporate action: ex-date, bonus and rights are required");
        }
        if (cash < 0 || bonus.signum() < 0 || rights.signum() < 0 || rightsPrice < 0) {
            throw new IllegalArgumentException("corporate action on " + exDate + ": amounts must be >= 0");
        }
        if ((rights.signum() > 0) != (rightsPrice > 0)) {
            throw new IllegalArgumentException("corporate action on " + exDate
                    + ": a rights issue needs both a ratio and a price");
        }
        if (cash == 0 && bonus.signum() == 0 && rights.signum() == 0) {
            throw new IllegalArgumentException("corporate action on " + exDate + " changes nothing");
        }
    }

    /** A cash dividend only (派息). */
    public static CorporateAction cashDividend(LocalDate exDate, long cash) {
        return new CorporateAction(exDate, cash, BigDecimal.ZERO, BigDecimal.ZERO, 0);
    }

    /**
     * The ex-date's reference price: {@code (preClose − cash + rights × rightsPrice) / (1 + bonus + rights)}
     * computed exactly, rounded half-up to a multiple of {@code tick}.
     *
     * @param preClose the last close before the ex-date, minor units
     * @param tick     the price tick, minor units (100 = 0.01 yuan for A-shares)
     * @throws IllegalArgumentException if the result is below one tick (a dividend as large as the price)
     */
    public long referencePrice(long preClose, long tick) {
        if (preClose <= 0 || tick <= 0) {
            throw new IllegalArgumentException("reference price needs preClose > 0 and tick > 0, got " + preClose
                    + " and " + tick);
        }
        BigDecimal numerator = BigDecimal.valueOf(preClose - cash).add(rights.multiply(BigDecimal.valueOf(rightsPrice)));
        BigDecimal denominator = BigDecimal.ONE.add(bonus).add(rights);
        long ticks = numerator.divide(denominator.multiply(BigDecimal.valueOf(tick)), 0, RoundingMode.HALF_UP)
                .longValueExact();
        if (ticks < 1) {
            throw new IllegalArgumentException("corporate action on " + exDate + " leaves no price: preClose "
                    + preClose + ", " + this);
        }
        return ticks * tick;
    }

    /**
     * The cumulative factor from the ex-date on: {@code factor × preClose / referencePrice}, rounded half-up to
     * {@value #FACTOR_DECIMALS} decimal places.
     */
    public static BigDecimal nextFactor(BigDecimal factor, long preClose, long referencePrice) {
        if (preClose <= 0 || referencePrice <= 0) {
            throw new IllegalArgumentException("factor step needs prices > 0, got " + preClose + " and " + referencePrice);
        }
        return factor.multiply(BigDecimal.valueOf(preClose))
                .divide(BigDecimal.valueOf(referencePrice), FACTOR_DECIMALS, RoundingMode.HALF_UP);
    }
}
