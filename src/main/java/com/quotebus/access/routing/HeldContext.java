package com.quotebus.access.routing;

import java.util.Map;

/**
 * A request that established state on an instance for a client session (e.g. {@code svc.stream.subscribe} for
 * a code), kept so it can be sent again to another instance when that one disappears.
 *
 * @param sessionId  the client session
 * @param contextId  names the context within the session (e.g. {@code stream:600000.SH}); holding the same id
 *                   again replaces it
 * @param service    service it was routed to
 * @param address    the original address, {@code svc.<service>[.<action>]}
 * @param body       the original body; must not be modified afterwards (it is sent again as it is)
 * @param headers    the original headers
 * @param instanceId instance holding the state, or {@code null} while it is being re-established
 */
public record HeldContext(String sessionId, String contextId, String service, String address, Object body,
                          Map<String, String> headers, String instanceId) {

    public HeldContext {
        if (sessionId == null || sessionId.isEmpty() || contextId == null || contextId.isEmpty()) {
            throw new IllegalArgumentException("sessionId and contextId are required");
        }
        if (service == null || address == null) {
            throw new IllegalArgumentException("service and address are required");
        }
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    HeldContext boundTo(String newInstanceId) {
        return new HeldContext(sessionId, contextId, service, address, body, headers, newInstanceId);
    }
}
