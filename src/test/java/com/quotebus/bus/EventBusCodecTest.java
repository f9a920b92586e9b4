package com.quotebus.bus;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.core.event.Side;
import com.quotebus.core.event.Snapshot;
import com.quotebus.core.event.Trade;
import com.quotebus.core.kline.Bar;
import com.quotebus.core.kline.Period;
import com.quotebus.wire.SampleEvents;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(VertxExtension.class)
@Timeout(value = 10, timeUnit = TimeUnit.SECONDS)
class EventBusCodecTest {

    @Test
    void snapshotSentOnTheEventBusArrivesAsTheSameObject(Vertx vertx, VertxTestContext ctx) {
        EventBus bus = EventCodecs.registerAll(vertx.eventBus());
        Snapshot sent = SampleEvents.level2();
        bus.<Snapshot>consumer("quotes.000001.SZ", msg -> ctx.verify(() -> {
            assertThat(msg.body()).isSameAs(sent);
            ctx.completeNow();
        })).completion().onSuccess(v -> bus.send("quotes.000001.SZ", sent)).onFailure(ctx::failNow);
    }

    @Test
    void tradesAndBarsUseTheirDefaultCodecsInRequestReply(Vertx vertx, VertxTestContext ctx) {
        EventBus bus = EventCodecs.registerAll(vertx.eventBus());
        Bar bar = SampleEvents.bar(Period.M1, true);
        bus.<Trade>consumer("bars.for-trade", msg -> msg.reply(bar));
        bus.<Bar>request("bars.for-trade", SampleEvents.trade(Side.BUY))
                .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
                    assertThat(reply.body()).isSameAs(bar);
                    ctx.completeNow();
                })));
    }
}
