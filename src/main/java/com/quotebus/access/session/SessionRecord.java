package com.quotebus.access.session;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session as stored: what another gateway needs to resume it. Stored as a JSON string (no
 * Hazelcast serialization setup, readable in the management center).
 *
 * @param id            public session id ({@code s-…})
 * @param token         the secret resume token ({@code <id>.<secret>})
 * @param node          the access node that holds (or last held) the connection
 * @param connected     whether a connection held it at the last write
 * @param subscriptions subscribed addresses
 * @param seqs          last {@code seq} queued to the client per stream address
 * @param updatedMs     wall-clock time of the write, epoch ms
 * @param activeMs      last client frame (or the disconnect) known at the write, epoch ms
 */
public record SessionRecord(String id, String token, String node, boolean connected, List<String> subscriptions,
                            Map<String, Long> seqs, long updatedMs, long activeMs) {

    public SessionRecord {
        subscriptions = List.copyOf(subscriptions);
        seqs = Map.copyOf(seqs);
    }

    public String toJson() {
        JsonObject s = new JsonObject();
        seqs.forEach(s::put);
        return new JsonObject().put("id", id).put("token", token).put("node", node).put("connected", connected)
                .put("subscriptions", new JsonArray(subscriptions)).put("seqs", s).put("updatedMs", updatedMs)
                .put("activeMs", activeMs).encode();
    }

    /** @throws IllegalArgumentException when {@code json} is not a stored session */
    public static SessionRecord fromJson(String json) {
        try {
            JsonObject o = new JsonObject(json);
            Map<String, Long> seqs = new LinkedHashMap<>();
            o.getJsonObject("seqs").forEach(e -> seqs.put(e.getKey(), ((Number) e.getValue()).longValue()));
            List<String> subs = o.getJsonArray("subscriptions").stream().map(String.class::cast).toList();
            return new SessionRecord(o.getString("id"), o.getString("token"), o.getString("node"),
                    o.getBoolean("connected"), subs, seqs, o.getLong("updatedMs"), o.getLong("activeMs"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a stored session: " + e.getMessage(), e);
        }
    }
}
