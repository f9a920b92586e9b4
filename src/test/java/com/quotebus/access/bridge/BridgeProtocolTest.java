package com.quotebus.access.bridge;

import static com.quotebus.access.bridge.BridgeTestSupport.await;
import static com.quotebus.access.bridge.BridgeTestSupport.awaitCondition;
import static com.quotebus.access.bridge.BridgeTestSupport.deploy;
import static com.quotebus.access.bridge.BridgeTestSupport.testOptions;
import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.access.bridge.frame.ErrorCode;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Frame handling over real sockets, including every parser row of the stock bridge's defect table. */
class BridgeProtocolTest {
    private Vertx vertx;
    private AccessGatewayVerticle gateway;
    private int port;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        gateway = deploy(vertx, testOptions().maxFrameSize(1024).build(), null);
        port = gateway.port();
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    private static JsonObject err(String message) {
        return new JsonObject().put("type", "err").put("message", message);
    }

    private BridgeMetrics.Snapshot metrics() {
        return gateway.server().metrics().snapshot();
    }

    @Test
    void pingIsAnsweredWithPong() throws Exception {
        try (RawBridgeClient c = RawBridgeClient.connect(port)) {
            c.sendJson("{\"type\":\"ping\"}");
            assertThat(c.read()).isEqualTo(new JsonObject().put("type", "pong"));
        }
    }

    @Test
    void unknownOrMissingTypeIsAnsweredAndTheConnectionKeepsWorking() throws Exception {
        try (RawBridgeClient c = RawBridgeClient.connect(port)) {
            c.sendJson("{\"type\":\"bogus\",\"address\":\"svc.x\"}");
            c.sendJson("{\"address\":\"svc.x\"}");
            c.sendJson("{\"type\":42}");
            assertThat(c.sync()).containsExactly(err("unknown_type"), err("unknown_type"), err("unknown_type"));
        }
        assertThat(metrics().errors(ErrorCode.UNKNOWN_TYPE)).isEqualTo(3);
    }

    @Test
    void malformedJsonArrayAndEmptyFramesAreAnsweredAndTheConnectionKeepsWorking() throws Exception {
        try (RawBridgeClient c = RawBridgeClient.connect(port)) {
            c.sendJson("{\"type\":\"ping\"");
            c.sendJson("[1,2,3]");
            c.sendRaw(new byte[] {0, 0, 0, 0});
            c.sendJson("\"just a string\"");
            c.sendJson("{\"type\":\"ping\"} trailing");
            assertThat(c.sync()).containsExactly(err("invalid_json"), err("invalid_frame"), err("empty_frame"),
                    err("invalid_frame"), err("invalid_json"));
        }
    }

    @Test
    void negativeLengthClosesTheConnectionWithAReasonAndIsCounted() throws Exception {
        try (RawBridgeClient c = RawBridgeClient.connect(port)) {
            c.sendRaw(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1, 2, 3});
            assertThat(c.readUntilClosed()).containsExactly(err("invalid_length"));
        }
        awaitCondition(() -> metrics().connectionsActive() == 0, "connection released");
        assertThat(metrics().errors(ErrorCode.INVALID_LENGTH)).isEqualTo(1);
    }

    @Test
    void declaredLengthAboveMaximumClosesBeforeBufferingAnything() throws Exception {
        try (RawBridgeClient c = RawBridgeClient.connect(port)) {
            // Only the prefix is sent: the server must not wait for the 100 MB it announces.
            c.sendRaw(ByteBuffer.allocate(4).putInt(100_000_000).array());
            assertThat(c.readUntilClosed()).containsExactly(err("frame_too_large"));
        }
        assertThat(metrics().errors(ErrorCode.FRAME_TOO_LARGE)).isEqualTo(1);
    }

    @Test
    void frameOfExactlyTheMaximumSizeIsAccepted() throws Exception {
        String pad = "x".repeat(1024 - "{\"type\":\"ping\",\"p\":\"\"}".length());
        try (RawBridgeClient c = RawBridgeClient.connect(port)) {
            c.sendJson("{\"type\":\"ping\",\"p\":\"" + pad + "\"}");
            assertThat(c.read().getString("type")).isEqualTo("pong");
        }
    }

    @Test
    void severalFramesInOneWriteAndOneFrameOverManyWritesAreAllDecoded() throws Exception {
        try (RawBridgeClient c = RawBridgeClient.connect(port)) {
            ByteArrayOutputStream batch = new ByteArrayOutputStream();
            for (int i = 0; i < 3; i++) {
                batch.write(RawBridgeClient.frame("{\"type\":\"ping\"}"));
            }
            c.sendRaw(batch.toByteArray());
            byte[] one = RawBridgeClient.frame("{\"type\":\"ping\"}");
            for (byte b : one) {
                c.sendRaw(new byte[] {b});
                Thread.sleep(1); // separate TCP segments, so the server really sees one byte per read
            }
            for (int i = 0; i < 4; i++) {
                assertThat(c.read().getString("type")).isEqualTo("pong");
            }
        }
    }

    @Test
    void framesNeedingAnAddressWithoutOneAreRejected() throws Exception {
        try (RawBridgeClient c = RawBridgeClient.connect(port)) {
            for (String type : List.of("send", "publish", "register", "unregister")) {
                c.sendJson("{\"type\":\"" + type + "\"}");
            }
            c.sendJson("{\"type\":\"send\",\"address\":7}");
            assertThat(c.sync()).containsExactly(err("missing_address"), err("missing_address"),
                    err("missing_address"), err("missing_address"), err("missing_address"));
        }
    }

    @Test
    void headersThatAreNotAnObjectOfScalarsAreRejected() throws Exception {
        try (RawBridgeClient c = RawBridgeClient.connect(port)) {
            c.sendJson("{\"type\":\"send\",\"address\":\"svc.a\",\"headers\":[1]}");
            c.sendJson("{\"type\":\"send\",\"address\":\"svc.a\",\"headers\":{\"a\":{\"b\":1}}}");
            assertThat(c.sync()).containsExactly(err("invalid_frame"), err("invalid_frame"));
        }
    }

    @Test
    void unregisteringAnAddressNeverRegisteredIsAnUnknownAddress() throws Exception {
        try (RawBridgeClient c = RawBridgeClient.connect(port)) {
            c.unregister("quote.600000.SH");
            assertThat(c.sync()).containsExactly(err("unknown_address"));
        }
    }

    @Test
    void countsFramesAndConnections() throws Exception {
        try (RawBridgeClient c = RawBridgeClient.connect(port)) {
            c.sync();
            c.sync();
            assertThat(metrics().framesIn()).isEqualTo(2);
            assertThat(metrics().bytesIn()).isEqualTo(2 * (4 + "{\"type\":\"ping\"}".length()));
            assertThat(metrics().framesOut()).isEqualTo(2);
            assertThat(metrics().connectionsActive()).isEqualTo(1);
        }
        awaitCondition(() -> metrics().connectionsActive() == 0, "connection released");
    }
}
