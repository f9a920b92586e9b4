/** Shared test fixtures: seeded synthetic trading days and instruments. */
package com.quotebus.testkit;
