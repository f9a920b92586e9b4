package com.quotebus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.client.TestMarket;
import com.quotebus.client.TestSupport;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CliTest {
    Vertx server;
    TestMarket market;
    TestSupport.Gateway gateway;

    /** A fresh market per test: every test sees the same 300 trades of the seeded day. */
    @BeforeEach
    void start() {
        server = Vertx.vertx();
        market = new TestMarket(server);
        gateway = TestSupport.gateway(server, false);
        market.feedTrades(300);
    }

    @AfterEach
    void stop() {
        TestSupport.await(server.close());
    }

    record Result(int exit, String out, String err) {
    }

    static Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, false, 60_000).execute(args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Result run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--gateway";
        all[args.length + 1] = gateway.endpoint();
        return run(Map.of(), all);
    }

    @Test
    void quoteOncePrintsOneTableOfTheNewestQuotes() {
        assertThat(run("quote", "600000.SH", "000001.SZ", "--once")).isEqualTo(new Result(0, """
                CODE       PHASE     LAST    CHG%  VOLUME         BID1         ASK1  TIME
                ---------  -------  -----  ------  ------  -----------  -----------  --------
                600000.SH  trading   9.88  -1.20%  744500   9.87 x1000   9.89 x1000  13:48:02
                000001.SZ  trading  12.03  +0.25%  728200  12.02 x1000  12.04 x1000  13:49:24
                """, ""));
    }

    /**
     * A gateway that answers {@code svc.snapshot} as a node's router does with codes on several shards: one part per
     * shard (here: per code, in code order), merged in part order, failing with the first part that failed.
     */
    private String scatteringGateway(Vertx vertx) {
        TestSupport.await(vertx.eventBus().<io.vertx.core.json.JsonObject>consumer("svc.snapshot", m -> {
            List<String> parts = m.body().getJsonArray("codes").stream().map(String::valueOf).sorted().toList();
            List<io.vertx.core.Future<io.vertx.core.eventbus.Message<io.vertx.core.json.JsonObject>>> replies = parts
                    .stream().map(c -> server.eventBus().<io.vertx.core.json.JsonObject>request("svc.snapshot",
                            new io.vertx.core.json.JsonObject().put("codes", new io.vertx.core.json.JsonArray().add(c))))
                    .toList();
            io.vertx.core.Future.all(replies).onComplete(ar -> {
                if (ar.failed()) {
                    io.vertx.core.eventbus.ReplyException e = (io.vertx.core.eventbus.ReplyException) ar.cause();
                    m.fail(e.failureCode(), e.getMessage());
                    return;
                }
                io.vertx.core.json.JsonArray quotes = new io.vertx.core.json.JsonArray();
                replies.forEach(r -> quotes.addAll(r.result().body().getJsonArray("quotes")));
                m.reply(new io.vertx.core.json.JsonObject().put("quotes", quotes));
            });
        }).completion());
        TestSupport.await(vertx.eventBus().<io.vertx.core.json.JsonObject>consumer("svc.instruments", m -> server
                .eventBus().<io.vertx.core.json.JsonObject>request("svc.instruments", m.body())
                .onSuccess(r -> m.reply(r.body())).onFailure(e -> m.fail(500, e.getMessage()))).completion());
        return TestSupport.gateway(vertx, false).endpoint();
    }

    @Test
    void quoteOnceListsTheCodesInTheOrderGivenWhateverShardsAnswer() {
        Vertx other = Vertx.vertx();
        try {
            String endpoint = scatteringGateway(other);
            // rb2505.SHF has no quote in this market: it is absent from the reply, as a code not traded yet is
            assertThat(run(Map.of(), "quote", "rb2505.SHF", "600000.SH", "000001.SZ", "--once", "--gateway", endpoint))
                    .isEqualTo(new Result(0, """
                    CODE       PHASE     LAST    CHG%  VOLUME         BID1         ASK1  TIME
                    ---------  -------  -----  ------  ------  -----------  -----------  --------
                    600000.SH  trading   9.88  -1.20%  744500   9.87 x1000   9.89 x1000  13:48:02
                    000001.SZ  trading  12.03  +0.25%  728200  12.02 x1000  12.04 x1000  13:49:24
                    no trade yet today: rb2505.SHF
                    """, ""));
        } finally {
            TestSupport.await(other.close());
        }
    }

    @Test
    void quoteOnceNamesEveryUnknownCodeWhenShardsFailApart() {
        Vertx other = Vertx.vertx();
        try {
            String endpoint = scatteringGateway(other);
            assertThat(run(Map.of(), "quote", "600000.SH", "999999.SH", "000001.SZ", "000999.XX", "--once",
                    "--gateway", endpoint)).isEqualTo(new Result(Cli.NOT_FOUND, "", """
                    quotebus: unknown_code [svc.snapshot]: not known instruments: 999999.SH, 000999.XX (2 of 4 codes)
                    check the code and its market suffix (e.g. 600000.SH, 000001.SZ, rb2605.SHF); list codes with 'java -jar target/quotebus.jar instruments SH'
                    """));
        } finally {
            TestSupport.await(other.close());
        }
    }

    @Test
    void ticksShowsTheNewestTradesWithTheirSide() {
        assertThat(run("ticks", "600000.SH", "--count", "5")).isEqualTo(new Result(0, """
                600000.SH  trades 296..300 of 300
                SEQ  TIME          PRICE   QTY    AMOUNT  SIDE
                ---  ------------  -----  ----  --------  ------
                296  13:48:04.140   9.86  2600  25636.00  B 外盘
                297  13:49:07.330   9.88   900   8892.00  B 外盘
                298  13:49:52.631   9.86  1900  18734.00  B 外盘
                299  13:50:12.848   9.88  1600  15808.00  S 内盘
                300  13:50:18.039   9.87  1200  11844.00  S 内盘
                """, ""));
    }

    @Test
    void klinePrintsTheBarsAndACandlestickChart() {
        assertThat(run("kline", "600000.SH", "--count", "8")).isEqualTo(new Result(0, """
                600000.SH  1m bars: 8  adjust: none
                END          OPEN  HIGH   LOW  CLOSE    CHG%  VOLUME
                -----------  ----  ----  ----  -----  ------  ------  -------------
                03-10 13:42  9.93  9.94  9.92   9.92           11300
                03-10 13:43  9.92  9.92  9.92   9.92   0.00%    4900
                03-10 13:45  9.91  9.91  9.89   9.89  -0.30%    6100
                03-10 13:46  9.87  9.87  9.87   9.87  -0.20%    6100
                03-10 13:47  9.86  9.86  9.86   9.86  -0.10%    2900
                03-10 13:49  9.88  9.88  9.86   9.86   0.00%    6100
                03-10 13:50  9.88  9.88  9.86   9.86   0.00%    2800
                03-10 13:51  9.88  9.88  9.87   9.87  +0.10%    2800  (in progress)

                9.94 ┤│
                     ┤▒
                     ┤▒
                     ┤▒█
                     ┤  ▒
                     ┤  ▒
                9.90 ┤  ▒
                     ┤  ▒
                     ┤     ▒▒▒
                     ┤     ▒▒▒
                     ┤   █ ▒▒▒
                9.86 ┤    █▒▒
                """, ""));
    }

    @Test
    void instrumentsLineUpChineseNames() {
        assertThat(run("instruments", "SH")).isEqualTo(new Result(0, """
                CODE       NAME      TYPE     TICK  LOT  PRE CLOSE  UPPER  LOWER  SESSION
                ---------  --------  -----  ------  ---  ---------  -----  -----  --------
                600000.SH  浦发银行  STOCK  0.0100  100      10.00  11.00   9.00  CN_STOCK
                """, ""));
    }

    @Test
    void minutePricevolAndIndicatorRender() {
        Result minute = run("minute", "600000.SH");
        assertThat(minute.exit()).isZero();
        assertThat(minute.out()).startsWith("600000.SH  分时 2025-03-10  points: 172/241\nlast 9.87  avg 10.00  volume 752700");
        assertThat(minute.out()).endsWith(" 9.86 ┤                                                                  *"
                + "           **\n(* price, · average)\n");
        Result pv = run("pricevol", "600000.SH");
        assertThat(pv.out()).startsWith("600000.SH  分价  day volume 752700  levels 29\n");
        assertThat(pv.out()).endsWith("""
                外盘       375000 49.82% ████████████████████████
                内盘       377600 50.17% ████████████████████████
                """);
        assertThat(run("indicator", "600000.SH", "--period", "1m", "--name", "MACD", "--count", "2").out())
                .endsWith("""
                END              DIF      DEA     MACD
                -----------  -------  -------  -------
                03-10 13:50  -0.0220  -0.0188  -0.0065
                03-10 13:51  -0.0218  -0.0194  -0.0049
                """);
    }

    @Test
    void anUnknownCodeExitsWithFourAndSaysWhatToDo() {
        assertThat(run("ticks", "999999.SH")).isEqualTo(new Result(4, "", """
                quotebus: unknown_code [svc.ticks]: '999999.SH' is not a known instrument
                check the code and its market suffix (e.g. 600000.SH, 000001.SZ, rb2605.SHF); list codes with 'java -jar target/quotebus.jar instruments SH'
                """));
    }

    @Test
    void badRequestsAndUsageErrorsHaveTheirExitCodes() {
        assertThat(run("kline", "600000.SH", "--period", "2m").exit()).isEqualTo(Cli.REQUEST);
        assertThat(run("kline", "600000.SH", "--period", "2m").err())
                .startsWith("quotebus: bad_period [svc.kline]: '2m' is not a period");
        assertThat(run("frobnicate")).isEqualTo(new Result(Cli.USAGE, "",
                "quotebus: unknown command 'frobnicate'\nrun 'java -jar target/quotebus.jar --help' for the commands\n"));
        assertThat(run("indicator", "600000.SH").err()).startsWith("quotebus: indicator needs --name");
        assertThat(run("ticks", "600000.SH", "--count", "x").exit()).isEqualTo(Cli.USAGE);
        assertThat(run(Map.of(), "ticks").exit()).isEqualTo(Cli.USAGE);
        assertThat(run(Map.of()).exit()).isEqualTo(Cli.USAGE);
        assertThat(run(Map.of(), "--help").exit()).isEqualTo(Cli.OK);
    }

    @Test
    void noGatewayExitsWithThreeAndSaysHowToStartOne() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Result r = run(Map.of(), "quote", "600000.SH", "--once", "--gateway", "127.0.0.1:" + port);
        assertThat(r.exit()).isEqualTo(Cli.CONNECTION);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("quotebus: cannot connect to 127.0.0.1:" + port + " (");
        assertThat(r.err()).endsWith("is the gateway running? Start a Quotebus node with the access gateway (java -jar"
                + " target/quotebus.jar, see README), or point to one with --gateway HOST:PORT (tried 127.0.0.1:" + port + ")\n");
    }

    @Test
    void adminRepliesArePrintedAsTablesAndTheTokenIsChecked() {
        TestSupport.await(server.eventBus().<io.vertx.core.json.JsonObject>consumer("admin.nodes", m -> m.reply(
                new io.vertx.core.json.JsonObject().put("leader", "node-a").put("nodes", new io.vertx.core.json.JsonArray()
                        .add(new io.vertx.core.json.JsonObject().put("id", "node-a").put("roles", "access,calculator")
                                .put("connections", 12))
                        .add(new io.vertx.core.json.JsonObject().put("id", "node-b").put("roles", "collector"))))).completion());
        java.util.List<io.vertx.core.json.JsonObject> weights = new java.util.concurrent.CopyOnWriteArrayList<>();
        TestSupport.await(server.eventBus().<io.vertx.core.json.JsonObject>consumer("admin.weight", m -> {
            weights.add(m.body());
            m.reply(new io.vertx.core.json.JsonObject().put("ok", true));
        }).completion());
        assertThat(run(Map.of("QUOTEBUS_ADMIN_TOKEN", TestSupport.ADMIN_TOKEN), "admin", "nodes", "--gateway",
                gateway.endpoint())).isEqualTo(new Result(0, """
                leader: node-a

                nodes (2)
                ID      ROLES              CONNECTIONS
                ------  -----------------  -----------
                node-a  access,calculator           12
                node-b  collector                    -
                """, ""));
        assertThat(run("admin", "weight", "svc.kline", "calc-1", "3", "--token", TestSupport.ADMIN_TOKEN))
                .isEqualTo(new Result(0, "ok: true\n", ""));
        assertThat(weights).containsExactly(new io.vertx.core.json.JsonObject().put("service", "svc.kline")
                .put("instance", "calc-1").put("weight", 3));
        assertThat(run("admin", "nodes", "--token", "wrong")).isEqualTo(new Result(Cli.DENIED, "", """
                quotebus: the gateway refused admin nodes: the token is not its access.admin-token
                pass the gateway's access.admin-token with --token or $QUOTEBUS_ADMIN_TOKEN (docs/admin.md)
                """));
        assertThat(run("admin", "nodes").err()).startsWith("quotebus: admin commands need the admin token");
        assertThat(run("admin", "weight", "svc.kline", "calc-1", "--token", "t").err())
                .startsWith("quotebus: admin weight takes 3 argument(s): SERVICE INSTANCE WEIGHT");
    }

    @Test
    void aGatewayWithAdminOffSaysHowToEnableIt() {
        com.quotebus.access.bridge.AccessGatewayVerticle adminOff = new com.quotebus.access.bridge.AccessGatewayVerticle(
                com.quotebus.access.bridge.BridgeServerOptions.builder().host("127.0.0.1").port(0).idleTimeoutMs(0)
                        .build(), null, null);
        TestSupport.await(server.deployVerticle(adminOff));
        assertThat(run(Map.of(), "admin", "nodes", "--token", "anything", "--gateway", "127.0.0.1:" + adminOff.port()))
                .isEqualTo(new Result(Cli.DENIED, "", """
                        quotebus: admin is off on this gateway (it has no access.admin-token)
                        enable admin with access.admin-token=SECRET on the gateway (e.g. java -jar target/quotebus.jar access.admin-token=SECRET; see docs/admin.md), then pass it with --token or $QUOTEBUS_ADMIN_TOKEN
                        """));
    }

    @Test
    void kickingAnUnknownSessionSaysThereIsNoSuchSession() {
        TestSupport.await(server.eventBus().consumer("admin.kick",
                m -> m.fail(404, "not_found: no session s-doesnotexist")).completion());
        assertThat(run("admin", "kick", "s-doesnotexist", "--token", TestSupport.ADMIN_TOKEN)).isEqualTo(new Result(
                Cli.NOT_FOUND, "", "quotebus: admin kick: no session s-doesnotexist\n"));
    }

    @Test
    void optionsMayComeBeforeTheCommand() {
        Result r = run(Map.of(), "--timeout", "8000", "--gateway", gateway.endpoint(), "ticks", "600000.SH", "--count",
                "3");
        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(r.out()).startsWith("600000.SH  trades 298..300 of 300\n");
    }

    @Test
    void liveQuotesPrintOneLinePerUpdateWhenNotATerminal() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int[] exit = {-1};
        Thread cli = new Thread(() -> exit[0] = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false, 60_000)
                .execute(new String[] {"quote", "000001.SZ", "--duration", "2", "--gateway", gateway.endpoint()}));
        cli.start();
        TestSupport.awaitCondition(() -> out.toString(StandardCharsets.UTF_8).contains("000001.SZ"), "the first line");
        long seqBefore = market.onContext(() -> market.engine.quoteSeq("000001.SZ"));
        market.feedTrades(40);
        cli.join(10_000);
        long seqAfter = market.onContext(() -> market.engine.quoteSeq("000001.SZ"));
        com.quotebus.core.event.Snapshot s = market.onContext(() -> market.engine.symbol("000001.SZ").snapshot());
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(exit[0]).isZero();
        assertThat(lines).hasSize((int) (1 + seqAfter - seqBefore));
        assertThat(lines.get(lines.size() - 1)).endsWith(" 000001.SZ last "
                + com.quotebus.client.PriceFormat.yuan(s.last()) + " "
                + com.quotebus.client.PriceFormat.changePercent(s.last(), s.preClose()) + " vol " + s.volume()
                + " bid " + com.quotebus.client.PriceFormat.yuan(s.bid().prices()[0])
                + " ask " + com.quotebus.client.PriceFormat.yuan(s.ask().prices()[0]) + " seq " + seqAfter);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    /**
     * A gateway that gives a first subscriber the current value ({@code svc.last}), as a node's does: that value
     * is the one the snapshot already printed, and must not be printed again.
     */
    @Test
    void liveQuotesPrintEachUpdateOnceWhenTheGatewaySendsTheCurrentValueFirst() throws Exception {
        com.quotebus.access.bridge.BridgeServerOptions options = com.quotebus.access.bridge.BridgeServerOptions.builder()
                .host("127.0.0.1").port(0).idleTimeoutMs(0)
                .inboundPermits(List.of(com.quotebus.access.bridge.AddressPermit.regex("svc\\..+"))).build();
        io.vertx.core.Context hubContext = server.getOrCreateContext();
        com.quotebus.access.bridge.SubscriptionHub hub = TestSupport.await(io.vertx.core.Future.<com.quotebus.access.bridge.SubscriptionHub>future(
                p -> hubContext.runOnContext(v -> {
                    com.quotebus.access.bridge.SubscriptionHub h = new com.quotebus.access.bridge.SubscriptionHub(server,
                            options, new com.quotebus.access.bridge.BridgeMetrics());
                    h.setInitialValues(address -> server.eventBus()
                            .request("svc.last", new io.vertx.core.json.JsonObject().put("address", address))
                            .map(m -> m.body()));
                    p.complete(h);
                })));
        com.quotebus.access.bridge.AccessGatewayVerticle withFirstValues =
                new com.quotebus.access.bridge.AccessGatewayVerticle(options, hub, null);
        TestSupport.await(server.deployVerticle(withFirstValues));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int[] exit = {-1};
        Thread cli = new Thread(() -> exit[0] = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false, 60_000)
                .execute(new String[] {"quote", "000001.SZ", "600000.SH", "--duration", "2", "--gateway",
                        "127.0.0.1:" + withFirstValues.port()}));
        cli.start();
        TestSupport.awaitCondition(() -> out.toString(StandardCharsets.UTF_8).lines().count() >= 2, "the first lines");
        Thread.sleep(300); // the subscription's first values (svc.last) arrive meanwhile
        long szBefore = market.onContext(() -> market.engine.quoteSeq("000001.SZ"));
        long shBefore = market.onContext(() -> market.engine.quoteSeq("600000.SH"));
        market.feedTrades(40);
        cli.join(10_000);
        long szAfter = market.onContext(() -> market.engine.quoteSeq("000001.SZ"));
        long shAfter = market.onContext(() -> market.engine.quoteSeq("600000.SH"));
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(exit[0]).isZero();
        assertThat(lines).doesNotHaveDuplicates();
        java.util.List<String> expected = new java.util.ArrayList<>();
        for (long seq = szBefore; seq <= szAfter; seq++) {
            expected.add("000001.SZ seq " + seq);
        }
        for (long seq = shBefore; seq <= shAfter; seq++) {
            expected.add("600000.SH seq " + seq);
        }
        assertThat(lines.stream().map(l -> l.split(" ")[1] + " seq " + l.substring(l.lastIndexOf(' ') + 1)).sorted())
                .containsExactlyElementsOf(expected.stream().sorted().toList());
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void aSlowReplyIsReportedAsProgressOnStderr() {
        TestSupport.await(server.eventBus().consumer("admin.sessions", m -> { }).completion());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), false, 50)
                .execute(new String[] {"admin", "sessions", "--token", TestSupport.ADMIN_TOKEN, "--timeout", "300",
                        "--gateway", gateway.endpoint()});
        assertThat(exit).isEqualTo(Cli.REQUEST);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("waiting for admin.sessions …\n")
                .endsWith("retry, or allow more time with --timeout MS\n");
    }
}
