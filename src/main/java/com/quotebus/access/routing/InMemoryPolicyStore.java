package com.quotebus.access.routing;

import com.quotebus.cluster.registry.ServiceInstance;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Policies of a single node (and tests). */
public final class InMemoryPolicyStore implements PolicyStore {

    private final Map<String, ServicePolicy> policies = new ConcurrentHashMap<>();

    @Override
    public ServicePolicy policy(String service) {
        return policies.getOrDefault(service, ServicePolicy.DEFAULT);
    }

    @Override
    public Map<String, ServicePolicy> all() {
        return Map.copyOf(policies);
    }

    @Override
    public CompletionStage<Void> setPolicy(String service, ServicePolicy policy) {
        ServiceInstance.checkService(service);
        if (policy == null) {
            throw new IllegalArgumentException("policy is required");
        }
        policies.put(service, policy);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Void> clearPolicy(String service) {
        policies.remove(service);
        return CompletableFuture.completedFuture(null);
    }
}
