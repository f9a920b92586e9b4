/**
 * Operator commands of the access gateway ({@code admin.*} over the bridge, header {@code token}):
 * cluster and service status, routing policy, weights, drain, session kick and live limits.
 * {@link com.quotebus.access.admin.AdminService} registers the event-bus consumers; contract:
 * {@code docs/admin.md}.
 */
package com.quotebus.access.admin;
