package com.quotebus.it;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The topology of the calculator tests: node A (collector + calculator + access, the simulator inside) and
 * node B (calculator only, or calculator + access), a client on A's gateway. Knows which instance serves
 * which code, from the {@code instance} header of the replies.
 */
final class TwoCalculators implements AutoCloseable {
    final TestCluster cluster;
    final int gatewayA;
    final int gatewayB;
    NodeProcess a;
    NodeProcess b;
    BridgeClient client;
    String instanceA;
    List<String> codes = List.of();

    TwoCalculators(String test) throws Exception {
        cluster = new TestCluster(test, 2);
        gatewayA = TestCluster.freePort();
        gatewayB = TestCluster.freePort();
    }

    /** Starts A, connects, learns A's instance and the instrument list. */
    void startA() throws Exception {
        a = cluster.node("A", 0, "collector,calculator,access",
                cluster.config("a.conf", TestCluster.sources(cluster.simulatorPort)), gatewayA, List.of()).awaitUp();
        client = new BridgeClient(gatewayA);
        JsonObject reply = client.request("svc.instruments", new JsonObject(), 5_000).get(10, TimeUnit.SECONDS);
        JsonArray list = reply.getJsonObject("body").getJsonArray("instruments");
        List<String> all = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            all.add(list.getJsonObject(i).getString("code"));
        }
        codes = all.subList(0, Math.min(48, all.size()));
        instanceA = reply.getJsonObject("headers").getString("instance");
    }

    /** Starts B with {@code roles} and waits until it serves its share (every code answered, B among them). */
    void startB(String roles) throws Exception {
        b = cluster.node("B", 1, roles, cluster.config("b.conf", ""), gatewayB, List.of()).awaitUp();
        awaitServedBy(2, 30_000);
    }

    /** Waits until every code is answered and the answers come from {@code instances} distinct instances. */
    Map<String, String> awaitServedBy(int instances, long timeoutMs) throws Exception {
        long end = System.currentTimeMillis() + timeoutMs;
        Map<String, String> owners = new HashMap<>();
        while (System.currentTimeMillis() < end) {
            owners.clear();
            boolean allOk = true;
            for (String c : codes) {
                RequestLoad.Outcome o = RequestLoad.once(client, c);
                if (!o.ok()) {
                    allOk = false;
                    break;
                }
                owners.put(c, o.instance());
            }
            if (allOk && owners.values().stream().distinct().count() == instances) {
                return owners;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("codes not served by " + instances + " instances within " + timeoutMs + " ms: "
                + owners + "\nB:\n" + (b == null ? "" : b.tail()));
    }

    /** Codes whose answers come from an instance other than A's. */
    List<String> codesOfB(Map<String, String> owners) {
        return owners.entrySet().stream().filter(e -> !e.getValue().equals(instanceA)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    List<String> codesOfA(Map<String, String> owners) {
        return owners.entrySet().stream().filter(e -> e.getValue().equals(instanceA)).map(Map.Entry::getKey)
                .sorted().toList();
    }

    @Override
    public void close() {
        if (client != null) {
            client.close();
        }
        cluster.close();
    }
}
