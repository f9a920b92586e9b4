/** 分价: volume at each price of the day with the 外盘 (active buy) / 内盘 (active sell) split. */
package com.quotebus.core.pricevol;
