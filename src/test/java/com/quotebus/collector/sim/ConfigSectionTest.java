package com.quotebus.collector.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quotebus.collector.szse.SimulatorServerConfig;
import com.quotebus.collector.szse.SzseFeedConfig;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigSectionTest {
    @Test
    void missingKeysTakeTheDefaults() {
        assertThat(SimulatorConfig.from(new ConfigSection("simulator", Map.of()))).isEqualTo(SimulatorConfig.DEFAULT);
        assertThat(SimClockConfig.from(new ConfigSection("clock", null))).isEqualTo(SimClockConfig.DEFAULT);
        assertThat(SimulatorServerConfig.from(new ConfigSection("simulator", Map.of())))
                .isEqualTo(SimulatorServerConfig.DEFAULT);
    }

    @Test
    void givenKeysOverrideTheDefaults() {
        assertThat(SimulatorConfig.from(new ConfigSection("simulator", Map.of("seed", 7, "symbols", "300",
                "futures", false, "rate", 1000, "channels", 2, "snapshot-interval-ms", 6000, "book-depth", 5))))
                .isEqualTo(new SimulatorConfig(7, 300, false, 1000, 2, 6000, 5));
        assertThat(SimClockConfig.from(new ConfigSection("clock", Map.of("start-time", "13:00", "start-date",
                "2025-03-04", "speed", 10, "skip-dead-time", "false", "lead-minutes", 0))))
                .isEqualTo(new SimClockConfig(LocalTime.of(13, 0), LocalDate.parse("2025-03-04"), 10.0, false, 0));
        assertThat(SzseFeedConfig.from(new ConfigSection("feeds.a", Map.of("name", "szse-a", "host", "10.0.0.1",
                "port", 9100, "heartbeat-seconds", 3)))).isEqualTo(new SzseFeedConfig("szse-a", "10.0.0.1", 9100,
                "QUOTEBUS", "SZSE-SIM", "", 3, 100, 5000, 5000, 65536));
    }

    @Test
    void badValuesFailWithTheKeyAndTheReason() {
        assertThatThrownBy(() -> SimulatorConfig.from(new ConfigSection("simulator", Map.of("rate", "fast"))))
                .hasMessage("simulator.rate must be a whole number, was 'fast'");
        assertThatThrownBy(() -> SimulatorConfig.from(new ConfigSection("simulator", Map.of("book-depth", 7))))
                .hasMessage("simulator.book-depth must be 5 or 10, was 7");
        assertThatThrownBy(() -> SimClockConfig.from(new ConfigSection("clock", Map.of("start-time", "9h14"))))
                .hasMessage("clock.start-time must be a time HH:mm, was '9h14'");
        assertThatThrownBy(() -> SimulatorServerConfig.from(new ConfigSection("simulator", Map.of("port", 70000))))
                .hasMessage("simulator.port must be 0..65535, was 70000");
        assertThatThrownBy(() -> SzseFeedConfig.from(new ConfigSection("feeds.a", Map.of("name", "a"))))
                .hasMessage("feeds.a.name, feeds.a.host and feeds.a.port are required");
    }
}
