/** 分时: the intraday minute line on a fixed grid (A-shares 241 points), with the average-price line. */
package com.quotebus.core.minute;
