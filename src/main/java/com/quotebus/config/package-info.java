/**
 * Configuration: {@code verticles.conf} (HOCON, read through vertx-config) with environment-variable
 * and system-property overrides, read into typed records and checked once at start. A bad value stops
 * the node with the key, the value and what is allowed.
 */
package com.quotebus.config;
