/**
 * Load-test harness for the access gateway (a tool, hence test scope): {@link com.quotebus.loadtest.LoadTestServer}
 * (the gateway alone with a fake publisher and services), {@link com.quotebus.loadtest.LoadGenerator} (thousands of
 * bridge-protocol connections per JVM, open loop, HdrHistogram) and {@link com.quotebus.loadtest.LoadTestRunner}
 * (scenarios, server CPU and memory, Markdown report and plots). Run it with {@code loadtest/run.sh}.
 */
package com.quotebus.loadtest;
