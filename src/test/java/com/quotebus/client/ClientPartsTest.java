package com.quotebus.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plain parts of the client: sequence verdicts, backoff, framing, error mapping, endpoints. */
class ClientPartsTest {
    @Test
    void sequenceTrackerTellsNextDuplicateJumpAndANewDay() {
        SequenceTracker t = new SequenceTracker();
        List<String> seen = new ArrayList<>();
        for (long seq : new long[] {7, 8, 8, 5, 11, 1, 2}) {
            SequenceTracker.Verdict v = t.check(seq);
            seen.add(seq + ":" + v + (v == SequenceTracker.Verdict.JUMP ? "@" + t.missingFrom() : ""));
            if (v != SequenceTracker.Verdict.DUPLICATE) {
                t.processed(seq);
            }
        }
        assertThat(seen).containsExactly("7:NEXT", "8:NEXT", "8:DUPLICATE", "5:DUPLICATE", "11:JUMP@9", "1:NEXT",
                "2:NEXT");
    }

    @Test
    void backoffDoublesUpToTheCapWithJitterAndStartsOverAfterReset() {
        Backoff b = new Backoff(100, 1000, 7);
        List<Long> delays = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            delays.add(b.nextDelayMs());
        }
        long[] bases = {100, 200, 400, 800, 1000, 1000};
        for (int i = 0; i < bases.length; i++) {
            assertThat(delays.get(i)).isBetween(bases[i] / 2, bases[i]);
        }
        Backoff same = new Backoff(100, 1000, 7);
        List<Long> again = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            again.add(same.nextDelayMs());
        }
        assertThat(again).isEqualTo(delays);
        b.reset();
        assertThat(b.nextDelayMs()).isBetween(50L, 100L);
    }

    @Test
    void framesAreCutOutOfAnySplitOfTheStream() throws Exception {
        Buffer all = FrameCodec.encode(new JsonObject().put("type", "pong"))
                .appendBuffer(FrameCodec.encode(new JsonObject().put("type", "message").put("body", "价格")));
        for (int split = 0; split <= all.length(); split++) {
            FrameCodec.Reader r = new FrameCodec.Reader(1024);
            List<JsonObject> frames = new ArrayList<>();
            r.feed(all.getBuffer(0, split), frames::add);
            r.feed(all.getBuffer(split, all.length()), frames::add);
            assertThat(frames).containsExactly(new JsonObject().put("type", "pong"),
                    new JsonObject().put("type", "message").put("body", "价格"));
        }
        FrameCodec.Reader r = new FrameCodec.Reader(1024);
        assertThatThrownBy(() -> r.feed(Buffer.buffer().appendInt(5000), f -> { }))
                .hasMessage("frame of 5000 bytes exceeds the client's maxFrameSize 1024");
        FrameCodec.Reader r2 = new FrameCodec.Reader(1024);
        assertThatThrownBy(() -> r2.feed(Buffer.buffer().appendInt(2).appendString("[]"), f -> { }))
                .hasMessage("the gateway sent a frame that is not a JSON object: []");
    }

    @Test
    void failuresMapToOneErrorCodeEach() {
        assertThat(ErrorCode.ofFailure("RECIPIENT_FAILURE", 404, "unknown_code: 'x' is not known"))
                .isEqualTo(ErrorCode.UNKNOWN_CODE);
        assertThat(ErrorCode.ofFailure("RECIPIENT_FAILURE", 404, "session_expired"))
                .isEqualTo(ErrorCode.SESSION_EXPIRED);
        assertThat(ErrorCode.ofFailure("RECIPIENT_FAILURE", 411, "something else")).isEqualTo(ErrorCode.COUNT_OUT_OF_RANGE);
        assertThat(ErrorCode.ofFailure("RECIPIENT_FAILURE", 7, "boom")).isEqualTo(ErrorCode.RECIPIENT_FAILURE);
        assertThat(ErrorCode.ofFailure("TIMEOUT", -1, "Timed out")).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(ErrorCode.ofFailure("NO_HANDLERS", -1, "No handlers")).isEqualTo(ErrorCode.NO_HANDLERS);
        assertThat(ErrorCode.ofErr("rate_limited")).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(ErrorCode.ofErr("bad_request")).isEqualTo(ErrorCode.UNKNOWN);
        assertThat(new QuotebusException(ErrorCode.BAD_PERIOD, "svc.kline", 410, "bad_period: '2m' is not a period")
                .getMessage()).isEqualTo("bad_period [svc.kline]: '2m' is not a period");
    }

    @Test
    void endpointsParseHostAndPort() {
        assertThat(Endpoint.parse("127.0.0.1:7000")).isEqualTo(new Endpoint("127.0.0.1", 7000));
        assertThat(Endpoint.parse("[::1]:7001")).isEqualTo(new Endpoint("::1", 7001));
        assertThat(Endpoint.parse("[::1]:7001").toString()).isEqualTo("[::1]:7001");
        assertThatThrownBy(() -> Endpoint.parse("localhost")).hasMessage("'localhost' is not host:port (e.g. 127.0.0.1:7000)");
        assertThatThrownBy(() -> Endpoint.parse("h:x")).hasMessage("'h:x' has no numeric port (e.g. 127.0.0.1:7000)");
        assertThatThrownBy(() -> Endpoint.parse("h:70000")).hasMessage("endpoint port must be 1..65535, was 70000");
    }
}
