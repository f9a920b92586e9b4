/**
 * The Shenzhen Stock Exchange Binary market-data protocol (深圳证券交易所Binary行情数据接口规范, the subset in
 * {@code docs/feeds.md}): byte layouts ({@link com.quotebus.collector.szse.SzseLayout}), an incremental
 * decoder, an encoder, normalisation to {@code Snapshot}/{@code Trade}, and the feed sources that read the
 * protocol from TCP or from a recorded file. Only {@code SzseBinaryFeedSource} touches Vert.x; everything else
 * is plain Java.
 */
package com.quotebus.collector.szse;
