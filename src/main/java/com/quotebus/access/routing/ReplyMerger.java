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

    /**
     * A scattered request's merged reply in the order of the request's {@code codes}: in every array of the reply
     * (top level, or a field of the top-level object) whose elements are objects with a {@code code}, the elements
     * are sorted by the position of their code in {@code codes} (elements of other codes last, in their order).
     * Other replies are returned as they are.
     */
    public static Object inRequestOrder(Object merged, JsonArray codes) {
        Map<Object, Integer> position = new java.util.HashMap<>();
        for (int i = 0; i < codes.size(); i++) {
            position.putIfAbsent(codes.getValue(i), i);
        }
        if (merged instanceof JsonArray a) {
            return ordered(a, position);
        }
        if (merged instanceof JsonObject o) {
            for (Map.Entry<String, Object> field : o) {
                if (field.getValue() instanceof JsonArray a) {
                    field.setValue(ordered(a, position));
                }
            }
        }
        return merged;
    }

    private static JsonArray ordered(JsonArray a, Map<Object, Integer> position) {
        if (a.isEmpty() || !a.stream().allMatch(e -> e instanceof JsonObject j && j.getValue("code") != null)) {
            return a;
        }
        List<JsonObject> list = new java.util.ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            list.add(a.getJsonObject(i));
        }
        list.sort(java.util.Comparator.comparingInt(e -> position.getOrDefault(e.getValue("code"), Integer.MAX_VALUE)));
        return new JsonArray(new java.util.ArrayList<>(list));
    }
}
