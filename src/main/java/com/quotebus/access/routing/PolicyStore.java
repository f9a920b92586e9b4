package com.quotebus.access.routing;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/** Per-service routing policies. Reads are local and never block; writes apply on every node that shares the store. */
public interface PolicyStore {

    /** The service's policy, or {@link ServicePolicy#DEFAULT}. */
    ServicePolicy policy(String service);

    /** Every explicitly set policy. */
    Map<String, ServicePolicy> all();

    CompletionStage<Void> setPolicy(String service, ServicePolicy policy);

    /** Back to the default. */
    CompletionStage<Void> clearPolicy(String service);
}
