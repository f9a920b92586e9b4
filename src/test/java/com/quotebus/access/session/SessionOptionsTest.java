package com.quotebus.access.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading {@code access.session} and the stored form of a session. */
class SessionOptionsTest {

    @Test
    void absentKeysKeepTheDefaultsAndGivenOnesAreRead() {
        assertThat(SessionOptions.fromJson(null)).isEqualTo(SessionOptions.DEFAULT);
        assertThat(SessionOptions.fromJson(new JsonObject().put("ttl-ms", 30_000).put("sync-ms", 500)))
                .isEqualTo(new SessionOptions(30_000, 500, 100_000, 10_000));
    }

    @Test
    void unknownKeysAndBadValuesFailNamingTheKey() {
        assertThatThrownBy(() -> SessionOptions.fromJson(new JsonObject().put("ttl", 1)))
                .hasMessageStartingWith("unknown setting access.session.ttl (in the configuration file): did you mean"
                        + " access.session.ttl-ms?");
        assertThatThrownBy(() -> SessionOptions.fromJson(new JsonObject().put("sync-ms", 30_000)))
                .hasMessage("bad setting: access.session.sync-ms must be 10..ttl-ms/3, was 30000");
        assertThatThrownBy(() -> SessionOptions.fromJson(new JsonObject().put("max-sessions", "many")))
                .hasMessage("bad setting access.session.max-sessions = 'many': expected an integer "
                        + Integer.MIN_VALUE + ".." + Integer.MAX_VALUE);
    }

    @Test
    void aStoredSessionReadsBackEqual() {
        SessionRecord r = new SessionRecord("s-abc", "s-abc.secret", "node-1", true,
                List.of("tick.600000.SH", "quote.600000.SH"), Map.of("tick.600000.SH", 42L), 1000, 900);
        assertThat(SessionRecord.fromJson(r.toJson())).isEqualTo(r);
        assertThatThrownBy(() -> SessionRecord.fromJson("{\"id\":1}")).isInstanceOf(IllegalArgumentException.class);
    }
}
