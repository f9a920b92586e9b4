package com.quotebus.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Admin replies with a shape of their own, as tables (the others go through {@link Views#admin}): one row per
 * service instance, no nested JSON in cells.
 */
final class AdminTables {
    /** Node ids are shown by their first characters, like short commit ids; {@code admin nodes} shows them whole. */
    static final int NODE_ID_CHARS = 8;

    private AdminTables() {}

    /**
     * The {@code admin.services} reply (docs/admin.md): service and strategy on the first row of each service,
     * then one row per instance; a service with a policy but no instance gets one row of dashes.
     *
     * @param nowMillis the wall clock, for the heartbeat's age
     */
    static String services(JsonObject reply, long nowMillis) {
        JsonArray services = reply.getJsonArray("services", new JsonArray());
        TextTable t = new TextTable("SERVICE", "STRATEGY", "INSTANCE", "STATE", ">LOAD", ">WEIGHT", "NODE",
                ">HEARTBEAT");
        for (Object o : services) {
            JsonObject s = (JsonObject) o;
            String strategy = s.getString("strategy", "-");
            JsonObject policy = s.getJsonObject("policy");
            if (policy != null && Boolean.TRUE.equals(policy.getBoolean("explicit"))) {
                strategy += " (set)";
            }
            JsonArray instances = s.getJsonArray("instances", new JsonArray());
            if (instances.isEmpty()) {
                t.row(s.getString("service"), strategy, "-", "-", "-", "-", "-", "-");
            }
            for (int i = 0; i < instances.size(); i++) {
                JsonObject in = instances.getJsonObject(i);
                Long heartbeat = in.getLong("lastHeartbeat");
                t.row(i == 0 ? s.getString("service") : "", i == 0 ? strategy : "", in.getString("id"),
                        in.getString("state"), in.getValue("load"), in.getValue("weight"), shortId(in.getString("node")),
                        heartbeat == null ? null : age(nowMillis - heartbeat));
            }
        }
        return "services (" + services.size() + ")\n" + t.render();
    }

    static String shortId(String id) {
        return id == null || id.length() <= NODE_ID_CHARS ? id : id.substring(0, NODE_ID_CHARS) + "…";
    }

    /** "0.8s ago", "42s ago", "3m ago". */
    static String age(long ms) {
        if (ms < 0) {
            return "now";
        }
        if (ms < 10_000) {
            return String.format(java.util.Locale.ROOT, "%.1fs ago", ms / 1000.0);
        }
        return ms < 120_000 ? ms / 1000 + "s ago" : ms / 60_000 + "m ago";
    }
}
