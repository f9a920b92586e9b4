/**
 * The soak test's independent checker: market conventions re-implemented from docs/domain.md (trading
 * calendar and trading-day rule, session grids, minute slots, bar labels, 分时 points, 分价 rows) and
 * the recomputation of every served view from the tape. It shares no code with the system: nothing here
 * may depend on another {@code com.quotebus} package ({@code CheckerConventionsTest} enforces it), so a
 * convention the system gets wrong cannot be "confirmed" by the same code. Only the shipped holiday file
 * (data, not code) is read from the class path.
 */
package com.quotebus.it.checker;
