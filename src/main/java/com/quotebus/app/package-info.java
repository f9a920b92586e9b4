/**
 * The runnable node: command line, configuration, the clustered Vert.x with Hazelcast, the roles
 * (collector, calculator, access) and their verticles, the HTTP status and metrics endpoint, and
 * graceful shutdown. Wiring only: the work is in the packages of each part.
 */
package com.quotebus.app;
