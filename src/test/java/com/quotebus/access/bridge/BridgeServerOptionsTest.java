package com.quotebus.access.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        JsonObject json = new JsonObject().put("port", 7100).put("maxFrameSize", 4096).put("idleTimeoutMs", 30000)
                .put("inboundPermits", new JsonArray().add(new JsonObject().put("address", "svc.login"))
                        .add(new JsonObject().put("addressRegex", "svc\\..+")))
                .put("streamPrefixes", new JsonArray().add("tick.").add("trade."))
                .put("rateLimitPerSecond", 12.5).put("slowConsumerPolicy", "DISCONNECT").put("adminToken", "t");
        BridgeServerOptions o = BridgeServerOptions.fromJson(json);
        assertThat(o).isEqualTo(BridgeServerOptions.builder().port(7100).maxFrameSize(4096).idleTimeoutMs(30000)
                .inboundPermits(List.of(AddressPermit.exact("svc.login"), AddressPermit.regex("svc\\..+")))
                .streamPrefixes(List.of("tick.", "trade.")).rateLimitPerSecond(12.5)
                .slowConsumerPolicy(SlowConsumerPolicy.DISCONNECT).adminToken("t").build());
    }

    @Test
    void badValuesFailNamingTheKey() {
        assertThatThrownBy(() -> BridgeServerOptions.fromJson(new JsonObject().put("maxFrameSize", -1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("maxFrameSize ");
        assertThatThrownBy(() -> BridgeServerOptions.fromJson(new JsonObject().put("port", "80")))
                .hasMessageStartingWith("port must be a number");
        assertThatThrownBy(() -> BridgeServerOptions.fromJson(new JsonObject().put("maxFramesize", 10)))
                .hasMessageStartingWith("maxFramesize is not a known bridge option");
        assertThatThrownBy(() -> BridgeServerOptions.fromJson(new JsonObject().put("slowConsumerPolicy", "DROP")))
                .hasMessageStartingWith("slowConsumerPolicy must be GAP or DISCONNECT");
        assertThatThrownBy(() -> BridgeServerOptions.fromJson(new JsonObject().put("outboundPermits",
                new JsonArray().add(new JsonObject().put("addressRegex", "quote.(")))))
                .hasMessageStartingWith("outboundPermits: invalid address regex 'quote.('");
        assertThatThrownBy(() -> BridgeServerOptions.builder().requestTimeoutMs(5000).maxRequestTimeoutMs(1000).build())
                .hasMessageStartingWith("maxRequestTimeoutMs must be >= requestTimeoutMs");
        assertThatThrownBy(() -> BridgeServerOptions.builder().streamPrefixes(List.of("quote.x")).build())
                .hasMessageStartingWith("streamPrefixes overlaps lastValuePrefixes entry 'quote.'");
        assertThatThrownBy(() -> BridgeServerOptions.builder().flushThresholdBytes(10).build())
                .hasMessageStartingWith("flushThresholdBytes ");
        assertThatThrownBy(() -> BridgeServerOptions.builder().internalPrefixes(null).build())
                .hasMessageStartingWith("internalPrefixes must be a list");
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
