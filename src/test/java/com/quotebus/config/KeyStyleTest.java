package com.quotebus.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyStyleTest {
    @Test
    void camelCaseBecomesKebabCaseAndKebabCaseStays() {
        assertThat(KeyStyle.kebab("maxFrameSize")).isEqualTo("max-frame-size");
        assertThat(KeyStyle.kebab("tcpKeepAliveIdleSeconds")).isEqualTo("tcp-keep-alive-idle-seconds");
        assertThat(KeyStyle.kebab("max-frame-size")).isEqualTo("max-frame-size");
        assertThat(KeyStyle.kebab("1m")).isEqualTo("1m");
        assertThat(KeyStyle.kebab("access.admin-token")).isEqualTo("access.admin-token");
    }

    @Test
    void oldSpellingsInTheFileAreRenamedEverywhereAndEachReportedOnce() {
        JsonObject file = new JsonObject()
                .put("access", new JsonObject().put("maxFrameSize", 1024).put("port", 7000)
                        .put("inboundPermits", new JsonArray().add(new JsonObject().put("addressRegex", "svc\\..+")))
                        .put("router", new JsonObject().put("hedgeMinMillis", 30)));
        List<String> warnings = new ArrayList<>();

        JsonObject normal = KeyStyle.normalise(file, warnings::add);

        assertThat(normal).isEqualTo(new JsonObject()
                .put("access", new JsonObject().put("max-frame-size", 1024).put("port", 7000)
                        .put("inbound-permits", new JsonArray().add(new JsonObject().put("address-regex", "svc\\..+")))
                        .put("router", new JsonObject().put("hedge-min-millis", 30))));
        assertThat(warnings).containsExactly(
                "setting access.maxFrameSize is now spelled access.max-frame-size: the old spelling works in this"
                        + " release and is refused from the next one",
                "setting access.inboundPermits is now spelled access.inbound-permits: the old spelling works in this"
                        + " release and is refused from the next one",
                "setting access.inbound-permits[0].addressRegex is now spelled access.inbound-permits[0].address-regex:"
                        + " the old spelling works in this release and is refused from the next one",
                "setting access.router.hedgeMinMillis is now spelled access.router.hedge-min-millis: the old spelling"
                        + " works in this release and is refused from the next one");
    }

    @Test
    void bothSpellingsAtOnceAreAMistake() {
        JsonObject file = new JsonObject().put("access", new JsonObject().put("maxFrameSize", 1).put("max-frame-size", 2));
        assertThatThrownBy(() -> KeyStyle.normalise(file, w -> {})).isInstanceOf(ConfigException.class)
                .hasMessageContaining("both maxFrameSize and max-frame-size");
    }

    @Test
    void oldPropertyAndEnvironmentNamesAreRenamedWithAWarning() {
        List<String> warnings = new ArrayList<>();
        assertThat(KeyStyle.normaliseProperties(Map.of("quotebus.access.idleTimeoutMs", "5000", "user.dir", "/x",
                "quotebus.access.port", "7100"), warnings::add)).isEqualTo(Map.of("quotebus.access.idle-timeout-ms",
                "5000", "user.dir", "/x", "quotebus.access.port", "7100"));
        assertThat(KeyStyle.normaliseEnvironment(Map.of("QUOTEBUS_ACCESS_MAXFRAMESIZE", "2048", "PATH", "/bin"),
                Set.of("access.max-frame-size", "access.port"), warnings::add))
                .isEqualTo(Map.of("QUOTEBUS_ACCESS_MAX_FRAME_SIZE", "2048", "PATH", "/bin"));
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).startsWith("setting access.idleTimeoutMs is now spelled access.idle-timeout-ms");
        assertThat(warnings.get(1)).startsWith(
                "environment variable QUOTEBUS_ACCESS_MAXFRAMESIZE is now named QUOTEBUS_ACCESS_MAX_FRAME_SIZE");
    }

    @Test
    void theShippedConfigurationUsesOneKeyStyle() {
        List<String> warnings = new ArrayList<>();
        KeyStyle.normalise(ConfigLoader.read(null), warnings::add);
        assertThat(warnings).isEmpty();
        assertThat(ConfigLoader.bundledKeys().all()).allSatisfy(k -> assertThat(k).isEqualTo(KeyStyle.kebab(k)));
    }

    @Test
    void anOldSpellingLoadsToTheSameSettingsAsTheNewOne() {
        List<String> warnings = new ArrayList<>();
        Settings old = ConfigLoader.checked(new JsonObject().put("access", new JsonObject().put("maxFrameSize", 4096)),
                Map.of("quotebus.collector.arbitration.gapWindowMillis", "30"), Map.of(), warnings::add);
        assertThat(old.intValue("access.max-frame-size", 0)).isEqualTo(4096);
        assertThat(old.longValue("collector.arbitration.gap-window-millis", 0)).isEqualTo(30);
        assertThat(warnings).hasSize(2);
    }
}
