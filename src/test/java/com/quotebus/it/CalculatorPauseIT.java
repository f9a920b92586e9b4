package com.quotebus.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * SIGSTOP of a calculator (node B) — a hung process, as in a long GC pause: Hazelcast suspects the member after
 * {@code hazelcast.max.no.heartbeat.seconds} (4 s), the registry drops it and A takes its shards; after
 * SIGCONT B comes back. Whatever B does on waking, a subscriber never gets two different messages with the
 * same seq, and after a resync no seq is missing.
 */
class CalculatorPauseIT {
    private TwoCalculators cluster;

    @AfterEach
    void destroy() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Timeout(150)
    void aHungCalculatorIsRoutedAroundAndNeverPublishesConflictingSeqs() throws Exception {
        cluster = new TwoCalculators("pause");
        cluster.startA();
        cluster.startB("calculator");
        Map<String, String> owners = cluster.awaitServedBy(2, 20_000);
        List<String> ofB = cluster.codesOfB(owners);
        String instanceB = owners.get(ofB.get(0));

        BridgeClient subscriber = new BridgeClient(cluster.gatewayA);
        TickStreams ticks = new TickStreams();
        List<String> watched = new ArrayList<>(ofB.subList(0, Math.min(12, ofB.size())));
        ticks.subscribe(subscriber, watched);
        RequestLoad load = new RequestLoad(cluster.client, ofB, 20);
        Thread.sleep(3_000);

        long stoppedAt = System.currentTimeMillis();
        cluster.b.signal("STOP");
        Thread.sleep(10_000);
        long contAt = System.currentTimeMillis();
        cluster.b.signal("CONT");
        Thread.sleep(15_000);
        load.close();
        Thread.sleep(500);

        List<RequestLoad.Outcome> all = load.outcomes();
        long servedByA = all.stream().filter(o -> o.sentAt() >= stoppedAt && o.ok()
                && cluster.instanceA.equals(o.instance())).mapToLong(RequestLoad.Outcome::sentAt).min().orElse(-1);
        long failedWhileStopped = all.stream().filter(o -> !o.ok() && o.sentAt() < contAt).count();
        long failedAfterCont = all.stream().filter(o -> !o.ok() && o.sentAt() >= contAt).count();
        long lastFailure = load.failures().stream().mapToLong(o -> o.sentAt() + o.tookMs()).max().orElse(stoppedAt);
        long backOnB = all.stream().filter(o -> o.sentAt() > contAt && o.ok() && instanceB.equals(o.instance()))
                .mapToLong(RequestLoad.Outcome::sentAt).min().orElse(-1);
        long gapStop = ticks.longestGap(stoppedAt - 500, contAt);
        long gapCont = ticks.longestGap(contAt, contAt + 14_000);
        long missingBefore = ticks.missing();
        ticks.resync(cluster.client);
        Figures.print("SIGSTOP calculator 10 s, then SIGCONT", Map.of(
                "served by A after (ms)", servedByA < 0 ? -1 : servedByA - stoppedAt,
                "failed requests while stopped", failedWhileStopped,
                "failed requests after SIGCONT", failedAfterCont,
                "last failure after SIGSTOP (ms)", lastFailure - stoppedAt,
                "B serving again after SIGCONT (ms)", backOnB < 0 ? -1 : backOnB - contAt,
                "longest tick gap while stopped (ms)", gapStop,
                "longest tick gap after SIGCONT (ms)", gapCont,
                "seqs missing before resync", missingBefore,
                "duplicates dropped", ticks.duplicates(),
                "conflicting seqs", ticks.conflicts()));
        load.failures().forEach(f -> System.out.println("  failed: " + f));

        assertThat(servedByA - stoppedAt).as("B's codes served by A (4 s heartbeat timeout + move)").isBetween(0L, 8_000L);
        assertThat(all).as("no failures between detection and SIGCONT")
                .noneMatch(o -> !o.ok() && o.sentAt() > stoppedAt + 8_000 && o.sentAt() < contAt);
        assertThat(ticks.conflicts()).as("same seq, different content: " + ticks.conflictSamples()).isZero();
        assertThat(ticks.missing()).as("seqs missing after the resync").isZero();
        for (String code : watched) {
            assertThat(ticks.arrivalsAfter(code, contAt + 10_000)).as("ticks of " + code + " at the end").isPositive();
        }
        subscriber.close();
    }
}
