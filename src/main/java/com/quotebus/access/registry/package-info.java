/**
 * Service registry of the access gateway: which back-end service instances exist, where they receive
 * requests on the event bus, their weight, load and state, and when they last proved alive.
 *
 * <p>{@link com.quotebus.access.registry.ServiceRegistry} is the plain-Java contract. Reads
 * ({@code instances}) come from local memory only, so the routing hot path never blocks; writes return a
 * {@link java.util.concurrent.CompletionStage}. Two implementations: {@link
 * com.quotebus.access.registry.InMemoryServiceRegistry} (single node, tests) and {@link
 * com.quotebus.access.registry.HazelcastServiceRegistry} (cluster-wide, an {@code IMap} mirrored into a
 * local view by entry listeners). {@link com.quotebus.access.registry.ServiceRegistration} and {@link
 * com.quotebus.access.registry.RegistrySweeper} are the only Vert.x classes here.
 */
package com.quotebus.access.registry;
