package com.quotebus.collector.verticle;

import com.quotebus.collector.arbitration.ArbitrationConfig;
import com.quotebus.collector.journal.FsyncPolicy;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
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

    public static CollectorConfig from(JsonObject json) {
        JsonObject j = json == null ? new JsonObject() : json;
        LocalDate day = null;
        String dayText = j.getString("tradingDay");
        if (dayText != null && !dayText.isBlank()) {
            try {
                day = LocalDate.parse(dayText);
            } catch (DateTimeParseException e) {
                throw bad("tradingDay", "'" + dayText + "' is not a date (yyyy-MM-dd)");
            }
        }
        JsonObject journal = object(j, "journal");
        JsonObject arb = object(j, "arbitration");
        JsonObject leader = object(j, "leader");
        long gapWindow = longOf(arb, "arbitration.gapWindowMillis", "gapWindowMillis", 20);
        long silence = longOf(arb, "arbitration.silenceMillis", "silenceMillis", 5_000);
        long maxHeld = longOf(arb, "arbitration.maxHeldPerChannel", "maxHeldPerChannel", 100_000);
        long logInterval = longOf(arb, "arbitration.logIntervalMillis", "logIntervalMillis", 60_000);
        long fsyncRecords = longOf(journal, "journal.fsyncEveryRecords", "fsyncEveryRecords", 0);
        long fsyncMillis = longOf(journal, "journal.fsyncEveryMillis", "fsyncEveryMillis", 100);
        ArbitrationConfig a;
        try {
            a = new ArbitrationConfig(gapWindow, silence, (int) Math.min(maxHeld, Integer.MAX_VALUE), logInterval);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("collector." + e.getMessage(), e);
        }
        FsyncPolicy fsync;
        try {
            fsync = new FsyncPolicy((int) Math.min(fsyncRecords, Integer.MAX_VALUE), fsyncMillis);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("collector.journal: " + e.getMessage(), e);
        }
        int shards = (int) longOf(j, "shards", "shards", 16);
        if (shards < 1 || shards > 4096) {
            throw bad("shards", "must be 1..4096, was " + shards);
        }
        long tick = longOf(j, "tickMillis", "tickMillis", 10);
        if (tick < 1 || tick > 1_000) {
            throw bad("tickMillis", "must be 1..1000, was " + tick);
        }
        String leaderType = leader.getString("type", "single");
        if (!leaderType.equals("single") && !leaderType.equals("hazelcast")) {
            throw bad("leader.type", "must be single or hazelcast, was '" + leaderType + "'");
        }
        long lease = longOf(leader, "leader.leaseMillis", "leaseMillis", 3_000);
        long renew = longOf(leader, "leader.renewMillis", "renewMillis", 1_000);
        if (lease <= 0 || renew <= 0 || renew * 2 > lease) {
            throw bad("leader.renewMillis", "must be > 0 and at most half of leader.leaseMillis (" + lease
                    + "), was " + renew);
        }
        if (leaderType.equals("hazelcast") && (lease < MIN_HAZELCAST_LEASE_MILLIS
                || renew * 2 > lease - 1_000)) {
            throw bad("leader.leaseMillis", "with hazelcast must be >= " + MIN_HAZELCAST_LEASE_MILLIS
                    + " and leave renewMillis <= (leaseMillis - 1000) / 2 (expiry has one-second granularity); was "
                    + lease + " with renewMillis " + renew);
        }
        String member = leader.getString("member", "collector-" + ProcessHandle.current().pid());
        long takeover = longOf(j, "takeoverReplayMillis", "takeoverReplayMillis", lease + renew);
        if (takeover < lease) {
            throw bad("takeoverReplayMillis", "must be >= leader.leaseMillis (" + lease + "), was " + takeover);
        }
        int replayMax = (int) longOf(j, "replayMaxEvents", "replayMaxEvents", 10_000);
        if (replayMax < 1 || replayMax > 1_000_000) {
            throw bad("replayMaxEvents", "must be 1..1000000, was " + replayMax);
        }
        return new CollectorConfig(day, Path.of(journal.getString("directory", "data/journal")), fsync, a, shards,
                tick, new Leader(leaderType, leader.getString("name", "quotebus.collector.leader"), member, lease,
                        renew), takeover, replayMax, sources(j));
    }

    private static List<SourceSpec> sources(JsonObject j) {
        Object raw = j.getValue("sources");
        if (!(raw instanceof JsonArray array) || array.isEmpty()) {
            throw bad("sources", "must list at least one source ({name, type, ...})");
        }
        List<SourceSpec> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            if (!(array.getValue(i) instanceof JsonObject s)) {
                throw bad("sources[" + i + "]", "must be an object {name, type, ...}");
            }
            String name = s.getString("name");
            String type = s.getString("type");
            if (name == null || name.isBlank()) {
                throw bad("sources[" + i + "].name", "is required");
            }
            if (type == null || type.isBlank()) {
                throw bad("sources[" + i + "].type", "is required (e.g. szse-binary, csv-replay, simulator)");
            }
            if (!names.add(name)) {
                throw bad("sources[" + i + "].name", "'" + name + "' is used twice");
            }
            out.add(new SourceSpec(name, type, s));
        }
        return List.copyOf(out);
    }

    private static JsonObject object(JsonObject j, String key) {
        Object v = j.getValue(key);
        if (v == null) {
            return new JsonObject();
        }
        if (!(v instanceof JsonObject o)) {
            throw bad(key, "must be an object");
        }
        return o;
    }

    private static long longOf(JsonObject j, String path, String key, long dflt) {
        Object v = j.getValue(key);
        if (v == null) {
            return dflt;
        }
        if (v instanceof Number n && n.doubleValue() == n.longValue()) {
            return n.longValue();
        }
        throw bad(path, "must be a whole number, was '" + v + "'");
    }

    private static IllegalArgumentException bad(String key, String why) {
        return new IllegalArgumentException("collector." + key + " " + why);
    }
}
