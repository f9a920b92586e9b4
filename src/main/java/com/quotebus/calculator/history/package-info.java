/**
 * Bar and trade history: bounded in-memory rings for recent data and the RocksDB-backed store for
 * everything older, keyed so that a paged range query is one seek.
 */
package com.quotebus.calculator.history;
