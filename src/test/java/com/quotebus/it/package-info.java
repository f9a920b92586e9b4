/**
 * Multi-process integration tests: real Quotebus nodes (separate JVMs on 127.0.0.1) under faults — a
 * calculator joining, crashing (kill -9), hanging (SIGSTOP), leaving (SIGTERM), a collector leader dying —
 * observed through the client gateway with a raw bridge client. Figures are printed and recorded in
 * docs/dev/testing.md. {@code TradingDaySoakIT} runs whole trading days and checks every served view against
 * the independent checker in {@code com.quotebus.it.checker} (docs/benchmarks.md, "Whole-day soak").
 */
package com.quotebus.it;
