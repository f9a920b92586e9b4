package com.quotebus.cluster.registry;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;

/**
 * Registry for one node and for tests: the local view is the store, every write completes before it returns,
 * and time comes from the injected clock.
 */
public final class InMemoryServiceRegistry implements ServiceRegistry {

    private final RegistryView view = new RegistryView();
    private final RegistryConfig config;
    private final Clock clock;

    public InMemoryServiceRegistry(RegistryConfig config, Clock clock) {
        if (config == null || clock == null) {
            throw new IllegalArgumentException("config and clock are required");
        }
        this.config = config;
        this.clock = clock;
    }

    @Override
    public CompletionStage<Void> register(ServiceInstance instance) {
        if (instance == null) {
            throw new IllegalArgumentException("instance is required");
        }
        view.put(instance.withLastHeartbeat(clock.millis()));
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Boolean> heartbeat(String service, String instanceId, long load) {
        if (load < 0) {
            throw new IllegalArgumentException("load " + load + " is negative");
        }
        long now = clock.millis();
        return update(service, instanceId, i -> i.withHeartbeat(load, now));
    }

    @Override
    public CompletionStage<Boolean> deregister(String service, String instanceId) {
        return CompletableFuture.completedFuture(view.remove(service, instanceId) != null);
    }

    @Override
    public CompletionStage<Boolean> setState(String service, String instanceId, InstanceState state) {
        if (state == null) {
            throw new IllegalArgumentException("state is required");
        }
        return update(service, instanceId, i -> i.withState(state));
    }

    @Override
    public CompletionStage<Boolean> setWeight(String service, String instanceId, int weight) {
        ServiceInstance.checkWeight(weight);
        return update(service, instanceId, i -> i.withWeight(weight));
    }

    private CompletionStage<Boolean> update(String service, String instanceId, UnaryOperator<ServiceInstance> change) {
        synchronized (view) {
            ServiceInstance current = view.get(service, instanceId);
            if (current == null) {
                return CompletableFuture.completedFuture(false);
            }
            view.put(change.apply(current));
            return CompletableFuture.completedFuture(true);
        }
    }

    @Override
    public List<ServiceInstance> instances(String service) {
        return view.instances(service);
    }

    @Override
    public Set<String> services() {
        return view.services();
    }

    @Override
    public int sweep() {
        long cutoff = clock.millis() - config.ttl().toMillis();
        return view.removeIf(i -> i.lastHeartbeatMillis() < cutoff).size();
    }

    @Override
    public void addListener(RegistryListener listener) {
        view.addListener(listener);
    }

    @Override
    public void removeListener(RegistryListener listener) {
        view.removeListener(listener);
    }
}
