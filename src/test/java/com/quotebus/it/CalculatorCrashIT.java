package com.quotebus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * kill -9 of a calculator (node B) while clients query and subscribe to codes it owns: node A takes B's shards
 * (rebuilt from the journal) once Hazelcast drops B's member; queries are retried there; the tick streams of
 * B's codes continue from A with the same numbering, and the seqs published while nobody owned them are
 * recovered from svc.ticks, so after the resync nothing is missing and nothing conflicts.
 */
class CalculatorCrashIT {
    private TwoCalculators cluster;

    @AfterEach
    void destroy() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Timeout(150)
    void killedCalculatorsCodesMoveToTheSurvivorWithoutLosingATick() throws Exception {
        cluster = new TwoCalculators("crash");
        cluster.startA();
        cluster.startB("calculator");
        Map<String, String> owners = cluster.awaitServedBy(2, 20_000);
        List<String> ofB = cluster.codesOfB(owners);
        List<String> ofA = cluster.codesOfA(owners);
        assertThat(ofB).isNotEmpty();
        assertThat(ofA).isNotEmpty();

        BridgeClient subscriber = new BridgeClient(cluster.gatewayA);
        TickStreams ticks = new TickStreams();
        List<String> watched = new java.util.ArrayList<>(ofB.subList(0, Math.min(12, ofB.size())));
        watched.addAll(ofA.subList(0, Math.min(3, ofA.size())));
        ticks.subscribe(subscriber, watched);
        RequestLoad load = new RequestLoad(cluster.client, ofB, 20);
        Thread.sleep(3_000);

        long killedAt = System.currentTimeMillis();
        cluster.b.kill9();
        Thread.sleep(10_000);
        load.close();
        Thread.sleep(500);

        List<RequestLoad.Outcome> after = load.outcomes().stream().filter(o -> o.sentAt() >= killedAt).toList();
        long movedAt = after.stream().filter(o -> o.ok() && cluster.instanceA.equals(o.instance()))
                .mapToLong(RequestLoad.Outcome::sentAt).min().orElse(Long.MAX_VALUE);
        List<RequestLoad.Outcome> failed = load.failures();
        long lastFailure = failed.stream().mapToLong(o -> o.sentAt() + o.tookMs()).max().orElse(killedAt);
        long gap = ticks.longestGap(killedAt - 1_000, killedAt + 9_000);
        long before = ticks.missing();
        ticks.resync(cluster.client);
        Figures.print("kill -9 calculator", Map.of(
                "served by A after (ms)", movedAt - killedAt,
                "failed requests", (long) failed.size(),
                "last failure after (ms)", lastFailure - killedAt,
                "requests after kill", (long) after.size(),
                "longest tick gap (ms)", gap,
                "seqs missing before resync", before,
                "filled by resync", ticks.filledByResync(),
                "duplicates dropped", ticks.duplicates(),
                "ticks received", ticks.received()));
        failed.forEach(f -> System.out.println("  failed: " + f));

        assertThat(movedAt - killedAt).as("B's codes served by A").isLessThan(6_000);
        assertThat(failed).as("requests fail only while B's member is being removed")
                .allMatch(o -> o.sentAt() < killedAt + 6_000);
        for (String code : watched) {
            assertThat(ticks.arrivalsAfter(code, killedAt + 6_000)).as("ticks of " + code + " flow after the move")
                    .isPositive();
        }
        assertThat(ticks.conflicts()).as("same seq, different content: " + ticks.conflictSamples()).isZero();
        assertThat(ticks.missing()).as("seqs missing after the resync").isZero();
        subscriber.close();
    }
}
