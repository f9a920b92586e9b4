package com.quotebus.access.routing;

import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * The failures the router produces itself, as {@link ReplyException}s so a bridge can pass them to the client
 * like any event-bus failure. A service's own failure ({@code RECIPIENT_FAILURE}, its code and message) and
 * the event bus's {@code TIMEOUT} / {@code NO_HANDLERS} of the last attempt are passed through
 * ({@link #forClient}). Every code means one thing across the router and the services (docs/protocol.md,
 * "Errors"): the router's 400 and 503 mean what the services' {@code bad_request} and {@code unavailable} mean.
 */
public final class RouteFailures {

    /** Address is not {@code svc.<service>[.<action>]} with a valid service name. Type ERROR. */
    public static final int BAD_ADDRESS = 400;
    /**
     * An instance left (its node failed, it expired or deregistered) while it held a request that may not be sent
     * twice (not idempotent): it may or may not have taken effect. Idempotent requests are retried instead. Type ERROR.
     */
    public static final int INSTANCE_LOST = 502;
    /** Multicast replies could not be merged (see {@link ReplyMerger}): a policy that does not fit the service. Type ERROR. */
    public static final int NOT_MERGEABLE = 500;
    /** The service has no ACTIVE instance. Type NO_HANDLERS. */
    public static final int NO_INSTANCE = 503;
    /** The deadline had passed before an attempt could be made. Type TIMEOUT. */
    public static final int DEADLINE = 504;

    private RouteFailures() {
    }

    static ReplyException badAddress(String address) {
        return new ReplyException(ReplyFailure.ERROR, BAD_ADDRESS,
                "bad_request: address '" + address + "' is not svc.<service>[.<action>]");
    }

    static ReplyException instanceLost(String instanceKey) {
        return new ReplyException(ReplyFailure.ERROR, INSTANCE_LOST, "instance_lost: instance " + instanceKey
                + " left while it held the request (not retried: not idempotent; it may have taken effect)");
    }

    static ReplyException notMergeable(String reason) {
        return new ReplyException(ReplyFailure.ERROR, NOT_MERGEABLE, "internal: multicast replies not mergeable: "
                + reason);
    }

    static ReplyException noInstance(String service) {
        return new ReplyException(ReplyFailure.NO_HANDLERS, NO_INSTANCE, "unavailable: no instance of service "
                + service + " can serve the request now; retry shortly");
    }

    static ReplyException deadline(String service) {
        return new ReplyException(ReplyFailure.TIMEOUT, DEADLINE, "timeout: deadline passed routing to service "
                + service);
    }

    /**
     * What the client is given for the failure that ends a request: the service's and the router's own codes
     * pass; an event-bus failure without a code of ours ({@code TIMEOUT}, {@code NO_HANDLERS} of the last attempt)
     * becomes the router's {@code 504} / {@code 503}, so the client sees only the documented list.
     */
    static Throwable forClient(Throwable failure) {
        if (!(failure instanceof ReplyException re)) {
            return new ReplyException(ReplyFailure.ERROR, 500, "internal: " + failure);
        }
        if (re.failureType() == ReplyFailure.TIMEOUT && re.failureCode() != DEADLINE) {
            return new ReplyException(ReplyFailure.TIMEOUT, DEADLINE, "timeout: no instance answered in time ("
                    + re.getMessage() + ")");
        }
        if (re.failureType() == ReplyFailure.NO_HANDLERS && re.failureCode() != NO_INSTANCE) {
            return new ReplyException(ReplyFailure.NO_HANDLERS, NO_INSTANCE, "unavailable: " + re.getMessage());
        }
        return re;
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
