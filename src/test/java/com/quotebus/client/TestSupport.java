package com.quotebus.client;

import com.quotebus.access.bridge.AccessGatewayVerticle;
import com.quotebus.access.bridge.AddressPermit;
import com.quotebus.access.bridge.BridgeServerOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Real gateways on 127.0.0.1 for client tests, and bounded waiting. */
public final class TestSupport {
    public static final String ADMIN_TOKEN = "s3cret";

    private TestSupport() {
    }

    /** Gateway options: loopback, given port (0: any), admin token, generous limits, no idle timeout. */
    static BridgeServerOptions.Builder gatewayOptions(int port, boolean permitSessions) {
        return BridgeServerOptions.builder().host("127.0.0.1").port(port).idleTimeoutMs(0)
                .inboundPermits(permitSessions
                        ? List.of(AddressPermit.regex("svc\\..+"), AddressPermit.regex("session\\..+"))
                        : List.of(AddressPermit.regex("svc\\..+")))
                .adminToken(ADMIN_TOKEN).rateLimitPerSecond(100_000).rateLimitBurst(100_000);
    }

    /** A running gateway: its port and deployment, so a test can stop it and start it again. */
    public static final class Gateway {
        final Vertx vertx;
        final BridgeServerOptions options;
        int port;
        String deployment;

        Gateway(Vertx vertx, BridgeServerOptions options) {
            this.vertx = vertx;
            this.options = options;
        }

        public Gateway start() {
            BridgeServerOptions o = port == 0 ? options : options.toBuilder().port(port).build();
            AccessGatewayVerticle v = new AccessGatewayVerticle(o, null, null);
            deployment = await(vertx.deployVerticle(v, new DeploymentOptions()));
            port = v.port();
            return this;
        }

        public void stop() {
            await(vertx.undeploy(deployment));
            deployment = null;
        }

        public String endpoint() {
            return "127.0.0.1:" + port;
        }
    }

    public static Gateway gateway(Vertx vertx, boolean permitSessions) {
        return new Gateway(vertx, gatewayOptions(0, permitSessions).build()).start();
    }

    public static <T> T await(Future<T> future) {
        return await(future.toCompletionStage().toCompletableFuture());
    }

    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("future failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError("future did not complete: " + e, e);
        }
    }

    /** The failure of a future that must fail. */
    static QuotebusException failure(CompletableFuture<?> future) {
        try {
            future.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable c = ClientCore.unwrap(e.getCause());
            if (c instanceof QuotebusException q) {
                return q;
            }
            throw new AssertionError("failed with " + c, c);
        } catch (Exception e) {
            throw new AssertionError("future did not complete: " + e, e);
        }
        throw new AssertionError("future succeeded but should have failed");
    }

    /** Polls until true; fails after 10 s (a hang guard, not a speed check). */
    public static void awaitCondition(BooleanSupplier condition, String what) {
        com.quotebus.access.bridge.BridgeTestSupport.awaitCondition(condition, what);
    }

    /** Client options for tests: fixed jitter seed, quick reconnects. */
    static ClientOptions.Builder clientOptions(Gateway... gateways) {
        ClientOptions.Builder b = ClientOptions.builder().jitterSeed(42)
                .reconnectInitialDelay(java.time.Duration.ofMillis(20))
                .reconnectMaxDelay(java.time.Duration.ofMillis(200));
        for (Gateway g : gateways) {
            b.endpoint(Endpoint.parse(g.endpoint()));
        }
        return b;
    }
}
