package com.quotebus.cluster.registry;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Which instances of which services exist. Reads are served from local memory and never block, so the
 * router may call them on an event loop; writes are asynchronous and complete once the change is stored
 * (the local view and the listeners may see it a moment later in a cluster).
 *
 * <p>Writes that name an unknown instance complete with {@code false} rather than failing: an instance may
 * expire between a read and a write, and the caller decides (e.g. {@link ServiceRegistration} registers
 * again when its heartbeat finds itself gone).
 */
public interface ServiceRegistry {

    /**
     * Adds or replaces the instance, stamping {@code lastHeartbeatMillis} with the registry clock (the value in
     * {@code instance} is ignored).
     */
    CompletionStage<Void> register(ServiceInstance instance);

    /** Records a heartbeat with the instance's current load; {@code false} when the instance is unknown. */
    CompletionStage<Boolean> heartbeat(String service, String instanceId, long load);

    /** Removes the instance; {@code false} when it was unknown. */
    CompletionStage<Boolean> deregister(String service, String instanceId);

    /** Sets ACTIVE or DRAINING, keeping everything else; {@code false} when the instance is unknown. */
    CompletionStage<Boolean> setState(String service, String instanceId, InstanceState state);

    /** Stops new requests to the instance (requests in flight and held contexts stay). */
    default CompletionStage<Boolean> drain(String service, String instanceId) {
        return setState(service, instanceId, InstanceState.DRAINING);
    }

    /** Lets the instance take new requests again. */
    default CompletionStage<Boolean> undrain(String service, String instanceId) {
        return setState(service, instanceId, InstanceState.ACTIVE);
    }

    /** Sets the weight (1–{@link ServiceInstance#MAX_WEIGHT}); {@code false} when the instance is unknown. */
    CompletionStage<Boolean> setWeight(String service, String instanceId, int weight);

    /** All known instances of the service, ACTIVE and DRAINING, sorted by instance id; immutable; local read. */
    List<ServiceInstance> instances(String service);

    /** One instance; local read. */
    default Optional<ServiceInstance> instance(String service, String instanceId) {
        for (ServiceInstance i : instances(service)) {
            if (i.instanceId().equals(instanceId)) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    /** Names of services with at least one instance; local read. */
    Set<String> services();

    /**
     * Removes instances whose last heartbeat is older than the TTL and returns how many this node saw expire.
     * Non-blocking; call it periodically (e.g. {@link RegistrySweeper}) at a fraction of the TTL.
     */
    int sweep();

    void addListener(RegistryListener listener);

    void removeListener(RegistryListener listener);
}
