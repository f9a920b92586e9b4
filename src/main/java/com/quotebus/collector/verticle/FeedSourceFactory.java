package com.quotebus.collector.verticle;

import com.quotebus.collector.FeedSource;
import com.quotebus.core.time.MarketClock;
import io.vertx.core.Vertx;

/**
 * Builds the {@link FeedSource} of one source type from its configured options. Feed adapters plug in by
 * implementing this and either listing the class in
 * {@code META-INF/services/com.quotebus.collector.verticle.FeedSourceFactory} (found with {@link java.util.ServiceLoader})
 * or registering an instance with {@link FeedSourceFactories#register}. Implementations need a public no-argument
 * constructor for the service loader and must check their options, failing with the key's name.
 */
public interface FeedSourceFactory {
    /** The {@code type} value this factory builds, e.g. {@code szse-binary}, {@code csv-replay}, {@code simulator}. */
    String type();

    /**
     * Builds the source (not started).
     *
     * @param spec  name, type and options from the configuration
     * @param vertx for sources that need sockets or timers; called on the collector verticle's context
     * @param clock the collector's clock
     * @throws IllegalArgumentException when an option is missing or invalid (message names the key)
     */
    FeedSource create(SourceSpec spec, Vertx vertx, MarketClock clock);

    /**
     * Checks the options as {@link #create} would, without building anything: called when the node reads its
     * configuration, before it binds a port or joins the cluster.
     *
     * @throws com.quotebus.config.ConfigException or {@link IllegalArgumentException} naming the bad key
     */
    void check(SourceSpec spec);
}
