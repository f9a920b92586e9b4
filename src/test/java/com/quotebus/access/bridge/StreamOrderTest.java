package com.quotebus.access.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamOrderTest {
    /** Feeds arrivals as the hub does (every push passes the duplicate filter here) and returns what is passed on. */
    private static List<Long> run(StreamOrder<String> order, long... arrivals) {
        List<Long> out = new ArrayList<>();
        for (long seq : arrivals) {
            if (order.hold(seq, "p" + seq)) {
                continue;
            }
            out.add(seq);
            order.passed(seq);
            for (Map.Entry<Long, String> e = order.ready(); e != null; e = order.ready()) {
                out.add(e.getKey());
                order.passed(e.getKey());
            }
        }
        return out;
    }

    @Test
    void aJumpAheadWaitsForTheSeqsBeforeItFromAnyPublisher() {
        StreamOrder<String> order = new StreamOrder<>();
        assertThat(run(order, 1, 2, 5, 3, 4, 6)).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(order.holding()).isFalse();
    }

    @Test
    void theFirstPushStartsTheStreamAndLowerOnesPassToTheDuplicateFilter() {
        StreamOrder<String> order = new StreamOrder<>();
        assertThat(order.hold(810, "p810")).as("nothing before it: the stream starts here").isFalse();
        order.passed(810);
        assertThat(order.hold(805, "p805")).as("a lagging copy, or a new day: the filter decides").isFalse();
        assertThat(order.hold(811, "p811")).isFalse();
        assertThat(order.hold(813, "p813")).isTrue();
    }

    @Test
    void releasingHandsOverWhatIsHeldInOrderAndAHugeJumpIsNotWaitedFor() {
        StreamOrder<String> order = new StreamOrder<>();
        run(order, 1);
        assertThat(order.hold(4, "p4")).isTrue();
        assertThat(order.hold(3, "p3")).isTrue();
        assertThat(order.release().getKey()).isEqualTo(3L);
        assertThat(order.release().getKey()).isEqualTo(4L);
        assertThat(order.release()).isNull();
        assertThat(order.hold(2 + StreamOrder.MAX_JUMP + 1, "far")).isFalse();
    }

    @Test
    void atMostMaxHeldAreHeld() {
        StreamOrder<String> order = new StreamOrder<>();
        run(order, 1);
        for (int i = 0; i < StreamOrder.MAX_HELD; i++) {
            assertThat(order.hold(3 + i, "p")).isTrue();
        }
        assertThat(order.hold(3 + StreamOrder.MAX_HELD, "p")).isFalse();
        assertThat(order.heldCount()).isEqualTo(StreamOrder.MAX_HELD);
    }
}
