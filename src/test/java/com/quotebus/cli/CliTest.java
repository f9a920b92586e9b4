package com.quotebus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.quotebus.client.TestMarket;
import com.quotebus.client.TestSupport;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CliTest {
    static Vertx server;
    static TestMarket market;
    static TestSupport.Gateway gateway;

    @BeforeAll
    static void start() {
        server = Vertx.vertx();
        market = new TestMarket(server);
        gateway = TestSupport.gateway(server, false);
        market.feedTrades(300);
    }

    @AfterAll
    static void stop() {
        TestSupport.await(server.close());
    }

    record Result(int exit, String out, String err) {
    }

    static Result run(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, false).execute(args);
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result run(String... args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--gateway";
        all[args.length + 1] = gateway.endpoint();
        return run(Map.of(), all);
    }

    @Test
    void dump() {
        for (String[] a : new String[][] {{"quote", "600000.SH", "000001.SZ", "--once"}, {"ticks", "600000.SH", "--count", "5"},
                {"kline", "600000.SH", "--count", "8"}, {"minute", "600000.SH"}, {"pricevol", "600000.SH"},
                {"indicator", "600000.SH", "--period", "1m", "--name", "MACD", "--count", "4"}, {"instruments", "SH"},
                {"ticks", "999999.SH"}}) {
            Result r = run(a);
            System.out.println("== " + String.join(" ", a) + " -> " + r.exit + "\n" + r.out + r.err);
        }
    }
}
