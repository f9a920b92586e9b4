package com.quotebus.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One whole node (collector on two lines of the simulated feed, calculator, gateway) after some client traffic:
 * every counter that both {@code /status} and {@code /metrics} report says the same. The market keeps moving, so
 * a counter is read from {@code /status}, then {@code /metrics}, then {@code /status} again, and the scrape must
 * lie between the two readings; a gauge the test holds still (connections, subscriptions, sessions) must be equal.
 * Every compared counter has moved (no all-zero pass).
 */
class MetricsMatchStatusIT {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<BridgeClient> clients = new ArrayList<>();
    private TestCluster cluster;
    private int httpPort;

    @AfterEach
    void cleanUp() {
        clients.forEach(BridgeClient::close);
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Timeout(120)
    void everyCounterInBothStatusAndMetricsAgreesAfterTraffic() throws Exception {
        cluster = new TestCluster("metrics-status", 1);
        int gateway = TestCluster.freePort();
        httpPort = TestCluster.freePort();
        cluster.node("node", 0, "collector,calculator,access",
                cluster.config("node.conf", TestCluster.sources(cluster.simulatorPort)), gateway,
                List.of("http.port=" + httpPort)).awaitUp();
        awaitReady(30_000);

        // traffic: two clients, one with a session; quote subscriptions and a few requests of several services
        BridgeClient a = client(gateway);
        BridgeClient b = client(gateway);
        JsonObject session = a.request("session.open", new JsonObject(), 5_000).get(10, TimeUnit.SECONDS);
        assertThat(session.getString("type")).as("session.open: " + session).isEqualTo("message");
        JsonArray instruments = b.request("svc.instruments", new JsonObject().put("market", "SH"), 5_000)
                .get(10, TimeUnit.SECONDS).getJsonObject("body").getJsonArray("instruments");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            codes.add(instruments.getJsonObject(i).getString("code"));
        }
        for (String code : codes) {
            a.register("quote." + code);
            b.register("quote." + code);
            b.register("tick." + code);
        }
        for (String code : codes) {
            b.request("svc.snapshot", new JsonObject().put("codes", new JsonArray().add(code)), 5_000).get(10, TimeUnit.SECONDS);
            b.request("svc.kline", new JsonObject().put("code", code).put("period", "1m").put("count", 5), 5_000)
                    .get(10, TimeUnit.SECONDS);
        }
        Thread.sleep(2_000); // the market trades on; the subscriptions are in place

        JsonObject before = status();
        String metrics = get("/metrics");
        JsonObject after = status();

        // the collector, per source and merged
        JsonObject sources = after.getJsonObject("collector").getJsonObject("sources");
        assertThat(sources.fieldNames()).containsExactlyInAnyOrder("szse-a", "szse-b");
        for (String source : sources.fieldNames()) {
            between(before, after, s -> s.getJsonObject("collector").getJsonObject("sources").getJsonObject(source)
                    .getLong("eventsIn"), metric(metrics, "quotebus_collector_events_in_total", "source", source),
                    "collector " + source + " eventsIn", true);
            // one line may win every race (its copy arrives first), so only the lines together must have won
            between(before, after, s -> s.getJsonObject("collector").getJsonObject("sources").getJsonObject(source)
                    .getLong("won"), metric(metrics, "quotebus_collector_events_won_total", "source", source),
                    "collector " + source + " won", false);
            between(before, after, s -> s.getJsonObject("collector").getJsonObject("sources").getJsonObject(source)
                    .getLong("duplicates"), metric(metrics, "quotebus_collector_duplicates_total", "source", source),
                    "collector " + source + " duplicates", false);
        }
        assertThat(sources.fieldNames().stream().mapToLong(n -> sources.getJsonObject(n).getLong("won")).sum())
                .as("events won by the lines").isPositive();
        for (String[] pair : new String[][] {{"eventsOut", "quotebus_collector_events_out_total"},
                {"journaled", "quotebus_collector_journaled_total"},
                {"published", "quotebus_collector_published_total"}}) {
            between(before, after, s -> s.getJsonObject("collector").getLong(pair[0]), metric(metrics, pair[1]),
                    "collector " + pair[0], true);
        }

        // the gateway: what the test holds still is equal, the rest between
        for (String[] pair : new String[][] {{"connections", "quotebus_gateway_connections"},
                {"subscriptions", "quotebus_gateway_subscriptions"}, {"consumers", "quotebus_gateway_consumers"},
                {"sessions", "quotebus_sessions_active"}}) {
            long value = after.getJsonObject("gateway").getLong(pair[0]);
            assertThat(value).as("gateway " + pair[0] + " moved").isPositive();
            assertThat(before.getJsonObject("gateway").getLong(pair[0])).as("gateway " + pair[0] + " held")
                    .isEqualTo(value);
            assertThat(metric(metrics, pair[1])).as("gateway " + pair[0] + ": /metrics " + pair[1] + " vs /status")
                    .isEqualTo(value);
        }
        assertThat(after.getJsonObject("gateway").getLong("connections")).isEqualTo(2);
        assertThat(after.getJsonObject("gateway").getLong("subscriptions")).isEqualTo(3L * codes.size());
        for (String[] pair : new String[][] {{"connectionsOpened", "quotebus_gateway_connections_opened_total"},
                {"requests", "quotebus_gateway_requests_total"}, {"framesOut", "quotebus_gateway_frames_out_total"}}) {
            between(before, after, s -> s.getJsonObject("gateway").getLong(pair[0]), metric(metrics, pair[1]),
                    "gateway " + pair[0], true);
        }
        between(before, after, s -> s.getJsonObject("gateway").getLong("requestFailures"),
                metric(metrics, "quotebus_gateway_request_failures_total"), "gateway requestFailures", false);

        // each calculator instance: every event offered is counted once by result in /metrics
        JsonArray calculators = after.getJsonArray("calculators");
        assertThat(calculators).hasSize(1);
        String instance = calculators.getJsonObject(0).getString("instance");
        between(before, after, s -> calculator(s, instance).getLong("eventsOffered"),
                metric(metrics, "quotebus_calculator_events_total", "instance", instance),
                "calculator events offered (eventsOffered) vs the sum of events by result", true);
        for (String[] pair : new String[][] {{"late", "late"}, {"duplicate", "duplicate"}, {"oldDay", "old_day"}}) {
            between(before, after, s -> calculator(s, instance).getJsonObject("rejected").getLong(pair[0]),
                    metric(metrics, "quotebus_calculator_events_total", "instance", instance, "result", pair[1]),
                    "calculator rejected " + pair[0], false);
        }
        between(before, after, s -> calculator(s, instance).getJsonObject("corrections").getLong("bars"),
                metric(metrics, "quotebus_calculator_bar_corrections_total", "instance", instance),
                "calculator bar corrections", false);
        between(before, after, s -> calculator(s, instance).getJsonObject("reconciliation").getLong("checked"),
                metric(metrics, "quotebus_calculator_reconciliation_checked_total", "instance", instance),
                "calculator reconciliation checked", false);
    }

