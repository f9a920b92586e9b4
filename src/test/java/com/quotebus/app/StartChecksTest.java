package com.quotebus.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.config.ConfigException;
import com.quotebus.config.ConfigLoader;
import com.quotebus.config.Settings;
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
        JsonObject root = ConfigLoader.load(null).root();
        long t0 = System.nanoTime();
        try {
            QuotebusNode.start(new Settings(root, Map.of(), props)).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            throw new AssertionError("the node started");
        } catch (ExecutionException e) {
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
        assertThat(failure.getMessage()).isEqualTo("bad setting simulator.port = '0': expected an integer 1..65535");
    }

    @Test
    void aBadCollectorValueIsRejectedBeforeTheStartWithoutAStackTrace() throws Exception {
        Map<String, String> props = props(0);
        props.put("quotebus.simulator.port", "9100");
        props.put("quotebus.collector.tickMillis", "-5");
        Throwable failure = startFailure(props);
        assertThat(failure).isInstanceOf(ConfigException.class);
        assertThat(failure.getMessage()).startsWith("bad setting: collector: ").contains("tickMillis");
    }
}
