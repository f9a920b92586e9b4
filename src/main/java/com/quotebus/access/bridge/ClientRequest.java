package com.quotebus.access.bridge;

import io.vertx.core.MultiMap;

/**
 * A request a client made with {@code send} + {@code replyAddress}, as handed to a {@link RequestRouter}.
 *
 * @param address   the service address the client named
 * @param body      the JSON body (JsonObject, JsonArray, String, Number, Boolean or null)
 * @param headers   the client's headers, without {@code token} and {@code timeout}
 * @param timeoutMs how long the client is willing to wait; the router must complete (or fail with
 *                  TIMEOUT) within it
 */
public record ClientRequest(String address, Object body, MultiMap headers, long timeoutMs) {
}
