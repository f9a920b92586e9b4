package com.quotebus.collector.verticle;

import com.quotebus.collector.arbitration.ArbitrationConfig;
import com.quotebus.collector.journal.FsyncPolicy;
import com.quotebus.config.Settings;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The collector verticle's configuration (the {@code collector} block of verticles.conf), read and checked once
 * at start; a bad value fails the deployment naming its key. Keys and defaults are in docs/collector.md.
 *
 * @param tradingDay           fixed trading day (replaying a past day), or null to follow the clock and calendar
 *                             (rolling to the next day's journal at 18:00 Asia/Shanghai)
 * @param journalDirectory     where the per-day journal files go
 * @param fsync                journal force policy
 * @param arbitration          arbitration windows and bounds
 * @param shards               number of shard addresses {@code internal.md.shard.<n>} (n = floorMod(code.hashCode(), shards))
 * @param tickMillis           how often arbitration timers, fsync and takeover checkpoints are checked
 * @param leader               who publishes when several collectors run
 * @param takeoverReplayMillis on becoming leader, republish this much of the journal's tail (≥ leaseMillis)
 * @param replayMaxEvents      most events one {@code internal.journal.replay} reply carries
 * @param sources              the sources, in order of preference
 */
public record CollectorConfig(LocalDate tradingDay, Path journalDirectory, FsyncPolicy fsync,
        ArbitrationConfig arbitration, int shards, long tickMillis, Leader leader, long takeoverReplayMillis,
        int replayMaxEvents, List<SourceSpec> sources) {

    /**
     * @param type        {@code single} (this collector always publishes) or {@code hazelcast} (a lease in the
     *                    cluster's Hazelcast; the node supplies that election to the verticle)
     * @param name        name of the lease (one per set of redundant collectors)
     * @param member      this collector's id in the election
     * @param leaseMillis how long a lease lasts without renewal (the longest a dead leader blocks a takeover)
     * @param renewMillis how often the lease is renewed (< leaseMillis / 2)
     */
    public record Leader(String type, String name, String member, long leaseMillis, long renewMillis) {}

    /**
     * Shortest lease accepted with {@code leader.type = hazelcast}: Hazelcast keeps expiry in whole seconds, so a
     * lease can lapse up to one second early (the Hazelcast election checks the same bound).
     */
    public static final long MIN_HAZELCAST_LEASE_MILLIS = 2_000;

    /**
     * A verticle's deployment config (tests, a collector deployed on its own): the {@code collector} section's keys
     * plus {@code shards}; the journal in {@code data/journal} unless {@code journal.directory} says otherwise.
     */
    public static CollectorConfig from(JsonObject json) {
        JsonObject section = json == null ? new JsonObject() : json.copy();
        Object shards = section.remove("shards");
        Settings s = com.quotebus.config.ConfigLoader.section("collector", section);
        return from(s, Settings.of(new JsonObject().put("collector", new JsonObject().put("shards", shards)))
                .at("collector").intValue("shards", 16, 1, 4096), Path.of("data", "journal"));
    }

    /**
     * Reads the {@code collector} section: {@code shards} is the cluster's ({@code cluster.shards}), the journal goes
     * to {@code journal.directory} when given, else {@code defaultJournal}. A bad value fails naming its key.
     */
    public static CollectorConfig from(Settings s, int shards, Path defaultJournal) {
        LocalDate day = null;
        String dayText = s.string("trading-day", "");
        if (!dayText.isBlank()) {
            day = s.parsed("trading-day", null, LocalDate::parse, "a date yyyy-MM-dd");
        }
        Settings journal = s.at("journal");
        Settings arb = s.at("arbitration");
        Settings leader = s.at("leader");
        ArbitrationConfig a = arb.build(() -> new ArbitrationConfig(
                arb.longValue("gap-window-millis", 20, 0, 60_000),
                arb.longValue("silence-millis", 5_000, 1, 3_600_000),
                arb.intValue("max-held-per-channel", 100_000, 1, Integer.MAX_VALUE),
                arb.longValue("log-interval-millis", 60_000, 0, 86_400_000)));
        FsyncPolicy fsync = journal.build(() -> new FsyncPolicy(
                journal.intValue("fsync-every-records", 0, 0, Integer.MAX_VALUE),
                journal.longValue("fsync-every-millis", 100, 0, 3_600_000)));
        long tick = s.longValue("tick-millis", 10, 1, 1_000);
        String leaderType = leader.string("type", "single");
        if (!leaderType.equals("single") && !leaderType.equals("hazelcast")) {
            throw leader.invalid("type", leaderType, "single or hazelcast");
        }
        long lease = leader.longValue("lease-millis", 3_000, 1, 3_600_000);
        long renew = leader.longValue("renew-millis", 1_000, 1, 3_600_000);
        if (renew * 2 > lease) {
            throw leader.invalid("renew-millis", renew, "at most half of leader.lease-millis (" + lease + ")");
        }
        if (leaderType.equals("hazelcast") && (lease < MIN_HAZELCAST_LEASE_MILLIS || renew * 2 > lease - 1_000)) {
            throw leader.invalid("lease-millis", lease, "with hazelcast >= " + MIN_HAZELCAST_LEASE_MILLIS
                    + " and leaving renew-millis <= (lease-millis - 1000) / 2 (expiry has one-second granularity);"
                    + " renew-millis is " + renew);
        }
        String member = leader.string("member", "collector-" + ProcessHandle.current().pid());
        long takeover = s.longValue("takeover-replay-millis", lease + renew, lease, 3_600_000);
        int replayMax = s.intValue("replay-max-events", 10_000, 1, 1_000_000);
        String dir = journal.string("directory", "");
        return new CollectorConfig(day, dir.isBlank() ? defaultJournal : Path.of(dir), fsync, a, shards, tick,
                new Leader(leaderType, leader.string("name", "quotebus.collector.leader"), member, lease, renew),
                takeover, replayMax, sources(s));
    }

    private static List<SourceSpec> sources(Settings s) {
        List<Settings> list = s.objects("sources");
        if (list.isEmpty()) {
            throw s.invalid("sources", null, "at least one source ({name, type, ...})");
        }
        List<SourceSpec> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Settings source : list) {
            String name = source.string("name", "");
            String type = source.string("type", "");
            if (name.isBlank()) {
                throw source.invalid("name", null, "a name (required)");
            }
            if (type.isBlank()) {
                throw source.invalid("type", null, "a type (required: e.g. szse-binary, csv-replay)");
            }
            if (!names.add(name)) {
                throw source.invalid("name", name, "a name used once (it is used twice)");
            }
            out.add(new SourceSpec(name, type, source));
        }
        return List.copyOf(out);
    }
}
