package com.quotebus.collector.verticle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quotebus.cluster.hazelcast.HazelcastLeaderElection;
import com.quotebus.collector.arbitration.ArbitrationConfig;
import com.quotebus.collector.journal.FsyncPolicy;
import com.quotebus.config.Settings;
import com.quotebus.core.time.ChinaTime;
import com.quotebus.core.time.TradingCalendar;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class CollectorConfigTest {
    private static JsonObject minimal() {
        return new JsonObject().put("sources", new JsonArray().add(new JsonObject().put("name", "szse-a")
                .put("type", "szse-binary").put("host", "127.0.0.1")));
    }

    @Test
    void defaultsApplyToEverythingButTheSources() {
        CollectorConfig c = CollectorConfig.from(minimal().put("leader", new JsonObject().put("member", "m1")));

        assertThat(c).isEqualTo(new CollectorConfig(null, Path.of("data/journal"), new FsyncPolicy(0, 100),
                new ArbitrationConfig(20, 5_000, 100_000, 60_000), 16, 10,
                new CollectorConfig.Leader("single", "quotebus.collector.leader", "m1", 3_000, 1_000), 4_000, 10_000,
                List.of(new SourceSpec("szse-a", "szse-binary", Settings.of(new JsonObject().put("collector", minimal()))
                        .at("collector").objects("sources").get(0)))));
        assertThat(c.sources().get(0).requireString("host")).isEqualTo("127.0.0.1");
    }

    @Test
    void badValuesFailNamingTheirKey() {
        assertThatThrownBy(() -> CollectorConfig.from(new JsonObject()))
                .hasMessage("bad setting collector.sources = (missing): expected at least one source ({name, type, ...})");
        assertThatThrownBy(() -> CollectorConfig.from(minimal().put("trading-day", "25/11/2026")))
                .hasMessageStartingWith("bad setting collector.trading-day = '25/11/2026': expected a date yyyy-MM-dd");
        assertThatThrownBy(() -> CollectorConfig.from(minimal().put("arbitration",
                new JsonObject().put("silence-millis", 0))))
                .hasMessage("bad setting collector.arbitration.silence-millis = '0': expected an integer 1..3600000");
        assertThatThrownBy(() -> CollectorConfig.from(minimal().put("journal",
                new JsonObject().put("fsync-every-millis", "often"))))
                .hasMessage("bad setting collector.journal.fsync-every-millis = 'often': expected an integer 0..3600000");
        assertThatThrownBy(() -> CollectorConfig.from(minimal().put("leader", new JsonObject()
                .put("type", "hazelcast").put("lease-millis", 1_000).put("renew-millis", 400))))
                .hasMessageStartingWith("bad setting collector.leader.lease-millis = '1000': expected with hazelcast >= 2000");
        // the config refuses what the election itself would refuse at start
        assertThat(CollectorConfig.MIN_HAZELCAST_LEASE_MILLIS).isEqualTo(HazelcastLeaderElection.MIN_LEASE_MILLIS);
        JsonObject twice = minimal();
        twice.getJsonArray("sources").add(new JsonObject().put("name", "szse-a").put("type", "simulator"));
        assertThatThrownBy(() -> CollectorConfig.from(twice))
                .hasMessage("bad setting collector.sources[1].name = 'szse-a': expected a name used once (it is used twice)");
    }

    @Test
    void theTradingDayRollsAtSixInTheEveningAndSkipsWeekendsAndHolidays() {
        TradingCalendar calendar = TradingCalendar.loadDefault();
        long friday1759 = ChinaTime.epochMillis(LocalDateTime.parse("2026-11-27T17:59:59"));
        long friday1800 = ChinaTime.epochMillis(LocalDateTime.parse("2026-11-27T18:00:00"));

        assertThat(calendar.tradingDayOf(friday1759)).isEqualTo(LocalDate.parse("2026-11-27"));
        assertThat(calendar.tradingDayOf(friday1800)).isEqualTo(LocalDate.parse("2026-11-30"));
    }
}
