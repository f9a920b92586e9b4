package com.quotebus.collector.szse;

import com.quotebus.collector.sim.MarketGenerator;
import com.quotebus.collector.sim.SimClockConfig;
import com.quotebus.collector.sim.SimUniverse;
import com.quotebus.collector.sim.SimulatedMarketClock;
import com.quotebus.collector.sim.SimulatorConfig;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.MarketClock;
import com.quotebus.core.time.TradingCalendar;
import com.quotebus.core.time.TradingSchedules;
import com.quotebus.config.Settings;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Runs the SZSE simulator on its own: {@code java -cp quotebus.jar com.quotebus.collector.szse.SimulatorMain
 * [key=value …]} with the keys of {@code simulator.*} and {@code clock.*} in {@code docs/feeds.md}, e.g.
 * {@code port=9100 symbols=2000 rate=500 clock.speed=10}.
 */
public final class SimulatorMain {
    private SimulatorMain() {}

    public static void main(String[] args) {
        JsonObject tree = new JsonObject();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("argument '" + arg + "' is not key=value");
            }
            String key = arg.substring(0, eq);
            String section = key.startsWith("clock.") ? "clock" : "simulator";
            String name = key.startsWith(section + ".") ? key.substring(section.length() + 1) : key;
            if (!tree.containsKey(section)) {
                tree.put(section, new JsonObject());
            }
            tree.getJsonObject(section).put(name, arg.substring(eq + 1));
        }
        Settings settings = Settings.of(tree);
        SimulatorConfig market = SimulatorConfig.from(settings.at("simulator"));
        SimulatorServerConfig serverConfig = SimulatorServerConfig.from(settings.at("simulator"));
        TradingCalendar calendar = TradingCalendar.loadDefault();
        SimUniverse universe = new SimUniverse(market);
        SimulatedMarketClock marketClock = new SimulatedMarketClock(SimClockConfig.from(settings.at("clock")), calendar, MarketClock.system(), new MarketGenerator(market, universe, calendar)::activeIntervals);
        // corporate actions in the past only: none on a live day (as the node's embedded simulator)
        MarketGenerator generator = new MarketGenerator(market, universe, calendar,
                new TradingSchedules(calendar).tradingDayOf(marketClock.millis()));
        System.out.println("market time " + ChinaTime.dateTime(marketClock.millis()) + ", " + generator.universe().size()
                + " symbols");
        Vertx vertx = Vertx.vertx();
        vertx.deployVerticle(new SimulatorServer(serverConfig, generator, marketClock)).onFailure(e -> {
            System.err.println("simulator failed to start: " + e.getMessage());
            vertx.close();
        });
    }
}
