package com.quotebus.access.bridge;

import static com.quotebus.access.bridge.BridgeTestSupport.await;
import static com.quotebus.access.bridge.BridgeTestSupport.deploy;
import static com.quotebus.access.bridge.BridgeTestSupport.testOptions;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelOption;
import io.netty.channel.socket.nio.NioChannelOption;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The idle-connection policy: stock bridge clients (Go, C) never ping, so the idle timeout (when configured)
 * counts traffic both ways, and dead peers are found by TCP keep-alive.
 */
class BridgeIdlePolicyTest {
    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    @Test
    void subscriberThatNeverSendsStaysConnectedWhilePushesFlowAndIsClosedOnceSilent() throws Exception {
        AccessGatewayVerticle g = deploy(vertx, testOptions().idleTimeoutMs(300).build(), null);
        try (RawBridgeClient c = RawBridgeClient.connect(g.port())) {
            c.register("tick.1.SH");
            c.sync(); // subscribed (the ping is the last frame this client sends)
            AtomicInteger published = new AtomicInteger();
            long timer = vertx.setPeriodic(50, id -> vertx.eventBus().publish("tick.1.SH",
                    new JsonObject().put("n", published.incrementAndGet())));
            List<JsonObject> received = new ArrayList<>();
            long until = System.nanoTime() + 1_500_000_000L; // five idle timeouts, not a byte from the client
            while (System.nanoTime() < until) {
                try {
                    received.add(c.read());
                } catch (java.io.IOException e) {
                    throw new AssertionError("closed after " + received, e);
                }
            }
            vertx.cancelTimer(timer);
            assertThat(received).allMatch(f -> "message".equals(f.getString("type")), "only pushes, no err");
            assertThat(received.size()).isGreaterThan(15);
            // Pushes stop: now no traffic either way, and the timeout closes the connection.
            List<JsonObject> rest = c.readUntilClosed();
            assertThat(rest).isNotEmpty();
            assertThat(rest.get(rest.size() - 1)).isEqualTo(new JsonObject().put("type", "err").put("message", "idle_timeout"));
        }
    }

    @Test
    void connectionWithNoTrafficEitherWayIsClosedWhenATimeoutIsConfigured() throws Exception {
        AccessGatewayVerticle g = deploy(vertx, testOptions().idleTimeoutMs(300).build(), null);
        try (RawBridgeClient c = RawBridgeClient.connect(g.port())) {
            long t0 = System.nanoTime();
            assertThat(c.readUntilClosed()).containsExactly(new JsonObject().put("type", "err").put("message", "idle_timeout"));
            assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(250_000_000L);
        }
    }

    @Test
    void idleTimeoutIsOffByDefaultAndKeepAliveOn() {
        BridgeServerOptions o = BridgeServerOptions.defaults();
        assertThat(o.idleTimeoutMs()).isZero();
        assertThat(o.tcpKeepAlive()).isTrue();
        assertThat(BridgeServerOptions.fromJson(new JsonObject().put("tcp-keep-alive", false)
                .put("tcp-keep-alive-idle-seconds", 30).put("tcp-keep-alive-interval-seconds", 5).put("tcp-keep-alive-count", 3)))
                .isEqualTo(BridgeServerOptions.builder().tcpKeepAlive(false).tcpKeepAliveIdleSeconds(30)
                        .tcpKeepAliveIntervalSeconds(5).tcpKeepAliveCount(3).build());
    }

    @Test
    void keepAliveTimingIsSetOnANioSocket() {
        NioSocketChannel ch = new NioSocketChannel();
        try {
            BridgeServerOptions o = BridgeServerOptions.builder().tcpKeepAliveIdleSeconds(45)
                    .tcpKeepAliveIntervalSeconds(7).tcpKeepAliveCount(4).build();
            ch.config().setOption(ChannelOption.SO_KEEPALIVE, true);
            KeepAlive.tune(ch, o);
            assertThat(ch.config().getOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPIDLE))).isEqualTo(45);
            assertThat(ch.config().getOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPINTERVAL))).isEqualTo(7);
            assertThat(ch.config().getOption(NioChannelOption.of(ExtendedSocketOptions.TCP_KEEPCOUNT))).isEqualTo(4);
        } finally {
            ch.unsafe().closeForcibly();
        }
    }
}
