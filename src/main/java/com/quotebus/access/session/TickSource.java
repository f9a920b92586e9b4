package com.quotebus.access.session;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/**
 * Where missed ticks are read from on resume: the calculator's {@code svc.ticks} (through the node's
 * router in a node). The request is {@code {code, count, beforeSeq?}}, the reply the service's
 * {@code {code, seq, oldestInMemory, columns, ticks: [[seq, time, price, qty, amount, side]…]}}.
 */
@FunctionalInterface
public interface TickSource {
    Future<JsonObject> ticks(JsonObject request);
}
