package com.quotebus.collector.verticle;

import com.quotebus.collector.journal.JournalFormat;
import com.quotebus.collector.journal.JournalPage;
import com.quotebus.collector.journal.WireEventSerializer;
import com.quotebus.collector.pipeline.CollectorPipeline;
import com.quotebus.collector.pipeline.TradingDayRouter;
import com.quotebus.core.event.MarketEvent;
import com.quotebus.core.event.MarketTime;
import com.quotebus.wire.EventCodec;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Serves {@code internal.journal.replay}: one page of a day's journal for a shard or a set of codes, so a
 * calculator can rebuild its symbols from the start of the day and then switch to live without gap or duplicate
 * (handshake in docs/collector.md "Late join and restart"). Request (JSON): {@code shard} and/or {@code codes},
 * optional {@code tradingDay}, {@code from} (0 = start), {@code end} (from the previous page), {@code maxEvents}.
 * Reply: body = the events' {@link EventCodec} encodings back to back; headers {@code count},
 * {@code nextPosition}, {@code endPosition}, {@code complete}, {@code tradingDay}. Failures: 400 bad request,
 * 404 no journal for that day, 500 journal unreadable. The file is read on a worker thread.
 */
final class JournalReplayHandler implements Handler<Message<JsonObject>> {
    static final int BAD_REQUEST = 400;
    static final int NOT_FOUND = 404;
    static final int UNREADABLE = 500;
    private static final long MAX_SCAN_BYTES = 64L << 20;

    private final Vertx vertx;
    private final Path directory;
    private final int shards;
    private final int maxEvents;
    private final TradingDayRouter days;

    JournalReplayHandler(Vertx vertx, Path directory, int shards, int maxEvents, TradingDayRouter days) {
        this.vertx = vertx;
        this.directory = directory;
        this.shards = shards;
        this.maxEvents = maxEvents;
        this.days = days;
    }

    @Override
    public void handle(Message<JsonObject> msg) {
        JsonObject req = msg.body() == null ? new JsonObject() : msg.body();
        Predicate<MarketEvent> filter;
        LocalDate day;
        long from;
        long end;
        int limit;
        Path file;
        try {
            filter = filter(req);
            String dayText = req.getString("tradingDay");
            day = dayText == null ? days.current().tradingDay() : LocalDate.parse(dayText);
            from = Math.max(req.getLong("from", 0L), JournalFormat.HEADER_LENGTH);
            file = JournalFormat.fileFor(directory, day);
            CollectorPipeline open = days.pipelineOf(day);
            long available = open != null ? open.journalPosition() : Files.exists(file) ? Files.size(file) : -1;
            if (available < 0) {
                msg.fail(NOT_FOUND, "no journal for trading day " + day);
                return;
            }
            end = Math.min(req.getLong("end", available), available);
            limit = Math.min(req.getInteger("maxEvents", maxEvents), maxEvents);
            if (limit < 1) {
                throw new IllegalArgumentException("maxEvents must be >= 1");
            }
        } catch (ClassCastException | IllegalArgumentException | DateTimeParseException | java.io.IOException e) {
            msg.fail(BAD_REQUEST, "bad replay request: " + e.getMessage());
            return;
        }
        vertx.executeBlocking(() -> JournalPage.read(file, WireEventSerializer.INSTANCE, from, end, filter, limit,
                MAX_SCAN_BYTES), false).onComplete(ar -> {
                    if (ar.failed()) {
                        Throwable t = ar.cause();
                        msg.fail(UNREADABLE,
                                "journal " + file + " unreadable: " + t.getMessage());
                        return;
                    }
                    JournalPage page = ar.result();
                    msg.reply(encode(page), new DeliveryOptions()
                            .addHeader("count", Integer.toString(page.events().size()))
                            .addHeader("nextPosition", Long.toString(page.nextPosition()))
                            .addHeader("endPosition", Long.toString(page.endPosition()))
                            .addHeader("complete", Boolean.toString(page.complete()))
                            .addHeader("tradingDay", day.toString()));
                });
    }

    private Predicate<MarketEvent> filter(JsonObject req) {
        Integer shard = req.getInteger("shard");
        Integer theirShards = req.getInteger("shards");
        if (theirShards != null && theirShards != shards) {
            throw new IllegalArgumentException("shards is " + theirShards + " but the collector publishes on "
                    + shards);
        }
        JsonArray codes = req.getJsonArray("codes");
        if (shard == null && codes == null) {
            throw new IllegalArgumentException("give a shard or codes");
        }
        if (shard != null && (shard < 0 || shard >= shards)) {
            throw new IllegalArgumentException("shard must be 0.." + (shards - 1) + ", was " + shard);
        }
        Set<String> set = new HashSet<>();
        if (codes != null) {
            codes.forEach(c -> set.add(String.valueOf(c)));
        }
        // the market time belongs to every shard: a replay closes bars where the live stream did
        return e -> e instanceof MarketTime
                || (shard != null && CollectorAddresses.shardOf(e.code(), shards) == shard) || set.contains(e.code());
    }

    static Buffer encode(JournalPage page) {
        Buffer out = Buffer.buffer(page.events().size() * 64 + 16);
        ByteBuffer scratch = ByteBuffer.allocate(EventCodec.MAX_ENCODED_LENGTH);
        for (MarketEvent e : page.events()) {
            scratch.clear();
            int n = EventCodec.encode(e, scratch);
            out.appendBytes(scratch.array(), 0, n);
        }
        return out;
    }
}