    private BridgeClient client(int port) throws Exception {
        BridgeClient c = new BridgeClient(port);
        clients.add(c);
        return c;
    }

    private static JsonObject calculator(JsonObject status, String instance) {
        for (Object o : status.getJsonArray("calculators")) {
            if (instance.equals(((JsonObject) o).getString("instance"))) {
                return (JsonObject) o;
            }
        }
        throw new AssertionError("no calculator " + instance + " in " + status.encode());
    }

    /** {@code before ≤ scraped ≤ after}; {@code moved}: the counter must be positive. */
    private static void between(JsonObject before, JsonObject after, ToLongFunction<JsonObject> read, long scraped,
                                String what, boolean moved) {
        long b = read.applyAsLong(before);
        long a = read.applyAsLong(after);
        assertThat(scraped).as(what + ": /metrics " + scraped + " between /status " + b + " and " + a)
                .isBetween(b, a);
        if (moved) {
            assertThat(a).as(what + " moved").isPositive();
        }
    }

    /**
     * The sum of the samples of {@code name} (Prometheus text) whose labels include each of {@code labels}
     * (name, value, name, value …); fails if there is none.
     */
    static long metric(String text, String name, String... labels) {
        double sum = 0;
        int found = 0;
        for (String line : text.lines().toList()) {
            if (line.startsWith("#") || !(line.startsWith(name + "{") || line.startsWith(name + " "))) {
                continue;
            }
            boolean match = true;
            for (int i = 0; i < labels.length; i += 2) {
                match &= line.contains(labels[i] + "=\"" + labels[i + 1] + "\"");
            }
            if (match) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                found++;
            }
        }
        assertThat(found).as(name + " " + String.join(",", labels) + " in /metrics").isPositive();
        return Math.round(sum);
    }

    private void awaitReady(long timeoutMs) throws Exception {
        long end = System.currentTimeMillis() + timeoutMs;
        JsonObject s = null;
        while (System.currentTimeMillis() < end) {
            try {
                s = status();
                if (Boolean.TRUE.equals(s.getBoolean("ready"))) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("node not ready within " + timeoutMs + " ms: " + s);
    }

    private JsonObject status() throws Exception {
        return new JsonObject(get("/status"));
    }

    private String get(String path) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }
}
