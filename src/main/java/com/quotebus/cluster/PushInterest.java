package com.quotebus.cluster;

/**
 * Whether anyone in the cluster consumes an address: a calculator publishes a push only where some gateway (or
 * other consumer) listens. On a clustered event bus a publish to an address nobody listens to is not free: Vert.x
 * looks the address up in the cluster every time (it caches only addresses that have consumers), so tens of
 * thousands of unsubscribed push addresses at market rates flood its lookup pool and memory. Thread-safe; read on
 * the publishing thread for every push.
 */
@FunctionalInterface
public interface PushInterest {
    /** Every address is wanted (a single process, tests). */
    PushInterest EVERYTHING = address -> true;

    /** Whether a consumer of {@code address} is registered anywhere in the cluster (as far as known now). */
    boolean wanted(String address);
}
