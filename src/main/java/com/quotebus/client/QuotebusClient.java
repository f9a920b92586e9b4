package com.quotebus.client;

import com.quotebus.core.kline.Period;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The Quotebus client: typed queries, typed subscriptions and admin requests over the bridge protocol,
 * to one of several access gateways, reconnecting and resuming by itself (docs/clients.md).
 *
 * <pre>{@code
 * try (QuotebusClient client = QuotebusClient.create(ClientOptions.of("10.0.0.5:7000", "10.0.0.6:7000"))) {
 *     client.connect().get();
 *     List<Quote> quotes = client.snapshot(List.of("600000.SH")).get();
 *     client.ticks("600000.SH", tick -> System.out.println(tick)).get();
 * }
 * }</pre>
 *
 * Futures and listeners complete / are called on the client's event-loop thread: do not block there.
 * Thread-safe: every method may be called from any thread.
 */
public final class QuotebusClient implements AutoCloseable {
    private final ClientCore core;
    private final long timeoutMs;

    private QuotebusClient(ClientCore core, long timeoutMs) {
        this.core = core;
        this.timeoutMs = timeoutMs;
    }

    /** A client with its own Vert.x instance (closed with the client). Call {@link #connect()} next. */
    public static QuotebusClient create(ClientOptions options) {
        return create(options, null);
    }

    /** A client on the given Vert.x instance (left open by {@link #close()}); null for its own. */
    public static QuotebusClient create(ClientOptions options, Vertx vertx) {
        ClientCore core = new ClientCore(options, vertx);
        return new QuotebusClient(core, options.requestTimeout().toMillis());
    }

    /**
     * Connects to the first reachable gateway of the list (each tried once, in order) and opens a session.
     * Fails with {@link ErrorCode#CONNECT_FAILED} naming every endpoint's failure. Later disconnections
     * are repaired in the background.
     */
    public CompletableFuture<Void> connect() {
        return core.connect();
    }

    /** The same client whose requests have another deadline (default: {@link ClientOptions#requestTimeout()}). */
    public QuotebusClient withTimeout(Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        return new QuotebusClient(core, timeout.toMillis());
    }

    /** Told about connects, disconnects and reconnect attempts. Set it before {@link #connect()}. */
    public QuotebusClient connectionListener(ConnectionListener listener) {
        core.connectionListener(listener);
        return this;
    }

    /** The session id given by the gateway, or null (not connected yet, or the gateway has no sessions). */
    public String sessionId() {
        return core.sessionId();
    }

    public CompletableFuture<ClientStats> stats() {
        return core.stats();
    }

    // ------------------------------------------------------------------ subscriptions

    /** Quotes of every code, one subscription for them all. */
    public CompletableFuture<Subscription> quote(Collection<String> codes, StreamListener<Quote> listener) {
        List<String> addresses = new ArrayList<>();
        for (String c : codes) {
            addresses.add("quote." + requireCode(c));
        }
        return subscribe(addresses, new ClientCore.Sink<>(listener, Replies::quote, null));
    }

    public CompletableFuture<Subscription> quote(String code, StreamListener<Quote> listener) {
        return quote(List.of(code), listener);
    }

    /** Every trade of the code, in seq order; gaps are filled through {@code svc.ticks}. */
    public CompletableFuture<Subscription> ticks(String code, StreamListener<Tick> listener) {
        return subscribe(List.of("tick." + requireCode(code)),
                new ClientCore.Sink<>(listener, Replies::tick, Function.identity()));
    }

    /** The 分时 updates (finalised points, then the point in progress). */
    public CompletableFuture<Subscription> minute(String code, StreamListener<MinuteUpdate> listener) {
        return subscribe(List.of("minute." + requireCode(code)),
                new ClientCore.Sink<>(listener, Replies::minuteUpdate, null));
    }

    /** The bar in progress and each bar as it closes. */
    public CompletableFuture<Subscription> kline(String code, String period, StreamListener<KlineBar> listener) {
        if (Period.ofWireName(period) == null) {
            return CompletableFuture.failedFuture(new QuotebusException(ErrorCode.BAD_PERIOD, null,
                    "'" + period + "' is not a period (known: " + Period.wireNames() + ")"));
        }
        return subscribe(List.of("kline." + period + "." + requireCode(code)),
                new ClientCore.Sink<>(listener, Replies::bar, null));
    }

    /** The 分价 rows that change. */
    public CompletableFuture<Subscription> priceVolume(String code, StreamListener<PriceVolumeUpdate> listener) {
        return subscribe(List.of("pricevol." + requireCode(code)),
                new ClientCore.Sink<>(listener, Replies::priceVolumeUpdate, null));
    }

    private static String requireCode(String code) {
        if (code == null || code.isBlank() || code.indexOf(' ') >= 0) {
            throw new IllegalArgumentException("'" + code + "' is not an instrument code (e.g. 600000.SH)");
        }
        return code;
    }

