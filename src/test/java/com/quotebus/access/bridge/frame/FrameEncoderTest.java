package com.quotebus.access.bridge.frame;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.WriteStream;
import io.vertx.ext.eventbus.bridge.tcp.impl.protocol.FrameHelper;
import org.junit.jupiter.api.Test;

/** Our frames are byte-identical to the stock bridge's FrameHelper output (5.0.8). */
class FrameEncoderTest {

    /** Captures what the stock helper writes. */
    private static final class Capture implements WriteStream<Buffer> {
        final Buffer written = Buffer.buffer();

        @Override
        public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            return this;
        }

        @Override
        public Future<Void> write(Buffer data) {
            written.appendBuffer(data);
            return Future.succeededFuture();
        }

        @Override
        public Future<Void> end() {
            return Future.succeededFuture();
        }

        @Override
        public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
            return this;
        }

        @Override
        public boolean writeQueueFull() {
            return false;
        }

        @Override
        public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
            return this;
        }
    }

    private static Buffer stockMessage(String address, String replyAddress, JsonObject headers, boolean send,
                                       Object body) {
        Capture c = new Capture();
        FrameHelper.sendFrame("message", address, replyAddress, headers, send, body, c);
        return c.written;
    }

    @Test
    void publishedMessageMatchesTheStockBridgeByteForByte() {
        JsonObject body = new JsonObject().put("last", 101200).put("name", "浦发银行")
                .put("bids", new JsonArray().add(101100).add(101000)).put("ratio", 0.25).put("halted", false);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("seq", "7").add("src", "sh");
        byte[] ours = FrameEncoder.message("quote.600000.SH", null, headers, body, false);
        Buffer stock = stockMessage("quote.600000.SH", null, new JsonObject().put("seq", "7").put("src", "sh"), false,
                body);
        assertThat(ours).isEqualTo(stock.getBytes());
    }

    @Test
    void requestMessageWithReplyAddressAndScalarBodiesMatchTheStockBridge() {
        for (Object body : new Object[] {"text", 42, 4_000_000_000L, 1.5, true, new JsonArray().add("a")}) {
            byte[] ours = FrameEncoder.message("client.inbox", "__vertx.reply.1", null, body, true);
            Buffer stock = stockMessage("client.inbox", "__vertx.reply.1", new JsonObject(), true, body);
            assertThat(new String(ours, 4, ours.length - 4)).isEqualTo(stock.getString(4, stock.length()));
            assertThat(ours).isEqualTo(stock.getBytes());
        }
    }

    @Test
    void nullBodyIsOmittedAsInTheStockBridge() {
        byte[] ours = FrameEncoder.message("a", null, null, null, false);
        assertThat(ours).isEqualTo(stockMessage("a", null, new JsonObject(), false, null).getBytes());
    }

    @Test
    void errFramesMatchTheStockBridge() {
        Capture simple = new Capture();
        FrameHelper.sendErrFrame("access_denied", simple);
        assertThat(FrameEncoder.err(ErrorCode.ACCESS_DENIED)).isEqualTo(simple.written.getBytes());

        Capture failure = new Capture();
        // The stock helper takes (sourceAddress, replyAddress): the frame's address is the client's reply address.
        FrameHelper.sendErrFrame("svc.x", "r-1", new ReplyException(ReplyFailure.RECIPIENT_FAILURE, 42, "boom"),
                failure);
        assertThat(FrameEncoder.requestFailure("r-1", "svc.x", 42, "RECIPIENT_FAILURE", "boom"))
                .isEqualTo(failure.written.getBytes());

        Capture pong = new Capture();
        FrameHelper.sendFrame("pong", pong);
        assertThat(FrameEncoder.pong()).isEqualTo(pong.written.getBytes());
    }

    @Test
    void repeatedHeaderKeepsItsLastValue() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("k", "1").add("k", "2");
        byte[] frame = FrameEncoder.message("a", null, headers, null, false);
        assertThat(new JsonObject(Buffer.buffer(frame).slice(4, frame.length)).getJsonObject("headers"))
                .isEqualTo(new JsonObject().put("k", "2"));
    }

    @Test
    void recordBodiesAreWrittenAsJsonObjects() {
        record Quote(String code, long last) {
        }
        byte[] frame = FrameEncoder.message("quote.x", null, null, new Quote("600000.SH", 101200), false);
        assertThat(new JsonObject(Buffer.buffer(frame).slice(4, frame.length)).getJsonObject("body"))
                .isEqualTo(new JsonObject().put("code", "600000.SH").put("last", 101200));
    }

    @Test
    void gapMarkerHasTheDocumentedShape() {
        byte[] frame = FrameEncoder.gap("tick.600000.SH", 17);
        assertThat(new String(frame, 4, frame.length - 4)).isEqualTo("{\"type\":\"message\",\"address\":"
                + "\"tick.600000.SH\",\"headers\":{\"gap\":\"true\"},\"body\":{\"gap\":true,\"dropped\":17},"
                + "\"send\":false}");
    }
}
