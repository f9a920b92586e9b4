package com.quotebus.access.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;

/**
 * Merges multicast replies, taken in instance-id order so every node merges the same way:
 * <ul>
 *   <li>all JSON arrays: concatenated;</li>
 *   <li>all JSON objects: the union of their fields; a field present in several replies is concatenated when
 *       every value is an array, otherwise the value of the first reply that has it wins;</li>
 *   <li>a single reply: returned as it is;</li>
 *   <li>anything else (mixed types, scalars): not mergeable, {@link IllegalArgumentException}.</li>
 * </ul>
 */
public final class ReplyMerger {

    private ReplyMerger() {
    }

    public static Object merge(List<Object> replies) {
        if (replies.isEmpty()) {
            throw new IllegalArgumentException("no replies");
        }
        if (replies.size() == 1) {
            return replies.get(0);
        }
        if (replies.stream().allMatch(r -> r instanceof JsonArray)) {
            JsonArray all = new JsonArray();
            replies.forEach(r -> all.addAll((JsonArray) r));
            return all;
        }
        if (replies.stream().allMatch(r -> r instanceof JsonObject)) {
            JsonObject merged = new JsonObject();
            for (Object r : replies) {
                for (Map.Entry<String, Object> field : (JsonObject) r) {
                    Object mine = merged.getValue(field.getKey());
                    if (mine == null && !merged.containsKey(field.getKey())) {
                        merged.put(field.getKey(), copy(field.getValue()));
                    } else if (mine instanceof JsonArray a && field.getValue() instanceof JsonArray b) {
                        a.addAll(b);
                    }
                }
            }
            return merged;
        }
        throw new IllegalArgumentException("replies are not all JSON arrays or all JSON objects");
    }

    private static Object copy(Object value) {
        return value instanceof JsonArray a ? a.copy() : value;
    }
}
