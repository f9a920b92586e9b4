package com.quotebus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownKeysTest {
    private final KnownKeys known = ConfigLoader.bundledKeys();

    @Test
    void theShippedDefaultsListEverySettingTheNodeReads() {
        assertThat(known.all()).contains("access.port", "http.port", "cluster.replicas", "cluster.shards",
                "access.router.hedge-max-millis", "access.session.ttl-ms", "calculator.bars-in-memory.1m",
                "collector.journal.fsync-every-millis", "collector.sources", "access.admin-token", "clock.start-time",
                "simulator.port", "clock.start-date", "collector.leader.member", "collector.takeover-replay-millis");
        List<String> warnings = new ArrayList<>();
        known.check(new JsonObject(), Map.of(), Map.of(), warnings::add); // the shipped file checks clean
        assertThat(warnings).isEmpty();
    }

    @Test
    void aMisspeltKeyOnTheCommandLineIsRejectedWithTheNearestSetting() {
        assertThatThrownBy(() -> known.check(new JsonObject(), Map.of("quotebus.acess.port", "7100"), Map.of(), w -> { }))
                .isInstanceOf(ConfigException.class)
                .hasMessage("unknown setting acess.port (given as key=value or -Dquotebus.<key>): did you mean "
                        + "access.port? — every setting is listed with its default in verticles.conf");
        assertThatThrownBy(() -> known.check(new JsonObject(), Map.of("quotebus.access.prot", "7100"), Map.of(), w -> { }))
                .hasMessageContaining("did you mean access.port?");
        assertThatThrownBy(() -> known.check(new JsonObject(), Map.of("quotebus.cluster.replica", "3"), Map.of(), w -> { }))
                .hasMessageContaining("did you mean cluster.replicas?");
    }

    @Test
    void anUnknownKeyInTheFileIsRejectedAndOneFarFromAnySettingGetsNoSuggestion() {
        JsonObject file = new JsonObject().put("access", new JsonObject().put("port", 7100))
                .put("colector", new JsonObject().put("tick-millis", 5));
        assertThatThrownBy(() -> known.check(file, Map.of(), Map.of(), w -> { }))
                .hasMessageContaining("unknown setting colector.tick-millis (in the configuration file): did you mean "
                        + "collector.tick-millis?");
        // in a known section, only that section's keys are suggested (not a look-alike elsewhere)
        assertThatThrownBy(() -> known.check(new JsonObject().put("access", new JsonObject().put("router",
                new JsonObject().put("retries", 2))), Map.of(), Map.of(), w -> { }))
                .hasMessage("unknown setting access.router.retries (in the configuration file) — every setting is"
                        + " listed with its default in verticles.conf");
        assertThatThrownBy(() -> known.check(new JsonObject().put("access", new JsonObject().put("router",
                new JsonObject().put("max-attempt", 2))), Map.of(), Map.of(), w -> { }))
                .hasMessageContaining("did you mean access.router.max-attempts?");
        JsonObject nonsense = new JsonObject().put("zzzzzz", 1);
        assertThatThrownBy(() -> known.check(nonsense, Map.of(), Map.of(), w -> { }))
                .hasMessage("unknown setting zzzzzz (in the configuration file) — every setting is listed with its "
                        + "default in verticles.conf");
    }

    @Test
    void otherSystemPropertiesAndKnownEnvironmentOverridesPassAndAnUnknownQuotebusVariableIsOnlyReported() {
        List<String> warnings = new ArrayList<>();
        known.check(new JsonObject(), Map.of("java.version", "17", "quotebus.access.port", "7100"),
                Map.of("QUOTEBUS_ACCESS_PORT", "7100", "QUOTEBUS_ADMIN_TOKEN", "t", "QUOTEBUS_ACESS_PORT", "1",
                        "PATH", "/bin"), warnings::add);
        assertThat(warnings).containsExactly(
                "environment variable QUOTEBUS_ACESS_PORT is not a Quotebus setting (ignored)");
    }

    @Test
    void theSettingsWithComputedDefaultsAreDocumentedCommentedOutInTheShippedFile() throws Exception {
        String shipped = new String(ConfigLoader.class.getResourceAsStream("/verticles.conf").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        for (String key : KnownKeys.COMMENTED_OUT) {
            String leaf = key.substring(key.lastIndexOf('.') + 1);
            assertThat(shipped).as(key).containsPattern("(?m)^\\s*# " + java.util.regex.Pattern.quote(leaf) + " = ");
        }
    }

}
