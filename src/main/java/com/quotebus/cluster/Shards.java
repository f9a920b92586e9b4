package com.quotebus.cluster;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Symbol sharding. A code's shard is {@code floorMod(code.hashCode(), shardCount)} — the JDK specifies
 * {@link String#hashCode()}, so every node computes the same shard (the collector's
 * {@code CollectorAddresses.shardOf} is the same rule). A shard's owner among the live calculator instances is
 * chosen by rendezvous (highest-random-weight) hashing: every node computes the same owner from the
 * same instance list, and when an instance joins or leaves only the shards it gains or loses move.
 */
public final class Shards {
    /** Event-bus address prefix of the collector's per-shard stream: {@code internal.md.shard.<shard>}. */
    public static final String STREAM_PREFIX = "internal.md.shard.";
    /**
     * Event-bus address of the collector's journal replay: a request for a page of the day's journal, for a shard
     * or a set of codes (docs/collector.md); a calculator rebuilds a shard it takes on from it.
     */
    public static final String JOURNAL_REPLAY_ADDRESS = "internal.journal.replay";

    /** Default number of shards ({@code cluster.shards}). */
    public static final int DEFAULT_COUNT = 16;
    private static volatile int configuredCount = DEFAULT_COUNT;
    /** Default replication factor ({@code cluster.replicas}): every shard on two calculators when there are two. */
    public static final int DEFAULT_REPLICAS = 2;

    private Shards() {}

    /**
     * The shard count of this deployment ({@code cluster.shards}), set once by the node at start; every
     * node of a cluster must use the same value.
     */
    public static int configuredCount() {
        return configuredCount;
    }

    public static void configure(int count) {
        if (count <= 0 || count > 4096) {
            throw new IllegalArgumentException("cluster.shards must be 1..4096, was " + count);
        }
        configuredCount = count;
    }

    public static int shardOf(String code, int shardCount) {
        if (shardCount <= 0) {
            throw new IllegalArgumentException("shard count must be > 0, was " + shardCount);
        }
        return Math.floorMod(code.hashCode(), shardCount);
    }

    public static String streamAddress(int shard) {
        return STREAM_PREFIX + shard;
    }

    /** The owner of {@code shard} among {@code instances}, or {@code null} when there is none. */
    public static String owner(int shard, Collection<String> instances) {
        String best = null;
        long bestWeight = Long.MIN_VALUE;
        for (String id : instances) {
            long w = weight(id, shard);
            if (w > bestWeight || (w == bestWeight && best != null && id.compareTo(best) < 0)) {
                best = id;
                bestWeight = w;
            }
        }
        return best;
    }

    /**
     * The {@code r} instances that should hold {@code shard} among {@code instances}, best first (the highest
     * rendezvous weights; the first is {@link #owner}). Fewer when there are fewer instances. When an instance
     * joins or leaves, a shard's replica set changes by at most that instance.
     */
    public static List<String> replicas(int shard, Collection<String> instances, int r) {
        List<String> sorted = new ArrayList<>(instances);
        sorted.sort((a, b) -> {
            int byWeight = Long.compare(weight(b, shard), weight(a, shard));
            return byWeight != 0 ? byWeight : a.compareTo(b);
        });
        return List.copyOf(sorted.subList(0, Math.min(Math.max(r, 0), sorted.size())));
    }

    /** The shards of {@code 0..shardCount-1} whose {@code r} replicas among {@code instances} include {@code instance}. */
    public static List<Integer> heldBy(String instance, Collection<String> instances, int shardCount, int r) {
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < shardCount; s++) {
            if (replicas(s, instances, r).contains(instance)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The shards of {@code 0..shardCount-1} that {@code instance} owns among {@code instances}. */
    public static List<Integer> ownedBy(String instance, Collection<String> instances, int shardCount) {
        List<Integer> out = new ArrayList<>();
        for (int s = 0; s < shardCount; s++) {
            if (instance.equals(owner(s, instances))) {
                out.add(s);
            }
        }
        return out;
    }

    /** 64-bit mix of (instance, shard): FNV-1a over the id, then a splitmix finaliser with the shard. */
    static long weight(String instance, int shard) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < instance.length(); i++) {
            h ^= instance.charAt(i);
            h *= 0x100000001b3L;
        }
        long z = h + (shard + 1) * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
