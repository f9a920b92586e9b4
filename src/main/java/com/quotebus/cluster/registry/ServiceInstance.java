package com.quotebus.cluster.registry;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * One registered instance of a back-end service.
 *
 * <p>Clients address the service as {@code svc.<service>}; the router forwards to the instance's own
 * event-bus {@code address} (by convention {@code svc.<service>.<instanceId>}, see {@link #defaultAddress}).
 * Immutable; {@link Serializable} because the Hazelcast registry stores it in an {@code IMap} (the canonical
 * constructor re-checks every field on deserialisation).
 *
 * @param service             service name: 1–32 of {@code a-z 0-9 _ -}, starting with a letter or digit (no dots:
 *                            it is one segment of the address)
 * @param instanceId          unique within the service: 1–64 of {@code A-Z a-z 0-9 _ -}
 * @param address             event-bus address where the instance consumes requests
 * @param weight              relative share for the weighted strategy, 1–10000
 * @param load                load last reported by the instance (its own measure, e.g. open subscriptions), ≥ 0
 * @param state               {@link InstanceState#ACTIVE} or {@link InstanceState#DRAINING}
 * @param nodeId              cluster node the instance runs on (Vert.x {@code ClusterManager.getNodeId()} or the
 *                            Hazelcast member UUID); all its instances are dropped when that node leaves
 * @param lastHeartbeatMillis registry-clock time of the last registration or heartbeat, epoch millis
 */
public record ServiceInstance(String service, String instanceId, String address, int weight, long load,
                              InstanceState state, String nodeId, long lastHeartbeatMillis) implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern SERVICE = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");
    private static final Pattern INSTANCE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Largest accepted weight; keeps the weighted strategy's running sums far from overflow. */
    public static final int MAX_WEIGHT = 10_000;

    public ServiceInstance {
        checkService(service);
        if (instanceId == null || !INSTANCE_ID.matcher(instanceId).matches()) {
            throw new IllegalArgumentException("instanceId '" + instanceId + "' must be 1-64 of A-Z a-z 0-9 _ -");
        }
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("address of " + service + "/" + instanceId + " is missing");
        }
        checkWeight(weight);
        if (load < 0) {
            throw new IllegalArgumentException("load " + load + " of " + service + "/" + instanceId + " is negative");
        }
        if (state == null) {
            throw new IllegalArgumentException("state of " + service + "/" + instanceId + " is missing");
        }
        if (nodeId == null || nodeId.isBlank()) {
            throw new IllegalArgumentException("nodeId of " + service + "/" + instanceId + " is missing");
        }
    }

    /** A new ACTIVE instance at its default address with weight 1 and load 0; the registry stamps the time. */
    public static ServiceInstance of(String service, String instanceId, String nodeId) {
        return new ServiceInstance(service, instanceId, defaultAddress(service, instanceId), 1, 0,
                InstanceState.ACTIVE, nodeId, 0);
    }

    /** {@code svc.<service>.<instanceId>}. */
    public static String defaultAddress(String service, String instanceId) {
        return "svc." + service + "." + instanceId;
    }

    /** Throws {@link IllegalArgumentException} unless {@code service} is a valid service name. */
    public static void checkService(String service) {
        if (service == null || !SERVICE.matcher(service).matches()) {
            throw new IllegalArgumentException("service '" + service
                    + "' must be 1-32 of a-z 0-9 _ - starting with a letter or digit");
        }
    }

    /** Throws {@link IllegalArgumentException} unless {@code weight} is within 1–{@link #MAX_WEIGHT}. */
    public static void checkWeight(int weight) {
        if (weight < 1 || weight > MAX_WEIGHT) {
            throw new IllegalArgumentException("weight " + weight + " must be 1-" + MAX_WEIGHT);
        }
    }

    /** {@code service/instanceId}: unique across the registry. */
    public String key() {
        return key(service, instanceId);
    }

    /** {@code service/instanceId}. */
    public static String key(String service, String instanceId) {
        return service + "/" + instanceId;
    }

    public boolean active() {
        return state == InstanceState.ACTIVE;
    }

    public ServiceInstance withHeartbeat(long newLoad, long nowMillis) {
        return new ServiceInstance(service, instanceId, address, weight, newLoad, state, nodeId, nowMillis);
    }

    public ServiceInstance withState(InstanceState newState) {
        return new ServiceInstance(service, instanceId, address, weight, load, newState, nodeId, lastHeartbeatMillis);
    }

    public ServiceInstance withWeight(int newWeight) {
        return new ServiceInstance(service, instanceId, address, newWeight, load, state, nodeId, lastHeartbeatMillis);
    }

    public ServiceInstance withLastHeartbeat(long nowMillis) {
        return withHeartbeat(load, nowMillis);
    }
}
