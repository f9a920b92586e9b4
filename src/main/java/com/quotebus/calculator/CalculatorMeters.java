package com.quotebus.calculator;

import com.quotebus.core.market.ApplyResult;
import com.quotebus.core.market.DayReconciliation;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * A calculator instance's counters in the metrics registry (Prometheus: {@code /metrics}), tagged with the
 * instance: events by result, late prints and the bar corrections they caused, and the end-of-day
 * reconciliation (symbol-days checked, mismatching, failed checks by kind; per symbol in {@code /status}).
 * Read from the scrape thread: the counters are plain longs written by the calculator's event loop.
 */
final class CalculatorMeters {
    private CalculatorMeters() {}

    static void bind(MeterRegistry registry, String instance, CalculatorEngine engine) {
        for (ApplyResult r : ApplyResult.values()) {
            counter("quotebus.calculator.events", instance, engine, e -> e.market().count(r),
                    "events offered to the market state, by result").tag("result", r.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
        counter("quotebus.calculator.bar.corrections", instance, engine, CalculatorEngine::corrections,
                "closed bars corrected by a late print").register(registry);
        counter("quotebus.calculator.bar.uncorrectable", instance, engine, CalculatorEngine::uncorrectable,
                "late prints for a closed bar older than the bars held in memory").register(registry);
        counter("quotebus.calculator.reconciliation.checked", instance, engine, CalculatorEngine::reconciled,
                "symbol-days reconciled against the exchange's final snapshot").register(registry);
        counter("quotebus.calculator.reconciliation.mismatched", instance, engine,
                CalculatorEngine::mismatchedDays, "symbol-days with at least one reconciliation mismatch")
                .register(registry);
        counter("quotebus.calculator.reconciliation.incomplete", instance, engine, CalculatorEngine::incompleteDays,
                "symbol-days not reconciled: this instance joined them after their first events").register(registry);
        for (DayReconciliation.Check c : DayReconciliation.Check.values()) {
            counter("quotebus.calculator.reconciliation.mismatches", instance, engine, e -> e.mismatches(c),
                    "failed end-of-day checks, by check").tag("check", c.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
    }

    private static FunctionCounter.Builder<CalculatorEngine> counter(String name, String instance, CalculatorEngine engine, ToDoubleFunction<CalculatorEngine> f, String help) {
        return FunctionCounter.builder(name, engine, f).description(help).tag("instance", instance);
    }
}
