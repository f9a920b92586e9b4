/**
 * Every Hazelcast adapter of the cluster, in one place: each implements a small interface defined where it is
 * used, and is built and started by the node ({@code com.quotebus.app}), which hands it to the roles. Apart from
 * the node, nothing else imports {@code com.hazelcast} (ArchitectureTest).
 *
 * <table>
 *   <caption>Adapters</caption>
 *   <tr><th>adapter</th><th>interface</th><th>Hazelcast structure</th></tr>
 *   <tr><td>{@link com.quotebus.cluster.hazelcast.HazelcastServiceRegistry}</td>
 *       <td>{@link com.quotebus.cluster.registry.ServiceRegistry}</td><td>map {@code quotebus.services}</td></tr>
 *   <tr><td>{@link com.quotebus.cluster.hazelcast.HazelcastShardMap}</td>
 *       <td>{@link com.quotebus.cluster.ShardMap}</td><td>map {@code quotebus.shard-map}</td></tr>
 *   <tr><td>{@link com.quotebus.cluster.hazelcast.HazelcastInstrumentDirectory}</td>
 *       <td>{@link com.quotebus.cluster.InstrumentDirectory}</td><td>map {@code quotebus.instruments}</td></tr>
 *   <tr><td>{@link com.quotebus.cluster.hazelcast.HazelcastPushInterest}</td>
 *       <td>{@link com.quotebus.cluster.PushInterest}</td><td>Vert.x's consumer multimap {@code __vertx.subs}</td></tr>
 *   <tr><td>{@link com.quotebus.cluster.hazelcast.HazelcastPolicyStore}</td>
 *       <td>{@link com.quotebus.access.routing.PolicyStore}</td><td>map {@code quotebus.policies}</td></tr>
 *   <tr><td>{@link com.quotebus.cluster.hazelcast.HazelcastSessionStore}</td>
 *       <td>{@link com.quotebus.access.session.SessionStore}</td><td>map {@code quotebus.sessions}</td></tr>
 *   <tr><td>{@link com.quotebus.cluster.hazelcast.HazelcastLeaderElection}</td>
 *       <td>{@link com.quotebus.collector.pipeline.LeaderElection}</td><td>map {@code quotebus.collector.leases}</td></tr>
 * </table>
 *
 * <p>The registry and the shard map share their plumbing, a map whose entries belong to a node (mirrored into a local
 * view, a left member's entries removed by every node): {@code NodeOwnedMapMirror}.
 *
 * <p>{@link com.quotebus.cluster.hazelcast.HazelcastConfigs} builds the member's configuration (cluster.xml plus the
 * node's settings). Starting and closing an adapter blocks on the cluster (listener registration, the initial
 * load): the node does it on a worker thread ({@code executeBlocking}); reads are local and never block.
 */
package com.quotebus.cluster.hazelcast;
