package com.quotebus.access.routing;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * The failures the router produces itself, as {@link ReplyException}s so a bridge can pass them to the client
 * like any event-bus failure. A service's own failure ({@code RECIPIENT_FAILURE}, its code and message) and
 * the event bus's {@code TIMEOUT} / {@code NO_HANDLERS} of the last attempt are passed through unchanged.
 */
public final class RouteFailures {

    /** Address is not {@code svc.<service>[.<action>]} with a valid service name. Type ERROR. */
    public static final int BAD_ADDRESS = 400;
    /** An instance was removed from the registry while it held the request, and it could not be retried. Type ERROR. */
    public static final int INSTANCE_LOST = 410;
    /** Multicast replies could not be merged (see {@link ReplyMerger}). Type ERROR. */
    public static final int NOT_MERGEABLE = 502;
    /** The service has no ACTIVE instance. Type NO_HANDLERS. */
    public static final int NO_INSTANCE = 503;
    /** The deadline had passed before an attempt could be made. Type TIMEOUT. */
    public static final int DEADLINE = 504;

    private RouteFailures() {
    }

    static ReplyException badAddress(String address) {
        return new ReplyException(ReplyFailure.ERROR, BAD_ADDRESS,
                "address '" + address + "' is not svc.<service>[.<action>]");
    }

    static ReplyException instanceLost(String instanceKey) {
        return new ReplyException(ReplyFailure.ERROR, INSTANCE_LOST, "instance " + instanceKey + " was removed");
    }

    static ReplyException notMergeable(String reason) {
        return new ReplyException(ReplyFailure.ERROR, NOT_MERGEABLE, "multicast replies not mergeable: " + reason);
    }

    static ReplyException noInstance(String service) {
        return new ReplyException(ReplyFailure.NO_HANDLERS, NO_INSTANCE, "no active instance of service " + service);
    }

    static ReplyException deadline(String service) {
        return new ReplyException(ReplyFailure.TIMEOUT, DEADLINE, "deadline passed routing to service " + service);
    }

    /** Metric tag for a failure. */
    static String code(Throwable failure) {
        if (failure instanceof ReplyException re) {
            return switch (re.failureCode()) {
                case BAD_ADDRESS -> "BAD_ADDRESS";
                case INSTANCE_LOST -> "INSTANCE_LOST";
                case NOT_MERGEABLE -> "NOT_MERGEABLE";
                case NO_INSTANCE -> "NO_INSTANCE";
                case DEADLINE -> "DEADLINE";
                default -> re.failureType().name();
            };
        }
        return "ERROR";
    }
}
