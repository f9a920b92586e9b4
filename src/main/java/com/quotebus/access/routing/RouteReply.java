package com.quotebus.access.routing;

import java.util.List;
import java.util.Map;

/**
 * A successful routed reply.
 *
 * @param body        reply body (for multicast-merge: the merged body)
 * @param headers     reply headers, first value per name
 * @param service     the service routed to
 * @param instanceIds the instance that answered (unicast), or those that answered (multicast), in id order
 * @param attempts    attempts made, including retries (multicast: 1)
 */
public record RouteReply(Object body, Map<String, String> headers, String service, List<String> instanceIds,
                         int attempts) {

    public RouteReply {
        headers = Map.copyOf(headers);
        instanceIds = List.copyOf(instanceIds);
    }
}
