package com.quotebus.access.bridge;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Starting a gateway on 127.0.0.1 for socket tests, and bounded waiting. */
public final class BridgeTestSupport {
    private BridgeTestSupport() {
    }

    /** Options for tests: loopback, ephemeral port, generous limits, no idle timeout. */
    public static BridgeServerOptions.Builder testOptions() {
        return BridgeServerOptions.builder().host("127.0.0.1").port(0).idleTimeoutMs(0)
                .inboundPermits(List.of(AddressPermit.regex("svc\\..+"), AddressPermit.exact("echo")))
                .outboundPermits(List.of(AddressPermit.regex("(quote|kline|tick|news|client)\\..+")))
                .adminToken("s3cret")
                .rateLimitPerSecond(100_000).rateLimitBurst(100_000);
    }

    /** Deploys one gateway verticle with its own hub; returns it once listening. */
    public static AccessGatewayVerticle deploy(Vertx vertx, BridgeServerOptions options, RequestRouter router) {
        AccessGatewayVerticle verticle = new AccessGatewayVerticle(options, null, router);
        await(vertx.deployVerticle(verticle, new DeploymentOptions()));
        return verticle;
    }

    public static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future did not complete: " + e, e);
        }
    }

    /** Polls {@code condition} until true, failing after 10 s (a hang guard, not a speed check). */
    public static void awaitCondition(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
