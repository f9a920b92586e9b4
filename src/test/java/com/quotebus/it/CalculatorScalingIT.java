package com.quotebus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Scaling out and back in under load: node B (calculator + access) joins a running node A, becomes the second
 * replica of every shard and the preferred one of about half (answers come from both instances) while queries through A's gateway keep succeeding; then B gets
 * SIGTERM: its gateway's clients are closed, its calculator deregisters, A takes the shards back — again with
 * no failed query — and B exits within its grace.
 */
class CalculatorScalingIT {
    private TwoCalculators cluster;

    @AfterEach
    void destroy() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Timeout(150)
    void aJoiningAndALeavingCalculatorMoveShardsWithoutFailedQueries() throws Exception {
        cluster = new TwoCalculators("scaling");
        cluster.startA();
        RequestLoad load = new RequestLoad(cluster.client, cluster.codes, 10);
        Thread.sleep(1_000);

        long joinStarted = System.currentTimeMillis();
        cluster.b = cluster.cluster.node("B", 1, "calculator,access", cluster.cluster.config("b.conf", ""),
                cluster.gatewayB, List.of()).awaitUp();
        long up = System.currentTimeMillis();
        Map<String, String> owners = cluster.awaitServedBy(2, 30_000);
        long shared = System.currentTimeMillis();
        List<String> ofB = cluster.codesOfB(owners);
        assertThat(ofB).as("B serves a share").isNotEmpty().hasSizeLessThan(cluster.codes.size());
        Thread.sleep(2_000);

        BridgeClient onB = new BridgeClient(cluster.gatewayB);
        assertThat(RequestLoad.once(onB, ofB.get(0)).ok()).as("B's gateway answers").isTrue();
        long termAt = System.currentTimeMillis();
        cluster.b.signal("TERM");
        int exit = cluster.b.awaitExit(15_000);
        long exited = System.currentTimeMillis();
        Thread.sleep(2_000);
        load.close();

        List<RequestLoad.Outcome> all = load.outcomes();
        long byAAgain = all.stream().filter(o -> o.sentAt() > termAt && ofB.contains(o.code()) && o.ok()
                && cluster.instanceA.equals(o.instance())).mapToLong(RequestLoad.Outcome::sentAt).min().orElse(-1);
        long slowest = all.stream().mapToLong(RequestLoad.Outcome::tookMs).max().orElse(0);
        Figures.print("calculator join, then SIGTERM", Map.of(
                "B up after (ms)", up - joinStarted,
                "B serving its share after start (ms)", shared - up,
                "codes moved to B", (long) ofB.size(),
                "requests", (long) all.size(),
                "failed requests", (long) load.failures().size(),
                "slowest request (ms)", slowest,
                "B's codes back on A after SIGTERM (ms)", byAAgain < 0 ? -1 : byAAgain - termAt,
                "B exited after SIGTERM (ms)", exited - termAt,
                "B's gateway client closed after SIGTERM (ms)", onB.closedAt() == 0 ? -1 : onB.closedAt() - termAt));
        load.failures().forEach(f -> System.out.println("  failed: " + f));
        System.out.println("  errors sent to B's gateway client: " + onB.errors());

        assertThat(load.failures()).as("failed queries while shards moved").isEmpty();
        // B's codes go to B, their preferred live replica; A (the other replica) answers one only when B was slow
        // (a hedged request) — never most of them
        List<RequestLoad.Outcome> ofBWhileShared = all.stream().filter(o -> o.sentAt() > shared
                && o.sentAt() + o.tookMs() < termAt && ofB.contains(o.code()) && o.ok()).toList();
        long byA = ofBWhileShared.stream().filter(o -> cluster.instanceA.equals(o.instance())).count();
        assertThat(byA).as("B's codes answered by A (hedged) of " + ofBWhileShared.size())
                .isLessThan(Math.max(3, ofBWhileShared.size() / 5));
        assertThat(byAAgain).as("B's codes served by A after B left").isPositive();
        assertThat(exit).as("B exited within the grace (143 = SIGTERM after the shutdown hook ran)").isIn(0, 143);
        assertThat(onB.closedAt()).as("B's gateway closed its client").isPositive();
        onB.close();
    }
}