    private <T> CompletableFuture<Subscription> subscribe(List<String> addresses, ClientCore.Sink<T> sink) {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (String a : addresses) {
            all.add(core.subscribe(a, sink));
        }
        Subscription subscription = new Subscription() {
            @Override
            public List<String> addresses() {
                return List.copyOf(addresses);
            }

            @Override
            public CompletableFuture<Void> unsubscribe() {
                List<CompletableFuture<Void>> done = new ArrayList<>();
                for (String a : addresses) {
                    done.add(core.unsubscribe(a, sink));
                }
                return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new));
            }
        };
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .handle((v, e) -> {
                    if (e != null) {
                        subscription.unsubscribe();
                        throw new java.util.concurrent.CompletionException(ClientCore.unwrap(e));
                    }
                    return subscription;
                });
    }

    // ------------------------------------------------------------------ queries

    /** Newest quotes of up to 500 codes (codes not yet traded are absent). */
    public CompletableFuture<List<Quote>> snapshot(List<String> codes) {
        return query("svc.snapshot", new JsonObject().put("codes", new JsonArray(new ArrayList<>(codes))),
                Replies::snapshot);
    }

    /**
     * The newest {@code count} bars (1..1000) ending at or before {@code end} (epoch ms; null: now, with
     * the bar in progress), with {@code adjust} {@code none}, {@code forward} or {@code backward} (null: none).
     */
    public CompletableFuture<Kline> kline(String code, String period, int count, Long end, String adjust) {
        JsonObject body = new JsonObject().put("code", code).put("period", period).put("count", count);
        if (end != null) {
            body.put("end", end);
        }
        if (adjust != null) {
            body.put("adjust", adjust);
        }
        return query("svc.kline", body, Replies::kline);
    }

    /** The 分时 line of {@code date} (ISO {@code YYYY-MM-DD}; null: the current trading day). */
    public CompletableFuture<MinuteLine> minute(String code, String date) {
        JsonObject body = new JsonObject().put("code", code);
        if (date != null) {
            body.put("date", date);
        }
        return query("svc.minute", body, Replies::minuteLine);
    }

    /** The newest {@code count} (1..1000) trades with seq below {@code beforeSeq} (null: the newest), oldest first. */
    public CompletableFuture<TickPage> ticks(String code, int count, Long beforeSeq) {
        JsonObject body = new JsonObject().put("code", code).put("count", count);
        if (beforeSeq != null) {
            body.put("beforeSeq", beforeSeq);
        }
        return query("svc.ticks", body, Replies::ticks);
    }

    public CompletableFuture<PriceVolume> priceVolume(String code) {
        return query("svc.pricevol", new JsonObject().put("code", code), Replies::priceVolume);
    }

    /** An indicator (MA, EMA, MACD, KDJ, RSI, BOLL, …) over the newest {@code count} bars; params null for defaults. */
    public CompletableFuture<IndicatorValues> indicator(String code, String period, String name, int[] params,
                                                        int count) {
        JsonObject body = new JsonObject().put("code", code).put("period", period).put("name", name)
                .put("count", count);
        if (params != null) {
            JsonArray a = new JsonArray();
            for (int p : params) {
                a.add(p);
            }
            body.put("params", a);
        }
        return query("svc.indicator", body, Replies::indicator);
    }

    /** Instruments of a market ({@code SH SZ SHF INE DCE CZC CFX GFE}; null: all). */
    public CompletableFuture<List<InstrumentInfo>> instruments(String market) {
        JsonObject body = new JsonObject();
        if (market != null) {
            body.put("market", market);
        }
        return query("svc.instruments", body, Replies::instruments);
    }

    private <T> CompletableFuture<T> query(String address, JsonObject body, Replies.Parse<T> parse) {
        return core.request(address, body, Map.of(), timeoutMs, true)
                .thenApply(reply -> Replies.parse(address, reply, parse));
    }

    /**
     * Any request: the reply body as sent (JsonObject, JsonArray, String, Number, Boolean or null).
     * {@code idempotent} requests are sent again after a reconnect within their deadline; others fail with
     * {@link ErrorCode#CONNECTION_LOST}.
     */
    public CompletableFuture<Object> request(String address, Object body, Map<String, String> headers,
                                             boolean idempotent) {
        return core.request(address, body, Map.copyOf(headers), timeoutMs, idempotent);
    }

    /**
     * An admin request to {@code admin.<command>} with header {@code token}; the reply is a JSON object
     * (a non-object reply is wrapped as {@code {"result": …}}). Never repeated after a reconnect.
     */
    public CompletableFuture<JsonObject> admin(String command, JsonObject body, String token) {
        Map<String, String> headers = token == null ? Map.of() : Map.of("token", token);
        return core.request("admin." + command, body == null ? new JsonObject() : body, headers, timeoutMs, false)
                .thenApply(r -> r instanceof JsonObject o ? o : new JsonObject().put("result", r));
    }

    // ------------------------------------------------------------------ closing

    /** Closes the connection (ending the session) and, if the client made it, its Vert.x instance. */
    public CompletableFuture<Void> closeAsync() {
        return core.close();
    }

    /** As {@link #closeAsync()}, waiting up to 5 s. */
    @Override
    public void close() {
        try {
            core.close().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // closing is best effort; nothing left to release on our side
        }
    }
}
