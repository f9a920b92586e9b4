package com.quotebus.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quotebus.config.ConfigException;
import com.quotebus.config.ConfigLoader;
import io.vertx.core.json.JsonObject;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Everything a node is told is checked before it binds a port or joins a cluster. */
class StartChecksTest {

    private static Map<String, String> props(int httpPort) {
        Map<String, String> props = new HashMap<>();
        props.put("quotebus.cluster.name", "start-checks-" + UUID.randomUUID());
        props.put("quotebus.http.port", Integer.toString(httpPort));
        props.put("quotebus.access.port", "0");
        props.put("quotebus.simulator.port", "0");
        return props;
    }

    private static Throwable startFailure(Map<String, String> props) throws Exception {
        JsonObject root = ConfigLoader.read(null);
        long t0 = System.nanoTime();
        try {
            QuotebusNode.start(QuotebusConfig.from(ConfigLoader.checked(root, props, Map.of(), w -> {})))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            throw new AssertionError("the node started");
        } catch (ConfigException e) { // the configuration itself
            return e;
        } catch (ExecutionException e) { // the start's checks (ports)
            assertThat((System.nanoTime() - t0) / 1_000_000).as("failed before starting anything (no cluster join)")
                    .isLessThan(5_000);
            return e.getCause();
        }
    }

    @Test
    void aPortInUseFailsAtOnceNamingItsSetting() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            Map<String, String> props = props(taken.getLocalPort());
            props.put("quotebus.simulator.port", "9100"); // not checked before http (order: access, http, simulator)
            Throwable failure = startFailure(props);
            assertThat(failure).isInstanceOf(ConfigException.class);
            assertThat(failure.getMessage()).startsWith("bad setting http.port = '" + taken.getLocalPort() + "'")
                    .contains("it is in use");
        }
    }

    @Test
    void aSimulatorOnPortZeroIsRejectedBeforeTheStart() throws Exception {
        Throwable failure = startFailure(props(0));
        assertThat(failure).isInstanceOf(ConfigException.class);
        assertThat(failure.getMessage()).isEqualTo("bad setting simulator.port = '0': expected a port 1..65535 (the"
                + " collector's feed lines connect to it)");
    }

    @Test
    void aBadCollectorValueIsRejectedBeforeTheStartWithoutAStackTrace() throws Exception {
        Map<String, String> props = props(0);
        props.put("quotebus.simulator.port", "9100");
        props.put("quotebus.collector.tick-millis", "-5");
        Throwable failure = startFailure(props);
        assertThat(failure).isInstanceOf(ConfigException.class);
        assertThat(failure.getMessage()).isEqualTo("bad setting collector.tick-millis = '-5': expected an integer 1..1000");
        // the old spelling is read as the new one (with a warning), so its bad value is named by the new key
        props.remove("quotebus.collector.tick-millis");
        props.put("quotebus.collector.tickMillis", "-5");
        assertThat(startFailure(props).getMessage())
                .isEqualTo("bad setting collector.tick-millis = '-5': expected an integer 1..1000");
    }

    @Test
    void aBadFeedSourceOptionIsRejectedWhenTheConfigurationIsRead() {
        JsonObject root = ConfigLoader.read(null);
        root.getJsonObject("collector").put("sources", new io.vertx.core.json.JsonArray()
                .add(new JsonObject().put("name", "a").put("type", "szse-binary").put("host", "feed.example"))
                .add(new JsonObject().put("name", "b").put("type", "csv-replay").put("files",
                        new io.vertx.core.json.JsonArray().add("day.csv")).put("price-unit", "cents")));
        Map<String, String> props = props(0);
        props.put("quotebus.simulator.port", "9100");

        assertThatThrownBy(() -> QuotebusConfig.from(ConfigLoader.checked(root, props, Map.of(), w -> {})))
                .isInstanceOf(ConfigException.class)
                .hasMessage("bad setting collector.sources[0].port = (missing): expected a host and port of the feed"
                        + " (or simulator = true)");
        root.getJsonObject("collector").getJsonArray("sources").getJsonObject(0).put("port", 9200);
        assertThatThrownBy(() -> QuotebusConfig.from(ConfigLoader.checked(root, props, Map.of(), w -> {})))
                .isInstanceOf(ConfigException.class)
                .hasMessage("bad setting collector.sources[1].price-unit = 'cents': expected one of yuan, minor");
    }
}
