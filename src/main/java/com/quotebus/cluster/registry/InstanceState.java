package com.quotebus.cluster.registry;

/** Whether an instance takes new requests. */
public enum InstanceState {
    /** Takes new requests. */
    ACTIVE,
    /**
     * Takes no new requests but stays registered, so requests in flight and held contexts (subscriptions)
     * finish where they are; used before a planned stop.
     */
    DRAINING
}
