package com.quotebus.access.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.quotebus.config.ConfigException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class BridgeServerOptionsTest {

    @Test
    void defaultsClassifyMarketDataAddresses() {
        BridgeServerOptions o = BridgeServerOptions.defaults();
        assertThat(o.isLastValue("quote.600000.SH")).isTrue();
        assertThat(o.isLastValue("kline.600000.SH.1m")).isTrue();
        assertThat(o.isLastValue("minute.600000.SH")).isTrue();
        assertThat(o.isLastValue("pricevol.600000.SH")).isTrue();
        assertThat(o.isStream("tick.600000.SH")).isTrue();
        assertThat(o.isInternal("internal.x")).isTrue();
        assertThat(o.requestTimeoutMs()).isLessThanOrEqualTo(2000);
        assertThat(o.adminToken()).isNull();
    }

    @Test
    void readsEveryKindOfValueFromJson() {
        JsonObject json = new JsonObject().put("port", 7100).put("max-frame-size", 4096).put("idle-timeout-ms", 30000)
                .put("inbound-permits", new JsonArray().add(new JsonObject().put("address", "svc.login"))
                        .add(new JsonObject().put("address-regex", "svc\\..+")))
                .put("stream-prefixes", new JsonArray().add("tick.").add("trade."))
                .put("rate-limit-per-second", 12.5).put("slow-consumer-policy", "disconnect").put("admin-token", "t");
        BridgeServerOptions o = BridgeServerOptions.fromJson(json);
        assertThat(o).isEqualTo(BridgeServerOptions.builder().port(7100).maxFrameSize(4096).idleTimeoutMs(30000)
                .inboundPermits(List.of(AddressPermit.exact("svc.login"), AddressPermit.regex("svc\\..+")))
                .streamPrefixes(List.of("tick.", "trade.")).rateLimitPerSecond(12.5)
                .slowConsumerPolicy(SlowConsumerPolicy.DISCONNECT).adminToken("t").build());
        // the spellings of earlier releases read the same (each with a warning)
        JsonObject old = new JsonObject().put("port", 7100).put("maxFrameSize", 4096).put("idleTimeoutMs", 30000)
                .put("inboundPermits", new JsonArray().add(new JsonObject().put("address", "svc.login"))
                        .add(new JsonObject().put("addressRegex", "svc\\..+")))
                .put("streamPrefixes", new JsonArray().add("tick.").add("trade."))
                .put("rateLimitPerSecond", 12.5).put("slowConsumerPolicy", "DISCONNECT").put("adminToken", "t");
        assertThat(BridgeServerOptions.fromJson(old)).isEqualTo(o);
    }

    @Test
    void badValuesFailNamingTheKey() {
        assertThatThrownBy(() -> BridgeServerOptions.fromJson(new JsonObject().put("max-frame-size", -1)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("bad setting access.max-frame-size = '-1': expected an integer 64..16777216");
        assertThatThrownBy(() -> BridgeServerOptions.fromJson(new JsonObject().put("port", "eighty")))
                .hasMessage("bad setting access.port = 'eighty': expected an integer 0..65535");
        assertThatThrownBy(() -> BridgeServerOptions.fromJson(new JsonObject().put("max-framesize", 10)))
                .hasMessageStartingWith("unknown setting access.max-framesize (in the configuration file): did you"
                        + " mean access.max-frame-size?");
        assertThatThrownBy(() -> BridgeServerOptions.fromJson(new JsonObject().put("slow-consumer-policy", "DROP")))
                .hasMessage("bad setting access.slow-consumer-policy = 'DROP': expected one of gap, disconnect");
        assertThatThrownBy(() -> BridgeServerOptions.fromJson(new JsonObject().put("outbound-permits",
                new JsonArray().add(new JsonObject().put("address-regex", "quote.(")))))
                .hasMessageStartingWith("bad setting access.outbound-permits[0].address-regex = 'quote.(': expected a"
                        + " valid address or regular expression (invalid address regex 'quote.('");
        assertThatThrownBy(() -> BridgeServerOptions.builder().requestTimeoutMs(5000).maxRequestTimeoutMs(1000).build())
                .hasMessageStartingWith("access.max-request-timeout-ms must be >= access.request-timeout-ms");
        assertThatThrownBy(() -> BridgeServerOptions.builder().streamPrefixes(List.of("quote.x")).build())
                .hasMessageStartingWith("access.stream-prefixes overlaps access.last-value-prefixes entry 'quote.'");
        assertThatThrownBy(() -> BridgeServerOptions.builder().flushThresholdBytes(10).build())
                .hasMessageStartingWith("access.flush-threshold-bytes ");
        assertThatThrownBy(() -> BridgeServerOptions.builder().internalPrefixes(null).build())
                .hasMessageStartingWith("access.internal-prefixes must be a list");
    }

    @Test
    void permitsMatchExactAddressesOrWholeRegexes() {
        assertThat(AddressPermit.exact("svc.a").matches("svc.a")).isTrue();
        assertThat(AddressPermit.exact("svc.a").matches("svc.ab")).isFalse();
        assertThat(AddressPermit.regex("svc\\.[a-z]+").matches("svc.abc")).isTrue();
        assertThat(AddressPermit.regex("svc\\.[a-z]+").matches("xsvc.abc")).isFalse();
    }

    @Test
    void tokenBucketRefillsAtItsRateUpToTheBurst() {
        TokenBucket b = new TokenBucket(2, 3, 0);
        assertThat(List.of(b.tryTake(0), b.tryTake(0), b.tryTake(0), b.tryTake(0)))
                .containsExactly(true, true, true, false);
        assertThat(b.tryTake(499_000_000L)).isFalse();
        assertThat(b.tryTake(500_000_000L)).isTrue();
        assertThat(List.of(b.tryTake(100_000_000_000L), b.tryTake(100_000_000_000L), b.tryTake(100_000_000_000L),
                b.tryTake(100_000_000_000L))).containsExactly(true, true, true, false);
    }
}
