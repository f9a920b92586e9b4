/**
 * The service registry every role shares: which service instances exist, where they receive requests on the event
 * bus, their weight, load and state, and when they last proved alive. Services (the calculators) register and
 * heartbeat; gateways read it to route and sweep it; the shard rules read the ACTIVE calculators from it.
 *
 * <p>{@link com.quotebus.cluster.registry.ServiceRegistry} is the plain-Java contract. Reads
 * ({@code instances}) come from local memory only, so the routing hot path never blocks; writes return a
 * {@link java.util.concurrent.CompletionStage}. Implementations: {@link
 * com.quotebus.cluster.registry.InMemoryServiceRegistry} (single node, tests) here, and the cluster-wide one in
 * {@code com.quotebus.cluster.hazelcast} (an {@code IMap} mirrored into a {@link
 * com.quotebus.cluster.registry.RegistryView} by entry listeners). {@link
 * com.quotebus.cluster.registry.ServiceRegistration} (a service's heartbeat timer) and {@link
 * com.quotebus.cluster.registry.RegistrySweeper} (the gateway's sweep timer) are the only Vert.x classes here;
 * nothing here knows Hazelcast.
 */
package com.quotebus.cluster.registry;
