/**
 * Multi-process integration tests: real Quotebus nodes (separate JVMs on 127.0.0.1) under faults — a
 * calculator joining, crashing (kill -9), hanging (SIGSTOP), leaving (SIGTERM), a collector leader dying —
 * observed through the client gateway with a raw bridge client. Figures are printed and recorded in
 * docs/operations.md.
 */
package com.quotebus.it;
