/**
 * The calculator service: runs the domain core over the live stream of its shards, keeps recent
 * history, answers queries ({@code svc.*}) and publishes updates ({@code quote.* tick.* minute.*
 * kline.* pricevol.*}). The engine is plain Java; {@code CalculatorVerticle} is the Vert.x edge.
 */
package com.quotebus.calculator;
