package com.quotebus.access.routing;

import java.util.Map;

/**
 * What a strategy may look at when choosing an instance: the service, the routing key (for the
 * consistent-hash strategy: the request's hash field, e.g. its {@code code}; {@code null} when absent) and the
 * request headers.
 */
public record RouteRequest(String service, String routingKey, Map<String, String> headers) {

    public RouteRequest {
        if (service == null) {
            throw new IllegalArgumentException("service is required");
        }
        headers = headers == null ? Map.of() : headers;
    }

    public static RouteRequest of(String service, String routingKey) {
        return new RouteRequest(service, routingKey, Map.of());
    }
}
