package com.quotebus.access.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReplyMergerTest {

    @Test
    void arraysAreConcatenatedInReplyOrder() {
        assertThat(ReplyMerger.merge(List.of(new JsonArray().add(1).add(2), new JsonArray(), new JsonArray().add(3))))
                .isEqualTo(new JsonArray().add(1).add(2).add(3));
    }

    @Test
    void objectsAreUnitedArrayFieldsConcatenatedAndOtherwiseTheFirstWins() {
        JsonObject a = new JsonObject().put("rows", new JsonArray().add("a")).put("source", "a").put("onlyA", 1);
        JsonObject b = new JsonObject().put("rows", new JsonArray().add("b")).put("source", "b").put("onlyB", 2);
        assertThat(ReplyMerger.merge(List.of(a, b))).isEqualTo(new JsonObject()
                .put("rows", new JsonArray().add("a").add("b")).put("source", "a").put("onlyA", 1).put("onlyB", 2));
        assertThat(a.getJsonArray("rows")).as("inputs are not modified").isEqualTo(new JsonArray().add("a"));
    }

    @Test
    void aSingleReplyIsReturnedAsItIs() {
        assertThat(ReplyMerger.merge(List.of("only"))).isEqualTo("only");
    }

    @Test
    void mixedOrScalarRepliesAreNotMergeable() {
        assertThatThrownBy(() -> ReplyMerger.merge(List.of(new JsonArray(), new JsonObject())))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReplyMerger.merge(List.of("a", "b"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aScatteredReplyListsItsCodesInTheOrderOfTheRequest() {
        JsonArray codes = new JsonArray().add("600000.SH").add("000001.SZ").add("rb2605.SHF");
        Object merged = ReplyMerger.merge(List.of(
                new JsonObject().put("quotes", new JsonArray().add(new JsonObject().put("code", "rb2605.SHF"))),
                new JsonObject().put("quotes", new JsonArray().add(new JsonObject().put("code", "000001.SZ"))
                        .add(new JsonObject().put("code", "600000.SH"))).put("day", "2026-12-08")));

        assertThat(ReplyMerger.inRequestOrder(merged, codes)).isEqualTo(new JsonObject()
                .put("quotes", new JsonArray().add(new JsonObject().put("code", "600000.SH"))
                        .add(new JsonObject().put("code", "000001.SZ")).add(new JsonObject().put("code", "rb2605.SHF")))
                .put("day", "2026-12-08"));
        // arrays of something else are left as they are
        JsonObject other = new JsonObject().put("names", new JsonArray().add("b").add("a"));
        assertThat(ReplyMerger.inRequestOrder(other.copy(), codes)).isEqualTo(other);
    }
}
