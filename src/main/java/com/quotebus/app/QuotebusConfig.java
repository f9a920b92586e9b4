package com.quotebus.app;

import com.quotebus.access.bridge.BridgeServerOptions;
import com.quotebus.access.routing.RouterConfig;
import com.quotebus.access.session.SessionOptions;
import com.quotebus.calculator.CalculatorOptions;
import com.quotebus.collector.sim.SimClockConfig;
import com.quotebus.collector.sim.SimulatorConfig;
import com.quotebus.collector.szse.SimulatorServerConfig;
import com.quotebus.collector.verticle.CollectorConfig;
import com.quotebus.collector.verticle.FeedSourceFactories;
import com.quotebus.collector.verticle.SourceSpec;
import com.quotebus.config.ConfigException;
import com.quotebus.config.ConfigLoader;
import com.quotebus.config.Settings;
import java.nio.file.Path;

/**
 * A node's whole configuration, typed and checked: built once in {@link Main} from the HOCON file and its overrides
 * ({@link ConfigLoader}: one key style, unknown keys refused), before anything binds a port or joins a cluster. Each
 * role gets its slice; the slice of a role this node does not run is null (a calculator-only node's file need not
 * list collector sources).
 *
 * @param node            what the node runs and how it joins the cluster ({@code node.*}, {@code cluster.*},
 *                        {@code http.*}, {@code data.*}, {@code calendar.*})
 * @param nativeTransport use epoll where available ({@code node.native-transport})
 * @param calculator      the calculator role ({@code calculator.*}), or null
 * @param access          the gateway role ({@code access.*}), or null
 * @param collector       the collector role ({@code collector.*}, {@code simulator.*}, {@code clock.*}), or null
 */
public record QuotebusConfig(NodeOptions node, boolean nativeTransport, CalculatorOptions calculator, Access access,
                             Collector collector) {

    /**
     * @param bridge  the client gateway ({@code access.*})
     * @param session client sessions ({@code access.session.*})
     * @param router  request routing ({@code access.router.*})
     */
    public record Access(BridgeServerOptions bridge, SessionOptions session, RouterConfig router) {}

    /**
     * @param config                 the collector verticle ({@code collector.*}; shards are the cluster's, the
     *                               journal under {@code data.dir} unless {@code collector.journal.directory} is set)
     * @param clockPublishIntervalMs how often the market time is published to the cluster
     *                               ({@code clock.publish-interval-ms})
     * @param simulator              the built-in simulated exchange
     */
    public record Collector(CollectorConfig config, long clockPublishIntervalMs, Simulator simulator) {}

    /**
     * @param enabled        run the simulator and take the market time from it ({@code simulator.enabled})
     * @param referenceData  with a real feed, publish the simulated instruments ({@code simulator.reference-data})
     * @param market         the simulated market ({@code simulator.*})
     * @param server         the simulator's SZSE binary server ({@code simulator.host/port/...})
     * @param clock          where and how fast the simulated day runs ({@code clock.*})
     * @param seedHistory    seed day bars and minute lines before the calculators start ({@code simulator.seed-history})
     * @param seedMinuteDays days of minute lines seeded ({@code simulator.seed-minute-days})
     */
    public record Simulator(boolean enabled, boolean referenceData, SimulatorConfig market,
                            SimulatorServerConfig server, SimClockConfig clock, boolean seedHistory,
                            int seedMinuteDays) {}

    /** Reads and checks the file (or the shipped defaults) with the process's overrides. */
    public static QuotebusConfig load(Path file) {
        return from(ConfigLoader.load(file));
    }

    /** Reads and checks every section of the roles the node runs; the first bad value fails naming its key. */
    public static QuotebusConfig from(Settings s) {
        NodeOptions node = NodeOptions.from(s);
        boolean nativeTransport = s.bool("node.native-transport", true);
        CalculatorOptions calculator = node.runs(NodeOptions.Role.CALCULATOR) ? CalculatorOptions.from(s) : null;
        Access access = null;
        if (node.runs(NodeOptions.Role.ACCESS)) {
            Settings a = s.at("access");
            access = new Access(BridgeServerOptions.from(a), SessionOptions.from(a.at("session")),
                    RouterConfig.from(a.at("router")));
        }
        Collector collector = node.runs(NodeOptions.Role.COLLECTOR) ? collector(s, node) : null;
        return new QuotebusConfig(node, nativeTransport, calculator, access, collector);
    }

    private static Collector collector(Settings s, NodeOptions node) {
        Settings sim = s.at("simulator");
        boolean enabled = sim.bool("enabled", true);
        SimulatorServerConfig server = SimulatorServerConfig.from(sim);
        if (enabled && server.port() == 0) {
            throw sim.invalid("port", 0, "a port 1..65535 (the collector's feed lines connect to it)");
        }
        Simulator simulator = new Simulator(enabled, sim.bool("reference-data", false), SimulatorConfig.from(sim),
                server, SimClockConfig.from(s.at("clock")), sim.bool("seed-history", true),
                sim.intValue("seed-minute-days", 5, 0, 60));
        CollectorConfig config = CollectorConfig.from(s.at("collector"), node.shards(),
                node.dataDir().resolve("journal"));
        // each source's own options, as its factory will read them when the collector starts
        FeedSourceFactories factories = FeedSourceFactories.discover()
                .register(new SzseBinarySourceFactory(null, null, server.host(), server.port()));
        for (SourceSpec source : config.sources()) {
            try {
                factories.get(source.type(), source.name()).check(source);
            } catch (ConfigException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw ConfigException.invalid(e.getMessage());
            }
        }
        return new Collector(config, s.longValue("clock.publish-interval-ms", 200, 10, 10_000), simulator);
    }
}
