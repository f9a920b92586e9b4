/**
 * Command-line tools over the Java client: {@code quote}, {@code kline}, {@code minute}, {@code ticks},
 * {@code pricevol}, {@code indicator}, {@code instruments} and {@code admin …}. Entry point
 * {@link com.quotebus.cli.Cli#run}; rendering ({@link com.quotebus.cli.Views}, {@link
 * com.quotebus.cli.TextTable}, {@link com.quotebus.cli.Charts}, {@link com.quotebus.cli.AdminTables}) is plain
 * functions from records to text, so it is tested by comparing whole outputs. {@link com.quotebus.cli.Cli#usage()}
 * is the one usage text of the jar. Exit codes and commands: {@code docs/clients.md}.
 */
package com.quotebus.cli;
