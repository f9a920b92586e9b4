package com.quotebus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private final JsonObject file = new JsonObject()
            .put("access", new JsonObject().put("port", 7000).put("host", "127.0.0.1"))
            .put("node", new JsonObject().put("roles", new JsonArray().add("collector").add("access")));

    @Test
    void systemPropertyBeatsEnvironmentBeatsFile() {
        Settings s = new Settings(file, Map.of("QUOTEBUS_ACCESS_PORT", "7100", "QUOTEBUS_ACCESS_HOST", "0.0.0.0"),
                Map.of("quotebus.access.port", "7200"));
        assertThat(s.intValue("access.port", 1, 1, 65535)).isEqualTo(7200);
        assertThat(s.string("access.host", null)).isEqualTo("0.0.0.0");
        assertThat(s.list("node.roles", List.of())).containsExactly("collector", "access");
        assertThat(new Settings(file, Map.of("QUOTEBUS_NODE_ROLES", "calculator, access"), Map.of())
                .list("node.roles", List.of())).containsExactly("calculator", "access");
        assertThat(s.intValue("access.missing", 42, 1, 100)).isEqualTo(42);
    }

    @Test
    void aBadValueNamesTheKeyTheValueAndWhatIsAllowed() {
        Settings s = new Settings(file, Map.of(), Map.of("quotebus.access.port", "70000", "quotebus.x.flag", "maybe"));
        assertThatThrownBy(() -> s.intValue("access.port", 1, 1, 65535))
                .hasMessage("bad setting access.port = '70000': expected an integer 1..65535");
        assertThatThrownBy(() -> s.bool("x.flag", false))
                .hasMessage("bad setting x.flag = 'maybe': expected true or false");
        assertThatThrownBy(() -> s.string("access", null)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("access");
    }

    @Test
    void theShippedVerticlesConfLoads() {
        Settings s = ConfigLoader.load(null);
        assertThat(s.intValue("access.port", 0, 1, 65535)).isEqualTo(7000);
        assertThat(s.list("node.roles", List.of())).contains("collector", "calculator", "access");
    }

    @Test
    void aSectionReadsItsKeysWithTheOverridesOfTheirFullNames() {
        JsonObject fileWithNull = file.copy();
        fileWithNull.getJsonObject("access").putNull("admin-token");
        Settings s = new Settings(fileWithNull, Map.of("QUOTEBUS_ACCESS_ADMIN_TOKEN", "from-env"),
                Map.of("quotebus.access.port", "7300", "quotebus.access.idle-timeout-ms", "5000"));
        Settings access = s.at("access");
        assertThat(access.intValue("port", 0, 0, 65535)).isEqualTo(7300);
        assertThat(access.string("admin-token", null)).isEqualTo("from-env");
        assertThat(access.longValue("idle-timeout-ms", 0)).isEqualTo(5000L); // not in the file: an override alone
        assertThat(access.string("host", null)).isEqualTo("127.0.0.1");
        assertThat(access.at("session").longValue("ttl-ms", 60_000)).isEqualTo(60_000L); // absent section: defaults
        assertThatThrownBy(() -> access.intValue("port", 0, 0, 7000))
                .hasMessage("bad setting access.port = '7300': expected an integer 0..7000");
        assertThatThrownBy(() -> s.at("node").at("roles")).isInstanceOf(ConfigException.class)
                .hasMessageContaining("node.roles");
    }

    @Test
    void listsOfObjectsAreSectionsNamedByTheirIndex() {
        Settings s = Settings.of(new JsonObject().put("collector", new JsonObject().put("sources", new JsonArray()
                .add(new JsonObject().put("name", "a").put("port", "x")))));
        List<Settings> sources = s.at("collector").objects("sources");
        assertThat(sources).hasSize(1);
        assertThat(sources.get(0).string("name", null)).isEqualTo("a");
        assertThatThrownBy(() -> sources.get(0).intValue("port", 0, 1, 65535))
                .hasMessage("bad setting collector.sources[0].port = 'x': expected an integer 1..65535");
    }
}
